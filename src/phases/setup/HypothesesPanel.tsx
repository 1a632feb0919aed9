import { createEffect, createUniqueId, For, Show, createMemo } from 'solid-js'
import type { Rec } from '../../domain/types'
import { addHypothesis, moveTo, setHypothesisKeyResult, tieHypothesisToObjective } from '../../store/commands/setup'
import { useActions, useCommand } from '../../store/context'
import type { ObjectiveOutline } from '../../store/reads/setup'
import { ReorderList } from '../../ui/ReorderList'
import { TextField } from '../../ui/TextField'
import { AddForm } from './AddForm'
import type { Ask } from './ask'
import { RemoveButton } from './RemoveButton'
import { hypothesisLabels, keyResultLabelAt } from '../../domain/labels'

const SHAPE = 'If we make feedback easier, then more players will submit ratings'

/**
 * Hypotheses, grouped by the objective each belongs to, each written "If …, then …" and tied
 * to the key results it would move.
 */
export function HypothesesPanel(props: {
  objectives: readonly ObjectiveOutline[]
  untied: readonly Rec<'hypothesis'>[]
  ask: Ask
}) {
  // Numbered across the workshop as every other screen numbers them, not within each objective.
  const numbers = createMemo(() =>
    hypothesisLabels(
      [...props.objectives.flatMap(outline => outline.hypotheses), ...props.untied],
      props.objectives.map(outline => outline.objective),
    ),
  )
  const move = useCommand(moveTo)
  const add = useCommand(addHypothesis)

  return (
    <section class="panel setup-section" id="setup-hypotheses" aria-labelledby="setup-hypotheses-title">
      <h3 id="setup-hypotheses-title">Hypotheses</h3>
      <p class="muted">
        Write each one as <strong>“If …, then …”</strong>: the change you bet on, then the result you expect. For
        example: “{SHAPE}”. Tie it to the key results it would move.
      </p>
      <Show
        when={props.objectives.length > 0}
        fallback={<p class="empty">Add an objective first: every hypothesis belongs to one.</p>}
      >
        <For each={props.objectives}>
          {(outline, index) => {
            const objectiveNumber = () => index() + 1
            const name = (at: number) => `hypothesis ${at + 1} of objective ${objectiveNumber()}`
            return (
              <div class="hypothesis-group">
                <h4>
                  <span class="badge">Objective {objectiveNumber()}</span>{' '}
                  {outline.objective.fields.title || 'Untitled objective'}
                </h4>
                <Show
                  when={outline.hypotheses.length > 0}
                  fallback={<p class="muted no-items">No hypothesis for this objective yet.</p>}
                >
                  <ReorderList
                    class="hypothesis-list"
                    items={outline.hypotheses}
                    label={`Hypotheses of objective ${objectiveNumber()}`}
                    itemName={(_, at) => name(at)}
                    onMove={(id, to) => void move(id, 'hypothesis', to)}
                    after={(hypothesis, at) => (
                      <RemoveHypothesis hypothesis={hypothesis} name={name(at())} ask={props.ask} />
                    )}
                    below={(hypothesis, at) => (
                      <HypothesisTies
                        hypothesis={hypothesis}
                        name={name(at())}
                        objectives={props.objectives}
                        keyResults={outline.keyResults}
                      />
                    )}
                  >
                    {(hypothesis, at) => (
                      <HypothesisText hypothesis={hypothesis} label={numbers().get(hypothesis.id) ?? 'H?'} name={name(at())} />
                    )}
                  </ReorderList>
                </Show>
                <AddForm
                  quiet
                  class="add-nested"
                  label="New hypothesis"
                  fieldName={`New hypothesis for objective ${objectiveNumber()}`}
                  buttonLabel="Add hypothesis"
                  buttonName={`Add hypothesis to objective ${objectiveNumber()}`}
                  placeholder="If we …, then …"
                  onAdd={text => add(outline.id, text)}
                  draftKey={`hypothesis:${outline.id}`}
                />
              </div>
            )
          }}
        </For>
      </Show>
      <Show when={props.untied.length > 0}>
        <div class="hypothesis-group untied">
          <h4>Not tied to an objective</h4>
          <p class="muted">Their objective was removed on another tablet. Tie each to an objective, or remove it.</p>
          <ul class="plain-list" aria-label="Hypotheses not tied to an objective">
            <For each={props.untied}>
              {(hypothesis, at) => {
                const name = () => `untied hypothesis ${at() + 1}`
                return (
                  <li class="untied-item">
                    <div class="untied-line">
                      <HypothesisText hypothesis={hypothesis} label={numbers().get(hypothesis.id) ?? 'H?'} name={name()} />
                      <RemoveHypothesis hypothesis={hypothesis} name={name()} ask={props.ask} />
                    </div>
                    <HypothesisTies hypothesis={hypothesis} name={name()} objectives={props.objectives} keyResults={[]} />
                  </li>
                )
              }}
            </For>
          </ul>
        </div>
      </Show>
    </section>
  )
}

function HypothesisText(props: { hypothesis: Rec<'hypothesis'>; label: string; name: string }) {
  const actions = useActions()
  return (
    <div class="labelled-line">
      <span class="badge" aria-hidden="true">
        {props.label}
      </span>
      <TextField
        class="grow grow-text"
        multiline
        label={props.name.replace(/^./, first => first.toUpperCase())}
        hideLabel
        value={props.hypothesis.fields.text}
        placeholder="If we …, then …"
        onInput={text => void actions.updateRecord(props.hypothesis.id, 'hypothesis', { text })}
      />
    </div>
  )
}

function RemoveHypothesis(props: { hypothesis: Rec<'hypothesis'>; name: string; ask: Ask }) {
  const actions = useActions()
  return (
    <RemoveButton
      name={`Remove ${props.name}`}
      onClick={() => {
        const run = () => actions.removeRecord(props.hypothesis.id)
        if (!props.hypothesis.fields.text.trim()) return void run()
        props.ask({
          title: 'Remove this hypothesis?',
          message: () => <p>“{props.hypothesis.fields.text}” will be removed from the workshop.</p>,
          confirmLabel: 'Remove hypothesis',
          run,
        })
      }}
    />
  )
}

/** Which objective a hypothesis belongs to, and which of its key results it would move. */
function HypothesisTies(props: {
  hypothesis: Rec<'hypothesis'>
  name: string
  objectives: readonly ObjectiveOutline[]
  keyResults: readonly Rec<'keyResult'>[]
}) {
  const tie = useCommand(tieHypothesisToObjective)
  const setKeyResult = useCommand(setHypothesisKeyResult)
  const selectId = createUniqueId()
  const known = () => props.objectives.some(outline => outline.id === props.hypothesis.fields.objectiveId)
  let select: HTMLSelectElement | undefined
  // Set once the options are drawn, so an objective added or removed does not shift the choice.
  createEffect(() => {
    const chosen = known() ? props.hypothesis.fields.objectiveId : ''
    if (select) select.value = chosen
  })

  return (
    <div class="ties">
      <div class="field tie-objective">
        <label for={selectId}>Objective</label>
        <select
          ref={select}
          id={selectId}
          aria-label={`Objective of ${props.name}`}
          onChange={event => event.currentTarget.value && void tie(props.hypothesis.id, event.currentTarget.value)}
        >
          <Show when={!known()}>
            <option value="">Choose an objective</option>
          </Show>
          <For each={props.objectives}>
            {(outline, index) => (
              <option value={outline.id}>
                Objective {index() + 1}: {outline.objective.fields.title || 'Untitled'}
              </option>
            )}
          </For>
        </select>
      </div>
      <Show when={known()}>
        <fieldset class="kr-ties" aria-label={`Key results of ${props.name}`}>
          <legend>Key results</legend>
          <Show
            when={props.keyResults.length > 0}
            fallback={<p class="muted no-items">This objective has no key result yet.</p>}
          >
            <div class="chips">
              <For each={props.keyResults}>
                {(keyResult, index) => (
                  <label class="chip">
                    <input
                      type="checkbox"
                      checked={props.hypothesis.fields.keyResultIds.includes(keyResult.id)}
                      onChange={event =>
                        void setKeyResult(props.hypothesis.id, keyResult.id, event.currentTarget.checked)
                      }
                    />
                    <span class="chip-label">{keyResultLabelAt(index())}</span>{' '}
                    <span class="chip-text">{keyResult.fields.text}</span>
                  </label>
                )}
              </For>
            </div>
          </Show>
        </fieldset>
      </Show>
    </div>
  )
}
