import { keyResultLabelAt } from '../../domain/labels'
import { Show } from 'solid-js'
import { addKeyResult, moveTo, removeKeyResult, removeObjectiveWithItems } from '../../store/commands/setup'
import { useActions, useCommand } from '../../store/context'
import type { ObjectiveOutline } from '../../store/reads/setup'
import { ReorderList } from '../../ui/ReorderList'
import { TextField } from '../../ui/TextField'
import { AddForm } from './AddForm'
import { keepOnOneLine, plural, type Ask } from './ask'
import { RemoveButton } from './RemoveButton'

/** Objectives, each with its key results: KR1, KR2… counted within the objective. */
export function ObjectivesPanel(props: {
  workshopId: string
  objectives: readonly ObjectiveOutline[]
  ask: Ask
}) {
  const actions = useActions()
  const move = useCommand(moveTo)
  const removeWithItems = useCommand(removeObjectiveWithItems)

  function askRemove(outline: ObjectiveOutline, number: number) {
    const { keyResults, hypotheses } = outline
    // An empty objective, just added by mistake, goes without a question.
    const run = () => removeWithItems(outline.id)
    if (!outline.objective.fields.title.trim() && keyResults.length + hypotheses.length === 0) return void run()
    const goes = [
      keyResults.length > 0 ? plural(keyResults.length, 'key result', 'key results') : '',
      hypotheses.length > 0 ? plural(hypotheses.length, 'hypothesis', 'hypotheses') : '',
    ].filter(Boolean)
    props.ask({
      title: 'Remove this objective?',
      message: () => (
        <>
          <p>
            Objective {number}, “{outline.objective.fields.title || 'Untitled objective'}”, will be removed from the
            workshop.
          </p>
          {goes.length > 0 && <p>Its {goes.join(' and its ')} will be removed with it.</p>}
        </>
      ),
      confirmLabel: 'Remove objective',
      run,
    })
  }

  return (
    <section class="panel setup-section" id="setup-objectives" aria-labelledby="setup-objectives-title">
      <h3 id="setup-objectives-title">Objectives &amp; key results</h3>
      <p class="muted">The objectives the team brings from Session #1, each with the key results that measure it.</p>
      <Show
        when={props.objectives.length > 0}
        fallback={<p class="empty">No objective yet. Add the first one below.</p>}
      >
        <ReorderList
          class="objective-list"
          items={props.objectives}
          label="Objectives"
          itemName={(_, index) => `objective ${index + 1}`}
          onMove={(id, to) => void move(id, 'objective', to)}
          after={(outline, index) => (
            <RemoveButton name={`Remove objective ${index() + 1}`} onClick={() => askRemove(outline, index() + 1)} />
          )}
          below={(outline, index) => (
            <KeyResults outline={outline} objectiveNumber={index() + 1} ask={props.ask} />
          )}
        >
          {(outline, index) => (
            <div onKeyDown={keepOnOneLine}>
              <TextField
                class="objective-title grow-text"
                multiline
                label={`Objective ${index() + 1}`}
                value={outline.objective.fields.title}
                placeholder="e.g. Build trust through match experiences"
                onInput={title => void actions.editObjective(outline.id, title)}
              />
            </div>
          )}
        </ReorderList>
      </Show>
      <AddForm
        label="New objective"
        buttonLabel="Add objective"
        placeholder="e.g. Build trust through match experiences"
        onAdd={title => actions.addObjective(props.workshopId, title)}
        draftKey={`objective:${props.workshopId}`}
      />
    </section>
  )
}

function KeyResults(props: { outline: ObjectiveOutline; objectiveNumber: number; ask: Ask }) {
  const actions = useActions()
  const move = useCommand(moveTo)
  const add = useCommand(addKeyResult)
  const remove = useCommand(removeKeyResult)
  const name = (index: number) => `${keyResultLabelAt(index)} of objective ${props.objectiveNumber}`

  function askRemove(id: string, index: number) {
    const keyResult = props.outline.keyResults.find(item => item.id === id)
    if (!keyResult) return
    const tied = props.outline.hypotheses.filter(hypothesis => hypothesis.fields.keyResultIds.includes(id)).length
    if (!keyResult.fields.text.trim() && tied === 0) return void remove(id)
    props.ask({
      title: 'Remove this key result?',
      message: () => (
        <>
          <p>
            {keyResultLabelAt(index)}, “{keyResult.fields.text || 'empty'}”, will be removed from objective{' '}
            {props.objectiveNumber}.
          </p>
          {tied > 0 && <p>{plural(tied, 'hypothesis is', 'hypotheses are')} tied to it; only the tie goes.</p>}
        </>
      ),
      confirmLabel: 'Remove key result',
      run: () => remove(id),
    })
  }

  return (
    <div class="key-results">
      <Show
        when={props.outline.keyResults.length > 0}
        fallback={<p class="muted no-items">No key result yet.</p>}
      >
        <ReorderList
          items={props.outline.keyResults}
          label={`Key results of objective ${props.objectiveNumber}`}
          itemName={(_, index) => name(index)}
          onMove={(id, to) => void move(id, 'keyResult', to)}
          after={(keyResult, index) => (
            <RemoveButton name={`Remove ${name(index())}`} onClick={() => askRemove(keyResult.id, index())} />
          )}
        >
          {(keyResult, index) => (
            <div class="labelled-line" onKeyDown={keepOnOneLine}>
              <span class="badge" aria-hidden="true">
                {keyResultLabelAt(index())}
              </span>
              <TextField
                class="grow grow-text"
                multiline
                label={name(index())}
                hideLabel
                value={keyResult.fields.text}
                placeholder="e.g. Match rating submissions up 30%"
                onInput={text => void actions.updateRecord(keyResult.id, 'keyResult', { text })}
              />
            </div>
          )}
        </ReorderList>
      </Show>
      <AddForm
        quiet
        class="add-nested"
        label="New key result"
        fieldName={`New key result for objective ${props.objectiveNumber}`}
        buttonLabel="Add key result"
        buttonName={`Add key result to objective ${props.objectiveNumber}`}
        placeholder="New key result, e.g. Ratings up 30%"
        onAdd={text => add(props.outline.id, text)}
        draftKey={`keyResult:${props.outline.id}`}
      />
    </div>
  )
}
