import { createSignal, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { saveBytes } from '../../report/download'
import { useActions, useCommand } from '../../store/context'
import { reportOf } from '../../store/reads/report'

/** Print the inventory, or download the seed's folder (the four files and the backup) as a .zip. */
export function ExportBar(props: { workshop: Rec<'workshop'> }) {
  const actions = useActions()
  const readReport = useCommand(reportOf)
  const [bom, setBom] = createSignal(false)
  const [status, setStatus] = createSignal('')
  const [busy, setBusy] = createSignal(false)

  async function download() {
    setBusy(true)
    setStatus('')
    try {
      // The zip code loads only when a folder is made.
      const [source, backup, zip] = await Promise.all([
        readReport(props.workshop.id),
        actions.copyOf(props.workshop),
        import('../../report/zip'),
      ])
      if (!source) return setStatus('This workshop is no longer on this tablet.')
      const name = zip.folderZipName(props.workshop.fields.title, props.workshop.fields.date)
      saveBytes(name, zip.zipFolder(zip.folderFiles(source.records, source.inventory, backup, { bom: bom() })), 'application/zip')
      setStatus(`Saved ${name}: objectives.md, hypotheses.md, milestone-candidates.csv, clusters-and-types.md and workshop.json (without the workshop’s key).`)
    } catch {
      setStatus('The folder could not be made. Nothing was saved.')
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="inv-export" data-work-surface>
      <div class="toolbar">
        <button type="button" class="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" class="button primary" disabled={busy()} onClick={() => void download()}>
          Download folder (.zip)
        </button>
        <label class="inv-bom">
          <input type="checkbox" checked={bom()} onChange={event => setBom(event.currentTarget.checked)} />
          Add a BOM for spreadsheet programs
        </label>
      </div>
      <Show when={status()}>
        <p class="muted" role="status">
          {status()}
        </p>
      </Show>
    </div>
  )
}
