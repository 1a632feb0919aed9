import { createSignal, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { checkSameWorkshop } from '../../exchange/backup'
import type { BackupPlan, OpenedFile } from '../../store/commands/backup'
import type { HarvestDB } from '../../store/db'
import type { IncomingPlan, IncomingSummary } from '../../store/commands/incoming'
import { useActions, useCommand } from '../../store/context'
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
  | { step: 'preview'; plan: BackupPlan; previewed: IncomingPlan; summary: IncomingSummary }
  | { step: 'merged'; plan: BackupPlan; summary: IncomingSummary }

/** What the preview says and its button does, by what opening the file will do. */
const WORDING: Record<BackupPlan['mode'], { title: (title: string) => string; lead: string; action: string; done: string }> = {
  merge: {
    title: title => `Backup of “${title}”`,
    lead: 'Its seal matches this workshop’s key on this tablet.',
    action: 'Merge into this tablet',
    done: 'Backup merged',
  },
  restore: {
    title: title => `Restore “${title}”`,
    lead: 'This restores a workshop that is not on this tablet. The file carries the workshop’s key, so this tablet will hold it too and can then exchange codes and files with the room’s other tablets.',
    action: 'Restore on this tablet',
    done: 'Workshop restored',
  },
  copy: {
    title: title => `Open a copy of “${title}”`,
    lead: 'This folder holds the workshop without its key. It opens as a new workshop on this tablet, with a key of its own: the same inventory, but it cannot exchange with the original’s tablets.',
    action: 'Open as a new workshop',
    done: 'Copy opened',
  },
}

/**
 * Opens a backup file (or an exported folder): checks it against this tablet, says whether it
 * merges, restores or opens a copy, shows what is new and what changed, and writes on the
 * person's word.
 */
export function OpenBackup(props: OpenBackupProps) {
  const actions = useActions()
  // The reader and its validator load only when a file is opened, never with the first screen.
  const commands = () => import('../../store/commands/backup')
  const check = useCommand(async (db: HarvestDB, text: string) => (await commands()).checkBackup(db, text))
  const apply = useCommand(async (db: HarvestDB, plan: BackupPlan, previewed: IncomingPlan) =>
    (await commands()).applyBackup(db, plan, previewed),
  )
  const [state, setState] = createSignal<State>({ step: 'idle' })
  const [busy, setBusy] = createSignal(false)
  let input: HTMLInputElement | undefined

  async function onFile(file: File | undefined) {
    if (!file) return
    if (input) input.value = ''
    // A folder .zip exported from the inventory opens as the workshop.json inside it.
    const opened = await import('../../report/open-zip').then(module => module.backupTextOf(file))
    if (!opened.ok) return setState({ step: 'refused', message: opened.message })
    const result = await check(opened.text)
    if (!result.ok) return setState({ step: 'refused', message: result.message })
    if (props.workshop) {
      const mismatch =
        result.mode === 'copy'
          ? 'This folder holds a copy of a workshop without its key: it cannot be merged into a workshop. Open it from the home screen, as a new workshop. Nothing was changed.'
          : checkSameWorkshop(result.backup, props.workshop)
      if (mismatch) return setState({ step: 'refused', message: mismatch })
    }
    const previewed = await actions.planIncoming(result.backup.records)
    setState({ step: 'preview', plan: result, previewed, summary: previewed.summary })
  }

  async function merge(plan: BackupPlan, previewed: IncomingPlan) {
    setBusy(true)
    try {
      const applied = await apply(plan, previewed)
      setState(applied.ok ? { step: 'merged', plan, summary: applied.summary } : { step: 'refused', message: applied.message })
    } catch {
      setState({ step: 'refused', message: 'The backup could not be merged, so nothing was changed.' })
    } finally {
      setBusy(false)
    }
  }

  const file = (plan: BackupPlan): OpenedFile => plan.backup
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
          <Dialog title={WORDING[preview().plan.mode].title(file(preview().plan).title)} onClose={close}>
            <p class="dialog-body">{WORDING[preview().plan.mode].lead}</p>
            <p class="dialog-body">Saved {new Date(file(preview().plan).createdAt).toLocaleString()}.</p>
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
                  onClick={() => void merge(preview().plan, preview().previewed)}
                >
                  {WORDING[preview().plan.mode].action}
                </button>
              </Show>
            </div>
          </Dialog>
        )}
      </Show>
      <Show when={state().step === 'merged' && (state() as Extract<State, { step: 'merged' }>)}>
        {merged => (
          <Dialog title={WORDING[merged().plan.mode].done} onClose={close}>
            <p class="dialog-body" role="status">
              {merged().summary.newCount} new and {merged().summary.changedCount} changed records from “
              {file(merged().plan).title}” are now on this tablet.
            </p>
            <div class="dialog-actions">
              <button
                type="button"
                class="button primary"
                onClick={() => {
                  const workshopId = file(merged().plan).workshopId
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
