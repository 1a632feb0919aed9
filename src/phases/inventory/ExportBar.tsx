import { createSignal, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { documentCss, printableName, printablePage, printOffered, printPlaceHere, PRINTABLE_TYPE } from '../../report/printable'
import { useActions, useCommand } from '../../store/context'
import { reportOf } from '../../store/reads/report'
import { savedWords, SaveFileButton, type FileOut } from '../../ui/SaveFileButton'

const ZIP_TYPE = 'application/zip'

/**
 * Print the inventory (or, where the app cannot print, share it as a printable page), and send
 * the seed's folder (the four files and the backup) as a .zip: shared where the tablet shares
 * files, downloaded elsewhere.
 */
export function ExportBar(props: { workshop: Rec<'workshop'> }) {
  const actions = useActions()
  const readReport = useCommand(reportOf)
  const [bom, setBom] = createSignal(false)
  const [status, setStatus] = createSignal('')
  const canPrint = printOffered(printPlaceHere())
  let root: HTMLDivElement | undefined

  async function folder(): Promise<File | string> {
    setStatus('')
    try {
      // The zip code loads only when a folder is made.
      const [source, backup, zip] = await Promise.all([
        readReport(props.workshop.id),
        actions.copyOf(props.workshop),
        import('../../report/zip'),
      ])
      if (!source) return 'This workshop is no longer on this tablet.'
      const bytes = zip.zipFolder(zip.folderFiles(source.records, source.inventory, backup, { bom: bom() }))
      const name = zip.folderZipName(props.workshop.fields.title, props.workshop.fields.date)
      return new File([bytes as Uint8Array<ArrayBuffer>], name, { type: ZIP_TYPE })
    } catch {
      return 'The folder could not be made. Nothing was saved.'
    }
  }

  function folderDone(out: FileOut, name: string) {
    setStatus(
      savedWords(
        out,
        name,
        'It holds objectives.md, hypotheses.md, milestone-candidates.csv, clusters-and-types.md and workshop.json (without the workshop’s key).',
      ),
    )
  }

  /** Made in the tap itself, from the inventory on screen: the share sheet opens at once. */
  function printable(): File | string {
    setStatus('')
    const report = root?.closest('.inventory')?.querySelector('.inv-report')
    if (!report) return 'The inventory is not on screen yet.'
    const { title, date } = props.workshop.fields
    const html = printablePage({ title, date, report, css: documentCss(document) })
    return new File([html], printableName(title, date), { type: PRINTABLE_TYPE })
  }

  function printableDone(out: FileOut, name: string) {
    setStatus(savedWords(out, name, 'Open it in Safari or any browser, and print it from there.'))
  }

  return (
    <div class="inv-export" data-work-surface ref={root}>
      <div class="toolbar">
        <Show
          when={canPrint}
          fallback={
            <SaveFileButton
              label={{ share: 'Share printable page', save: 'Download printable page' }}
              like={{ name: 'inventory.html', type: PRINTABLE_TYPE }}
              prepare={printable}
              onDone={printableDone}
            />
          }
        >
          <button type="button" class="button" onClick={() => window.print()}>
            Print
          </button>
        </Show>
        <SaveFileButton
          primary
          label={{ share: 'Share folder (.zip)', save: 'Download folder (.zip)' }}
          like={{ name: 'folder.zip', type: ZIP_TYPE }}
          prepare={folder}
          onDone={folderDone}
        />
        <label class="inv-bom">
          <input type="checkbox" checked={bom()} onChange={event => setBom(event.currentTarget.checked)} />
          Add a BOM for spreadsheet programs
        </label>
      </div>
      <Show when={!canPrint}>
        <p class="muted inv-export-hint">
          This app cannot print here: share the printable page, then print it from Safari or any other browser.
        </p>
      </Show>
      <Show when={status()}>
        <p class="muted" role="status">
          {status()}
        </p>
      </Show>
    </div>
  )
}
