import { createUniqueId, For, Show } from 'solid-js'
import { keyResultLabel, objectiveLabel, type Okrs } from '../../domain/labels'
import type { HypothesisFromCards, KeyResultFromHypothesis } from '../../domain/prefill'
import type { Rec } from '../../domain/types'
import type { MilestoneLink } from '../../store/commands/validate'

const NONE = ''

/**
 * Which hypothesis the milestone serves, grouped by objective and numbered H1, H2… as in ideation.
 * Until the room chooses, the hypothesis most of its cards were tagged with shows, marked as
 * coming from the cards and not yet saved: keeping it or choosing another writes the choice.
 */
export function HypothesisChooser(props: {
  okrs: Okrs
  value: string | null
  suggested: HypothesisFromCards | null
  onChange: (hypothesisId: string | null) => void
}) {
  const id = createUniqueId()
  const number = (hypothesisId: string) => props.okrs.hypotheses.findIndex(h => h.id === hypothesisId) + 1
  const shown = () => props.suggested?.hypothesisId ?? props.value
  const orphans = () =>
    props.okrs.hypotheses.filter(h => !props.okrs.objectives.some(o => o.id === h.fields.objectiveId))
  const option = (hypothesis: Rec<'hypothesis'>) => (
    <option value={hypothesis.id} selected={shown() === hypothesis.id}>
      {`H${number(hypothesis.id)}: ${hypothesis.fields.text || '(empty hypothesis)'}`}
    </option>
  )
  return (
    <div class="field">
      <label for={id}>Hypothesis it serves</label>
      <select
        id={id}
        aria-describedby={props.suggested ? `${id}-prefill` : undefined}
        onChange={event => props.onChange(event.currentTarget.value === NONE ? null : event.currentTarget.value)}
      >
        <option value={NONE} selected={!props.okrs.hypotheses.some(h => h.id === shown())}>
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
      <Show when={props.suggested}>
        {suggested => (
          <Prefilled
            noteId={`${id}-prefill`}
            mark="From the cards"
            note={`${suggested().count} of ${suggested().cards} ${suggested().cards === 1 ? 'card' : 'cards'} chose H${number(suggested().hypothesisId)}.`}
            keep={`Keep H${number(suggested().hypothesisId)}`}
            onKeep={() => props.onChange(suggested().hypothesisId)}
          />
        )}
      </Show>
    </div>
  )
}

/** The mark beside a suggested value: where it comes from, that it is not saved, and a way to keep it. */
function Prefilled(props: { noteId: string; mark: string; note: string; keep: string; onKeep: () => void }) {
  return (
    <div class="prefill">
      <p class="prefill-note" id={props.noteId}>
        <span class="prefill-mark">{props.mark}:</span> {props.note} Not saved until you keep it or choose another.
      </p>
      <button type="button" class="button prefill-keep" onClick={() => props.onKeep()}>
        {props.keep}
      </button>
    </div>
  )
}

/** The key result the milestone moves (which implies its objective), or an objective as a whole. */
export function LinkChooser(props: {
  okrs: Okrs
  keyResultId: string | null
  objectiveId: string | null
  /** The key result of the hypothesis (chosen or suggested), shown while nothing is linked. */
  suggested: KeyResultFromHypothesis | null
  onChange: (link: MilestoneLink) => void
}) {
  const id = createUniqueId()
  const current = () => {
    if (props.keyResultId && props.okrs.keyResults.some(kr => kr.id === props.keyResultId)) return `kr:${props.keyResultId}`
    if (props.objectiveId && props.okrs.objectives.some(o => o.id === props.objectiveId)) return `objective:${props.objectiveId}`
    if (props.suggested) return `kr:${props.suggested.keyResultId}`
    return NONE
  }
  const suggestedLabel = (suggested: KeyResultFromHypothesis) => {
    const keyResult = props.okrs.keyResults.find(kr => kr.id === suggested.keyResultId)
    return keyResult ? keyResultLabel(keyResult, props.okrs.keyResults) : 'KR?'
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
      <select
        id={id}
        aria-describedby={props.suggested ? `${id}-prefill` : undefined}
        onChange={event => choose(event.currentTarget.value)}
      >
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
      <Show when={props.suggested}>
        {suggested => (
          <Prefilled
            noteId={`${id}-prefill`}
            mark="From the hypothesis"
            note={
              suggested().of === 1
                ? `${suggestedLabel(suggested())} is its key result.`
                : `${suggestedLabel(suggested())} is the first of its ${suggested().of} key results.`
            }
            keep={`Keep ${suggestedLabel(suggested())}`}
            onKeep={() => props.onChange({ keyResultId: suggested().keyResultId })}
          />
        )}
      </Show>
    </div>
  )
}
