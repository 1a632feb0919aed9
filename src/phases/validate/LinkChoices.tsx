import { createUniqueId, For, Show } from 'solid-js'
import { keyResultLabel, objectiveLabel, type Okrs } from '../../domain/labels'
import type { Rec } from '../../domain/types'
import type { MilestoneLink } from '../../store/commands/validate'

const NONE = ''

/** Which hypothesis the milestone serves, grouped by objective and numbered H1, H2… as in ideation. */
export function HypothesisChooser(props: {
  okrs: Okrs
  value: string | null
  onChange: (hypothesisId: string | null) => void
}) {
  const id = createUniqueId()
  const number = (hypothesis: Rec<'hypothesis'>) => props.okrs.hypotheses.indexOf(hypothesis) + 1
  const orphans = () =>
    props.okrs.hypotheses.filter(h => !props.okrs.objectives.some(o => o.id === h.fields.objectiveId))
  const option = (hypothesis: Rec<'hypothesis'>) => (
    <option value={hypothesis.id} selected={props.value === hypothesis.id}>
      {`H${number(hypothesis)}: ${hypothesis.fields.text || '(empty hypothesis)'}`}
    </option>
  )
  return (
    <div class="field">
      <label for={id}>Hypothesis it serves</label>
      <select
        id={id}
        onChange={event => props.onChange(event.currentTarget.value === NONE ? null : event.currentTarget.value)}
      >
        <option value={NONE} selected={!props.okrs.hypotheses.some(h => h.id === props.value)}>
          Not chosen yet
        </option>
        <For each={props.okrs.objectives}>
          {objective => (
            <optgroup label={objectiveLabel(objective)}>
              <For each={props.okrs.hypotheses.filter(h => h.fields.objectiveId === objective.id)}>{option}</For>
            </optgroup>
          )}
        </For>
        <Show when={orphans().length > 0}>
          <optgroup label="No objective">
            <For each={orphans()}>{option}</For>
          </optgroup>
        </Show>
      </select>
    </div>
  )
}

/** The key result the milestone moves (which implies its objective), or an objective as a whole. */
export function LinkChooser(props: {
  okrs: Okrs
  keyResultId: string | null
  objectiveId: string | null
  onChange: (link: MilestoneLink) => void
}) {
  const id = createUniqueId()
  const current = () => {
    if (props.keyResultId && props.okrs.keyResults.some(kr => kr.id === props.keyResultId)) return `kr:${props.keyResultId}`
    if (props.objectiveId && props.okrs.objectives.some(o => o.id === props.objectiveId)) return `objective:${props.objectiveId}`
    return NONE
  }
  const choose = (value: string) => {
    const [kind, target] = value.split(':') as [string, string | undefined]
    if (!target) return props.onChange(null)
    props.onChange(kind === 'kr' ? { keyResultId: target } : { objectiveId: target })
  }
  const keyResultsOf = (objective: Rec<'objective'>) =>
    props.okrs.keyResults
      .filter(kr => kr.fields.objectiveId === objective.id)
      .sort((a, b) => a.fields.position - b.fields.position || (a.id < b.id ? -1 : 1))
  return (
    <div class="field">
      <label for={id}>Key result or objective it moves</label>
      <select id={id} onChange={event => choose(event.currentTarget.value)}>
        <option value={NONE} selected={current() === NONE}>
          Not linked yet
        </option>
        <For each={props.okrs.objectives}>
          {objective => (
            <optgroup label={objectiveLabel(objective)}>
              <option value={`objective:${objective.id}`} selected={current() === `objective:${objective.id}`}>
                {`${objectiveLabel(objective)} as a whole`}
              </option>
              <For each={keyResultsOf(objective)}>
                {keyResult => (
                  <option value={`kr:${keyResult.id}`} selected={current() === `kr:${keyResult.id}`}>
                    {`${keyResultLabel(keyResult, props.okrs.keyResults)}: ${keyResult.fields.text || '(empty key result)'}`}
                  </option>
                )}
              </For>
            </optgroup>
          )}
        </For>
      </select>
    </div>
  )
}
