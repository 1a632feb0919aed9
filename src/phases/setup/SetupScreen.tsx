import { createSignal, For, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { saveTextFile } from '../../exchange/file'
import { backupFileName } from '../../exchange/backup'
import { queries } from '../../store'
import { useActions, useLive } from '../../store/context'
import { ConfirmDialog } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'
import { OpenBackup } from '../handoff/OpenBackup'

/** Prepare: the workshop's title and date, and the objectives the team brings from Session #1. */
export function SetupScreen(props: { workshop: Rec<'workshop'> }) {
  const actions = useActions()
  const objectives = useLive(
    () => props.workshop.id,
    (db, id) => queries.recordsOf(db, id, 'objective'),
  )
  const [draft, setDraft] = createSignal('')
  const [removing, setRemoving] = createSignal<Rec<'objective'> | null>(null)
  let draftInput: HTMLInputElement | undefined

  async function add(event: SubmitEvent) {
    event.preventDefault()
    const title = draft().trim()
    if (!title) return draftInput?.focus()
    await actions.addObjective(props.workshop.id, title)
    setDraft('')
    draftInput?.focus()
  }

  return (
    <section class="phase" aria-labelledby="setup-title">
      <h2 id="setup-title">Prepare</h2>
      <p class="phase-now">The facilitator sets up the workshop and the objectives the team brings from Session #1.</p>

      <div class="panel grid-2">
        <TextField
          label="Workshop title"
          value={props.workshop.fields.title}
          onInput={title => void actions.renameWorkshop(props.workshop.id, title)}
        />
        <TextField
          label="Date"
          type="date"
          value={props.workshop.fields.date}
          onInput={date => date && void actions.setWorkshopDate(props.workshop.id, date)}
        />
      </div>

      <div class="panel">
        <h3>Objectives</h3>
        <Show
          when={(objectives() ?? []).length > 0}
          fallback={<p class="empty">No objective yet. Add the first one below.</p>}
        >
          <ol class="objective-list" aria-label="Objectives">
            <For each={objectives()}>
              {(objective, index) => (
                <li class="objective-item">
                  <TextField
                    label={`Objective ${index() + 1}`}
                    value={objective.fields.title}
                    onInput={title => void actions.editObjective(objective.id, title)}
                  />
                  <button
                    type="button"
                    class="button danger-quiet"
                    aria-label={`Remove objective ${index() + 1}`}
                    onClick={() => setRemoving(objective)}
                  >
                    Remove
                  </button>
                </li>
              )}
            </For>
          </ol>
        </Show>
        <form class="add-row" onSubmit={add}>
          <div class="field grow">
            <label for="new-objective">New objective</label>
            <input
              id="new-objective"
              ref={draftInput}
              value={draft()}
              maxLength={2000}
              placeholder="e.g. Build trust through match experiences"
              onInput={event => setDraft(event.currentTarget.value)}
            />
          </div>
          <button type="submit" class="button primary">
            Add objective
          </button>
        </form>
      </div>

      <div class="panel">
        <h3>Backup</h3>
        <p class="muted">Save the whole workshop as a file, or merge a backup of this workshop from another tablet.</p>
        <div class="toolbar">
          <button
            type="button"
            class="button"
            onClick={async () => saveTextFile(backupFileName(props.workshop), await actions.backupOf(props.workshop))}
          >
            Save backup file
          </button>
          <OpenBackup label="Merge a backup file" workshop={props.workshop} />
        </div>
      </div>

      <Show when={removing()}>
        {objective => (
          <ConfirmDialog
            title="Remove this objective?"
            danger
            message={<p>“{objective().fields.title || 'Untitled objective'}” will be removed from the workshop.</p>}
            confirmLabel="Remove objective"
            onCancel={() => setRemoving(null)}
            onConfirm={async () => {
              await actions.removeObjective(objective().id)
              setRemoving(null)
            }}
          />
        )}
      </Show>
    </section>
  )
}
