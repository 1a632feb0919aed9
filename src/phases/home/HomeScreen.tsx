import { createSignal, For, lazy, Show, Suspense } from 'solid-js'
import type { Rec } from '../../domain/types'
import { queries } from '../../store'
import { useActions, useLive } from '../../store/context'
import { ConfirmDialog, Dialog } from '../../ui/Dialog'
import { ClockNotice } from '../../ui/ClockNotice'
import { JoinButton } from '../handoff/JoinButton'
import { OpenBackup } from '../handoff/OpenBackup'
import { ImportSession1 } from '../../report/ImportSession1'

// Opened now and then: loads with its camera and storage checks only when asked for.
const TabletHealth = lazy(() => import('./TabletHealth'))

interface HomeProps {
  onOpen: (workshopId: string) => void
}

/** Every workshop on this tablet: create, open, rename, remove, or bring one in from a backup. */
export function HomeScreen(props: HomeProps) {
  const actions = useActions()
  const workshops = useLive(
    () => null,
    db => queries.listWorkshops(db),
  )
  const [creating, setCreating] = createSignal(false)
  const [renaming, setRenaming] = createSignal<Rec<'workshop'> | null>(null)
  const [removing, setRemoving] = createSignal<Rec<'workshop'> | null>(null)
  const [health, setHealth] = createSignal(false)

  return (
    <main class="screen home" aria-labelledby="home-title">
      <div class="screen-head">
        <h1 id="home-title">Workshops</h1>
        <p class="lede">
          OKRA Session #2: turn the objectives and hypotheses of Session #1 into a prioritized inventory of
          milestones.
        </p>
      </div>
      <ClockNotice />
      <div class="toolbar">
        <button type="button" class="button primary" onClick={() => setCreating(true)}>
          New workshop
        </button>
        <OpenBackup label="Open a backup file" onMerged={id => props.onOpen(id)} />
        <ImportSession1 label="Prepare from Session #1 files" onImported={id => props.onOpen(id)} />
        <JoinButton onJoined={id => props.onOpen(id)} />
        <button type="button" class="button" onClick={() => setHealth(true)}>
          This tablet
        </button>
      </div>

      <Show when={workshops()} fallback={<p class="muted">Loading…</p>}>
        {list => (
          <Show
            when={list().length > 0}
            fallback={
              <p class="empty">
                No workshop on this tablet yet. Create one, join the facilitator’s with “Join a workshop”, or open a
                backup file.
              </p>
            }
          >
            <ul class="workshop-list" aria-label="Workshops on this tablet">
              <For each={list()}>
                {item => (
                  <li class="workshop-item">
                    <button
                      type="button"
                      class="workshop-open"
                      onClick={() => props.onOpen(item.workshop.id)}
                    >
                      {/* Named by all it shows (title, date, objectives), so voice control finds it by any of it. */}
                      <span class="workshop-title">
                        <span class="visually-hidden">Open </span>
                        {item.workshop.fields.title}
                        <span class="visually-hidden">, </span>
                      </span>
                      <span class="workshop-meta">
                        {formatDate(item.workshop.fields.date)} · {item.objectiveCount}{' '}
                        {item.objectiveCount === 1 ? 'objective' : 'objectives'}
                      </span>
                    </button>
                    <div class="row-actions">
                      <button
                        type="button"
                        class="button"
                        onClick={() => setRenaming(item.workshop)}
                        aria-label={`Rename ${item.workshop.fields.title}`}
                      >
                        Rename
                      </button>
                      <button
                        type="button"
                        class="button danger-quiet"
                        onClick={() => setRemoving(item.workshop)}
                        aria-label={`Delete ${item.workshop.fields.title}`}
                      >
                        Delete
                      </button>
                    </div>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>

      <Suspense>
        <Show when={health()}>
          <TabletHealth onClose={() => setHealth(false)} />
        </Show>
      </Suspense>

      <Show when={creating()}>
        <TitleDialog
          title="New workshop"
          submitLabel="Create workshop"
          initial=""
          onCancel={() => setCreating(false)}
          onSubmit={async title => {
            const id = await actions.createWorkshop({ title })
            setCreating(false)
            props.onOpen(id)
          }}
        />
      </Show>
      <Show when={renaming()}>
        {workshop => (
          <TitleDialog
            title="Rename workshop"
            submitLabel="Rename"
            initial={workshop().fields.title}
            onCancel={() => setRenaming(null)}
            onSubmit={async title => {
              await actions.renameWorkshop(workshop().id, title)
              setRenaming(null)
            }}
          />
        )}
      </Show>
      <Show when={removing()}>
        {workshop => (
          <ConfirmDialog
            title="Delete this workshop?"
            danger
            message={
              <p>
                “{workshop().fields.title}” and everything in it will be removed from this tablet. Other tablets keep
                their copies, and a backup file brings it back.
              </p>
            }
            confirmLabel="Delete workshop"
            onCancel={() => setRemoving(null)}
            onConfirm={async () => {
              await actions.removeWorkshopFromTablet(workshop().id)
              setRemoving(null)
            }}
          />
        )}
      </Show>
    </main>
  )
}

function TitleDialog(props: {
  title: string
  submitLabel: string
  initial: string
  onCancel: () => void
  onSubmit: (title: string) => Promise<void>
}) {
  const [title, setTitle] = createSignal(props.initial)
  const [error, setError] = createSignal('')
  return (
    <Dialog title={props.title} onClose={props.onCancel}>
      <form
        class="dialog-body"
        onSubmit={event => {
          event.preventDefault()
          if (!title().trim()) return setError('Give the workshop a title.')
          void props.onSubmit(title())
        }}
      >
        <div class="field">
          <label for="workshop-title-input">Workshop title</label>
          <input
            id="workshop-title-input"
            value={title()}
            maxLength={200}
            onInput={event => {
              setTitle(event.currentTarget.value)
              setError('')
            }}
            aria-describedby={error() ? 'workshop-title-error' : undefined}
            aria-invalid={error() ? 'true' : undefined}
          />
          <Show when={error()}>
            <p id="workshop-title-error" class="error" role="alert">
              {error()}
            </p>
          </Show>
        </div>
        <div class="dialog-actions">
          <button type="button" class="button" onClick={() => props.onCancel()}>
            Cancel
          </button>
          <button type="submit" class="button primary">
            {props.submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  )
}

export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  if (!year || !month || !day) return iso
  return new Date(year, month - 1, day).toLocaleDateString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  })
}
