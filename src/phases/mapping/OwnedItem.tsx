import { createSignal, For, Show } from 'solid-js'
import { keyResultLabel } from '../../domain/labels'
import type { Rec } from '../../domain/types'
import { tieOwnedItem } from '../../store/commands/mapping'
import { useActions, useCommand } from '../../store/context'
import { ConfirmDialog } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'
import { CATEGORY_LABELS, CategoryChoice } from './CategoryChoice'

interface OwnedItemProps {
  item: Rec<'scopeItem'>
  number: number
  /** Open: every field and tie to edit. Closed: one line saying what it is and what it ties to. */
  open: boolean
  onToggle: (open: boolean) => void
  objectives: readonly Rec<'objective'>[]
  keyResults: readonly Rec<'keyResult'>[]
}

/** One owned item: its name, its kind, and a chip for every objective and key result it may move. */
export function OwnedItem(props: OwnedItemProps) {
  const actions = useActions()
  const tie = useCommand(tieOwnedItem)
  const [removing, setRemoving] = createSignal(false)
  const name = () => `owned item ${props.number}`
  const krsOf = (objectiveId: string) => props.keyResults.filter(keyResult => keyResult.fields.objectiveId === objectiveId)

  /** "Objective 1 with KR1, KR3; KR2 of objective 2", in the grid's own labels. */
  const tieSummary = () => {
    const parts: string[] = []
    props.objectives.forEach((objective, index) => {
      const objectiveTied = props.item.fields.objectiveIds.includes(objective.id)
      const krs = krsOf(objective.id)
        .filter(keyResult => props.item.fields.keyResultIds.includes(keyResult.id))
        .map(keyResult => keyResultLabel(keyResult, props.keyResults))
      if (objectiveTied && krs.length > 0) parts.push(`Objective ${index + 1} with ${krs.join(', ')}`)
      else if (objectiveTied) parts.push(`Objective ${index + 1}`)
      else if (krs.length > 0) parts.push(`${krs.join(', ')} of objective ${index + 1}`)
    })
    return parts.join('; ')
  }

  const removeButton = () => (
    <button type="button" class="button danger-quiet" aria-label={`Remove ${name()}`} onClick={() => setRemoving(true)}>
      Remove
    </button>
  )

  return (
    <li class="owned-item" classList={{ 'owned-open': props.open }}>
      <Show
        when={props.open}
        fallback={
          <div class="owned-summary">
            <div class="owned-summary-text">
              <span class="owned-title">{props.item.fields.title || 'Untitled item'}</span>{' '}
              <span class="tag">{CATEGORY_LABELS[props.item.fields.category]}</span>
              <Show when={tieSummary()} fallback={<span class="hint">Not tied to any OKR yet</span>}>
                <span class="owned-ties">Ties to {tieSummary()}</span>
              </Show>
            </div>
            <button
              type="button"
              class="button"
              aria-expanded="false"
              aria-label={`Edit ${name()}`}
              onClick={() => props.onToggle(true)}
            >
              Edit
            </button>
            {removeButton()}
          </div>
        }
      >
        <TextField
          label={`Owned item ${props.number}`}
          value={props.item.fields.title}
          maxLength={300}
          onInput={title => void actions.updateRecord(props.item.id, 'scopeItem', { title })}
        />
        <Show when={!props.item.fields.title.trim()}>
          <p class="error">An owned item needs a name, so the room knows what it is.</p>
        </Show>
        <CategoryChoice
          legend={`Kind of ${name()}`}
          value={props.item.fields.category}
          onChange={category => void actions.updateRecord(props.item.id, 'scopeItem', { category })}
        />
        <fieldset class="ties">
          <legend>Ties to</legend>
          <Show when={props.objectives.length > 0} fallback={<p class="muted">No objectives yet: add them in Prepare.</p>}>
            <For each={props.objectives}>
              {(objective, objectiveIndex) => (
                <div class="tie-group">
                  <label class="chip tie-objective">
                    <input
                      type="checkbox"
                      checked={props.item.fields.objectiveIds.includes(objective.id)}
                      onChange={event =>
                        void tie(props.item.id, { kind: 'objective', id: objective.id }, event.currentTarget.checked)
                      }
                    />
                    <span>
                      <span class="visually-hidden">Tie {name()} to</span>{' '}
                      <strong>Objective {objectiveIndex() + 1}</strong> {objective.fields.title}
                    </span>
                  </label>
                  <For each={krsOf(objective.id)}>
                    {keyResult => (
                      <label class="chip">
                        <input
                          type="checkbox"
                          checked={props.item.fields.keyResultIds.includes(keyResult.id)}
                          onChange={event =>
                            void tie(props.item.id, { kind: 'keyResult', id: keyResult.id }, event.currentTarget.checked)
                          }
                        />
                        <span>
                          <span class="visually-hidden">Tie {name()} to</span>{' '}
                          <strong>{keyResultLabel(keyResult, props.keyResults)}</strong>{' '}
                          <span class="visually-hidden">of objective {objectiveIndex() + 1}</span>{' '}
                          {keyResult.fields.text}
                        </span>
                      </label>
                    )}
                  </For>
                </div>
              )}
            </For>
          </Show>
        </fieldset>
        <Show when={!tieSummary() && props.objectives.length > 0}>
          <p class="hint">Not tied to any OKR yet: tap the key results this moves.</p>
        </Show>
        <div class="owned-actions">
          <button
            type="button"
            class="button"
            aria-expanded="true"
            aria-label={`Done with ${name()}`}
            onClick={() => props.onToggle(false)}
          >
            Done
          </button>
          {removeButton()}
        </div>
      </Show>
      <Show when={removing()}>
        <ConfirmDialog
          title="Remove this owned item?"
          danger
          message={<p>“{props.item.fields.title || 'Untitled item'}” will be removed from the team mapping.</p>}
          confirmLabel="Remove item"
          onCancel={() => setRemoving(false)}
          onConfirm={async () => {
            await actions.removeRecord(props.item.id)
            setRemoving(false)
          }}
        />
      </Show>
    </li>
  )
}
