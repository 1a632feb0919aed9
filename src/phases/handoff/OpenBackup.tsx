import { createSignal, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { checkSameWorkshop, type Backup } from '../../exchange/backup'
import type { IncomingSummary } from '../../store/commands/incoming'
import { useActions } from '../../store/context'
import { Dialog } from '../../ui/Dialog'
import { IncomingSummary as SummaryView } from './IncomingSummary'

interface OpenBackupProps {
  /** When set, only a backup of this workshop may be merged. */
  workshop?: Rec<'workshop'>
  label: string
  onMerged?: (workshopId: string) => void
}

type State =
  | { step: 'idle' }
  | { step: 'refused'; message: string }
  | { step: 'preview'; backup: Backup; summary: IncomingSummary }
  | { step: 'merged'; backup: Backup; summary: IncomingSummary }

/** Opens a backup file: checks it, shows what is new and what changed, merges on the person's word. */
export function OpenBackup(props: OpenBackupProps) {
  const actions = useActions()
  const [state, setState] = createSignal<State>({ step: 'idle' })
  const [busy, setBusy] = createSignal(false)
  let input: HTMLInputElement | undefined

  async function onFile(file: File | undefined) {
    if (!file) return
    if (input) input.value = ''
    // A folder .zip exported from the inventory opens as the backup.json inside it.
    const [{ readBackup }, opened] = await Promise.all([
      import('../../exchange/backup-read'),
      import('../../report/open-zip').then(module => module.backupTextOf(file)),
    ])
    if (!opened.ok) return setState({ step: 'refused', message: opened.message })
    const result = readBackup(opened.text)
    if (!result.ok) return setState({ step: 'refused', message: result.message })
    const mismatch = props.workshop ? checkSameWorkshop(result.backup, props.workshop) : null
    if (mismatch) return setState({ step: 'refused', message: mismatch })
    const summary = await actions.previewIncoming(result.backup.records)
    setState({ step: 'preview', backup: result.backup, summary })
  }

  async function merge(backup: Backup) {
    setBusy(true)
    try {
      const summary = await actions.mergeIncoming(backup.records)
      setState({ step: 'merged', backup, summary })
    } catch {
      setState({ step: 'refused', message: 'The backup could not be merged, so nothing was changed.' })
    } finally {
      setBusy(false)
    }
  }

  const close = () => setState({ step: 'idle' })

  return (
    <>
      <button type="button" class="button" onClick={() => input?.click()}>
        {props.label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.zip,application/json,application/zip"
        class="visually-hidden"
        tabIndex={-1}
        aria-label={props.label}
        // Opened by the visible button beside it: out of the accessibility tree, so it is not a second one.
        aria-hidden="true"
        onChange={event => void onFile(event.currentTarget.files?.[0])}
      />
      <Show when={state().step === 'refused' && (state() as Extract<State, { step: 'refused' }>)}>
        {refused => (
          <Dialog title="This file cannot be opened" onClose={close} role="alertdialog">
            <p class="dialog-body" role="alert">
              {refused().message}
            </p>
            <div class="dialog-actions">
              <button type="button" class="button primary" onClick={close}>
                OK
              </button>
            </div>
          </Dialog>
        )}
      </Show>
      <Show when={state().step === 'preview' && (state() as Extract<State, { step: 'preview' }>)}>
        {preview => (
          <Dialog title={`Backup of “${preview().backup.title}”`} onClose={close}>
            <p class="dialog-body">Saved {new Date(preview().backup.createdAt).toLocaleString()}.</p>
            <SummaryView summary={preview().summary} />
            <div class="dialog-actions">
              <button type="button" class="button" onClick={close}>
                Cancel
              </button>
              <Show when={preview().summary.newCount + preview().summary.changedCount > 0}>
                <button
                  type="button"
                  class="button primary"
                  disabled={busy()}
                  onClick={() => void merge(preview().backup)}
                >
                  Merge into this tablet
                </button>
              </Show>
            </div>
          </Dialog>
        )}
      </Show>
      <Show when={state().step === 'merged' && (state() as Extract<State, { step: 'merged' }>)}>
        {merged => (
          <Dialog title="Backup merged" onClose={close}>
            <p class="dialog-body" role="status">
              {merged().summary.newCount} new and {merged().summary.changedCount} changed records from “
              {merged().backup.title}” are now on this tablet.
            </p>
            <div class="dialog-actions">
              <button
                type="button"
                class="button primary"
                onClick={() => {
                  const workshopId = merged().backup.workshopId
                  close()
                  props.onMerged?.(workshopId)
                }}
              >
                Open workshop
              </button>
            </div>
          </Dialog>
        )}
      </Show>
    </>
  )
}
