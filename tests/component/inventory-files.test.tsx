import { screen, waitFor } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it, vi } from 'vitest'
import Inventory from '../../src/phases/inventory'
import { HarvestDB } from '../../src/store/db'
import { renderPhase } from './render-phase'
import { storeSample } from './report-seed'
import { catchDownloads, restoreShareSheet, stubShareSheet } from './share-stub'

const ZIP = 'okra-session-2-match-experience-off-site-2026-11-24.zip'
const PAGE = 'okra-session-2-match-experience-off-site-2026-11-24-inventory.html'
const HOLDS =
  ' It holds objectives.md, hypotheses.md, milestone-candidates.csv, clusters-and-types.md and workshop.json (without the workshop’s key).'

const dbs: HarvestDB[] = []
async function inventoryOnScreen() {
  const db = new HarvestDB(`files-${crypto.randomUUID()}`)
  dbs.push(db)
  renderPhase(Inventory, db, await storeSample(db))
  await screen.findByRole('table', { name: 'Milestones by the room’s votes' })
}

/** Pretends to be an app opened from an iPad's home screen: a "Mac" with a touch screen, standalone. */
function onAnInstalledIpad() {
  const set = (name: string, value: unknown) => Object.defineProperty(navigator, name, { value, configurable: true })
  set('userAgent', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15')
  set('maxTouchPoints', 5)
  set('standalone', true)
  return () => {
    for (const name of ['userAgent', 'maxTouchPoints', 'standalone']) delete (navigator as unknown as Record<string, unknown>)[name]
  }
}

let undo: (() => void) | undefined
afterEach(async () => {
  undo?.()
  undo = undefined
  restoreShareSheet()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  for (const db of dbs.splice(0)) await db.delete()
})

describe('the inventory’s files on a tablet that shares files', () => {
  it('shares the folder in at most two taps, and says it was sent', async () => {
    const downloads = catchDownloads()
    // The zip takes a while to make: the share sheet refuses the spent tap, and takes the next one.
    const share = stubShareSheet({ answers: ['NotAllowedError', null] })
    await inventoryOnScreen()
    await userEvent.click(screen.getByRole('button', { name: 'Share folder (.zip)' }))
    expect((await screen.findByRole('status')).textContent).toBe(`Ready: tap “Share ${ZIP}” to send it.`)
    screen.getByRole('button', { name: `Share ${ZIP}` }).click()
    expect(share).toHaveBeenCalledTimes(2)
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Sent ${ZIP} through the share sheet.${HOLDS}`))
    const sent = share.mock.calls[1]![0].files![0]!
    expect(sent.name).toBe(ZIP)
    expect(Object.keys(unzipSync(new Uint8Array(await sent.arrayBuffer())))).toContain('okra/session-2/objectives.md')
    expect(downloads).toEqual([])
  })

  it('says nothing was sent when the share sheet is closed', async () => {
    stubShareSheet({ answers: ['AbortError'] })
    await inventoryOnScreen()
    await userEvent.click(screen.getByRole('button', { name: 'Share folder (.zip)' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Nothing was sent: the share sheet was closed.'))
    expect(screen.getByRole('button', { name: 'Share folder (.zip)' })).toBeTruthy()
  })

  it('downloads the folder where the share sheet does not take a .zip (Android)', async () => {
    const downloads = catchDownloads()
    stubShareSheet({ takes: file => !file.name.endsWith('.zip') })
    await inventoryOnScreen()
    await userEvent.click(screen.getByRole('button', { name: 'Download folder (.zip)' }))
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Saved ${ZIP} to this tablet’s downloads.${HOLDS}`))
    expect(downloads.map(d => d.name)).toEqual([ZIP])
  })
})

describe('printing where the app cannot print', () => {
  it('prints through the browser where it can, with no printable page offered', async () => {
    await inventoryOnScreen()
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /printable page/ })).toBeNull()
  })

  it('in an installed iPad app, shares the printable page from the tap instead of a Print that does nothing', async () => {
    undo = onAnInstalledIpad()
    const share = stubShareSheet()
    await inventoryOnScreen()
    expect(screen.queryByRole('button', { name: 'Print' })).toBeNull()
    expect(screen.getByText(/This app cannot print here: share the printable page/)).toBeTruthy()
    screen.getByRole('button', { name: 'Share printable page' }).click()
    expect(share).toHaveBeenCalledTimes(1)
    const page = share.mock.calls[0]![0].files![0]!
    expect([page.name, page.type]).toEqual([PAGE, 'text/html'])
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        `Sent ${PAGE} through the share sheet. Open it in Safari or any browser, and print it from there.`,
      ),
    )
  })

  it('without window.print, downloads a printable page that holds the inventory and nothing that runs', async () => {
    vi.stubGlobal('print', undefined)
    const downloads = catchDownloads()
    await inventoryOnScreen()
    expect(screen.queryByRole('button', { name: 'Print' })).toBeNull()
    await userEvent.click(screen.getByRole('button', { name: 'Download printable page' }))
    await waitFor(() => expect(downloads.map(d => d.name)).toEqual([PAGE]))
    expect(screen.getByRole('status').textContent).toBe(
      `Saved ${PAGE} to this tablet’s downloads. Open it in Safari or any browser, and print it from there.`,
    )

    const html = await downloads[0]!.blob.text()
    const page = new DOMParser().parseFromString(html, 'text/html')
    expect(page.title).toBe('Match experience off-site · 2026-11-24 · Strategic inventory')
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    )
    expect(page.querySelectorAll('script, link, button, input, img, iframe').length).toBe(0)
    expect(page.querySelectorAll('style').length).toBe(1)
    const report = page.querySelector('.printable > main.inventory[data-work-surface] > .inv-report')!
    expect(report.querySelector('.inv-print-head')!.textContent).toContain('Match experience off-site')
    const rows = [...report.querySelectorAll('.inv-ranked tbody tr')].map(row => row.querySelector('.inv-row-title, td:nth-child(2)')!.textContent)
    expect(rows[0]).toContain('Enable sharing from match details with referral tracking')
    expect(report.querySelectorAll('.inv-milestone').length).toBe(5)
  })
})
