import { createEffect, For, Show } from 'solid-js'
import { groupByPair, pairChoices } from '../../domain/setup-rules'
import type { Rec } from '../../domain/types'
import { addParticipant, autoPair, moveTo } from '../../store/commands/setup'
import { useActions, useCommand } from '../../store/context'
import { ReorderList } from '../../ui/ReorderList'
import { TextField } from '../../ui/TextField'
import { AddForm } from './AddForm'
import type { Ask } from './ask'
import { RemoveButton } from './RemoveButton'

/** The roster, and the pairs people work in for team mapping ("divide and conquer"). */
export function ParticipantsPanel(props: { workshopId: string; roster: readonly Rec<'participant'>[]; ask: Ask }) {
  const actions = useActions()
  const add = useCommand(addParticipant)
  const move = useCommand(moveTo)
  const pairAll = useCommand(autoPair)
  const choices = () => pairChoices(props.roster.map(person => person.fields.pair))
  const groups = () => groupByPair(props.roster.map(person => person.fields))

  return (
    <section class="panel setup-section" id="setup-participants" aria-labelledby="setup-participants-title">
      <h3 id="setup-participants-title">Participants</h3>
      <p class="muted">Everyone in the room, and the pair each one works in for team mapping.</p>
      <AddForm
        label="New participant"
        buttonLabel="Add participant"
        placeholder="Name, e.g. Ana"
        onAdd={name => add(props.workshopId, name)}
        draftKey={`participant:${props.workshopId}`}
      />
      <Show
        when={props.roster.length > 0}
        fallback={<p class="empty">No participant yet. Add each person by name.</p>}
      >
        <div class="toolbar pairing">
          <button type="button" class="button" onClick={() => void pairAll(props.workshopId)}>
            Auto-pair
          </button>
          <span class="muted">Pairs the list in its order: the 1st with the 2nd, the 3rd with the 4th…</span>
        </div>
        <ReorderList
          class="roster"
          items={props.roster}
          label="Participants"
          itemName={(_, index) => `participant ${index + 1}`}
          onMove={(id, to) => void move(id, 'participant', to)}
          after={(person, index) => (
            <RemoveButton
              name={`Remove participant ${index() + 1}`}
              onClick={() => {
                const run = () => actions.removeRecord(person.id)
                if (!person.fields.name.trim()) return void run()
                props.ask({
                  title: 'Remove this participant?',
                  message: () => <p>{person.fields.name} will be taken off the roster.</p>,
                  confirmLabel: 'Remove participant',
                  run,
                })
              }}
            />
          )}
        >
          {(person, index) => (
            <div class="person-line">
              <TextField
                class="grow"
                label={`Participant ${index() + 1}`}
                hideLabel
                value={person.fields.name}
                placeholder="Name"
                onInput={name => void actions.updateRecord(person.id, 'participant', { name })}
              />
              <PairChooser
                name={`Pair of participant ${index() + 1}`}
                pair={person.fields.pair.trim()}
                choices={choices()}
                onChoose={pair => void actions.updateRecord(person.id, 'participant', { pair })}
              />
            </div>
          )}
        </ReorderList>
        <ul class="pair-summary" aria-label="Pairs">
          <For each={groups()}>
            {group => (
              <li classList={{ unpaired: group.pair === '' }}>
                <strong>{group.pair || 'Not in a pair'}:</strong>{' '}
                {group.people.map(person => person.name.trim() || 'Unnamed').join(', ')}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}

function PairChooser(props: {
  name: string
  pair: string
  choices: ReturnType<typeof pairChoices>
  onChoose: (pair: string) => void
}) {
  let select: HTMLSelectElement | undefined
  // Set after the options are drawn: the "new pair" option changes its value as pairs fill up,
  // and a value given before that would stay on whichever option had it a moment ago.
  createEffect(() => {
    const pair = props.pair
    void props.choices
    if (select) select.value = pair
  })
  return (
    <select
      ref={select}
      class="pair-select"
      aria-label={props.name}
      onChange={event => props.onChoose(event.currentTarget.value)}
    >
      <option value="">No pair</option>
      <For each={props.choices.existing}>{pair => <option value={pair}>{pair}</option>}</For>
      <option value={props.choices.next}>{props.choices.next} (new)</option>
    </select>
  )
}
