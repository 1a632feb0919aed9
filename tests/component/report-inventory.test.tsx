import { screen, waitFor } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { unzipSync } from 'fflate'
import { afterEach, describe, expect, it, vi } from 'vitest'
import Inventory from '../../src/phases/inventory'
import type { Rec } from '../../src/domain/types'
import { HarvestDB } from '../../src/store/db'
import { inventoryOf } from '../../src/store/reads/inventory'
import { renderApp } from './render-app'
import { renderPhase } from './render-phase'
import { storeSample } from './report-seed'

const saved: { name: string; file: Blob }[] = []
vi.mock('../../src/exchange/file', async original => ({
  ...(await original<typeof import('../../src/exchange/file')>()),
  saveFile: async (file: Blob, name: string) => {
    saved.push({ name, file })
    return { outcome: 'saved' }
  },
}))

const dbs: HarvestDB[] = []
async function tablet() {
  const db = new HarvestDB(`report-${crypto.randomUUID()}`)
  dbs.push(db)
  return db
}
afterEach(async () => {
  saved.splice(0)
  for (const db of dbs.splice(0)) await db.delete()
})

async function downloadFolder() {
  await userEvent.click(await screen.findByRole('button', { name: 'Download folder (.zip)' }))
  await screen.findByRole('status')
  const last = saved[saved.length - 1]!
  return { name: last.name, bytes: new Uint8Array(await last.file.arrayBuffer()) }
}

describe('inventory: print and download', () => {
  it('downloads the seed’s folder as a .zip, with a BOM on the CSV only when asked', async () => {
    const db = await tablet()
    const id = await storeSample(db)
    renderPhase(Inventory, db, id)
    const plain = await downloadFolder()
    expect(plain.name).toBe('okra-session-2-match-experience-off-site-2026-11-24.zip')
    const files = unzipSync(plain.bytes)
    expect(Object.keys(files).sort()).toEqual([
      'okra/session-2/clusters-and-types.md',
      'okra/session-2/hypotheses.md',
      'okra/session-2/milestone-candidates.csv',
      'okra/session-2/objectives.md',
      'okra/session-2/workshop.json',
    ])
    // The folder is for sharing: the workshop's key is nowhere in it.
    const secret = ((await db.records.get(id)) as Rec<'workshop'>).fields.secret
    for (const data of Object.values(files)) expect(new TextDecoder().decode(data)).not.toContain(secret)
    expect(files['okra/session-2/milestone-candidates.csv']![0]).toBe(0x69) // "i" of "id"
    expect(screen.getByRole('status').textContent).toContain('Saved okra-session-2-match-experience-off-site-2026-11-24.zip')

    await userEvent.click(screen.getByRole('checkbox', { name: 'Add a BOM for spreadsheet programs' }))
    saved.splice(0)
    const withBom = unzipSync((await downloadFolder()).bytes)
    expect([...withBom['okra/session-2/milestone-candidates.csv']!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('prints through the browser', async () => {
    const db = await tablet()
    const id = await storeSample(db)
    const print = vi.fn()
    vi.stubGlobal('print', print)
    renderPhase(Inventory, db, id)
    await userEvent.click(await screen.findByRole('button', { name: 'Print' }))
    expect(print).toHaveBeenCalledOnce()
    vi.unstubAllGlobals()
  })

  it('prints the very tree the screen shows: each milestone once in the table and once as a card', async () => {
    const db = await tablet()
    const id = await storeSample(db, { anonymous: false })
    const { container } = renderPhase(Inventory, db, id)
    await screen.findByRole('button', { name: 'Print' })
    const root = container.querySelector('[data-work-surface]')!
    expect(root.classList.contains('inventory')).toBe(true)
    // Only the page handed out carries its own header; on screen the workshop bar says this.
    const head = root.querySelector('.inv-print-head')!
    await waitFor(() => expect(head.textContent).toContain('Participants: Ana, Ben, Chloé, Dev'))
    expect(head.textContent).toContain('Match experience off-site')
    expect(head.textContent).toContain('2026-11-24')
    const rows = [...root.querySelectorAll('.inv-ranked .inv-table tbody tr')].map(row => row.textContent!.replace(/\s+/g, ' '))
    expect(rows).toEqual([
      '1stEnable sharing from match details with referral trackingEpicDrive growth through social sharing (KR1)6 votes1',
      '2ndEmail-based match feedback formEpicBuild trust through match experiences (KR3)3 votes2',
      '3rdRun A/B test on invite reward copynot setDrive growth through social sharing (KR3)2 votes3',
      '4thExplore new ranking algorithmSpikeBuild trust through match experiences (KR2)1 vote4',
      '5thSet up match history API cacheEnablerBuild trust through match experiences (KR2)0 votes5',
    ])
    const cards = [...root.querySelectorAll('.inv-milestone')].map(card => card.getAttribute('aria-label'))
    expect(cards).toEqual([
      'Email-based match feedback form',
      'Explore new ranking algorithm',
      'Set up match history API cache',
      'Enable sharing from match details with referral tracking',
      'Run A/B test on invite reward copy',
    ])
    expect(root.querySelectorAll('.print-report').length).toBe(0)
  })

  it('keeps the names off the printed header of an anonymous workshop', async () => {
    const db = await tablet()
    const id = await storeSample(db, { anonymous: true })
    const { container } = renderPhase(Inventory, db, id)
    await screen.findByRole('button', { name: 'Print' })
    const head = container.querySelector('.inv-print-head')!
    expect(head.textContent).toContain('participants are not named')
    expect(container.textContent).not.toContain('Ana')
  })

  it('opens an exported folder on another tablet as the same inventory', async () => {
    const db = await tablet()
    const id = await storeSample(db)
    const first = renderPhase(Inventory, db, id)
    const zip = await downloadFolder()
    first.unmount()

    const other = renderApp()
    dbs.push(other.db)
    await userEvent.upload(
      await screen.findByLabelText('Open a backup file'),
      new File([zip.bytes as Uint8Array<ArrayBuffer>], zip.name, { type: 'application/zip' }),
    )
    await userEvent.click(await screen.findByRole('button', { name: 'Open as a new workshop' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Open workshop' }))
    await screen.findByRole('navigation', { name: 'Workshop steps' })

    // A new workshop, with a key of its own, and the same inventory.
    const [copy] = (await other.db.records.toArray()).filter((r): r is Rec<'workshop'> => r.kind === 'workshop')
    const original = (await db.records.get(id)) as Rec<'workshop'>
    expect(copy!.id).not.toBe(id)
    expect(copy!.fields.secret).not.toBe(original.fields.secret)
    expect(copy!.fields.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const before = (await inventoryOf(db, id))!
    const after = (await inventoryOf(other.db, copy!.id))!
    const shape = (inv: typeof before) => ({
      objectives: inv.objectives.map(o => [o.title, o.keyResults.map(k => `${k.label} ${k.text}`), o.hypotheses.map(h => `${h.label} ${h.text}`)]),
      milestones: inv.milestones.map(m => [m.title, m.typeLabel, m.votes, m.place, m.card]),
    })
    expect(shape(after)).toEqual(shape(before))
    expect(after.milestones.length).toBe(5)
  })

  it('refuses a .zip with no backup inside, and changes nothing', async () => {
    const { zipSync, strToU8 } = await import('fflate')
    const other = renderApp()
    dbs.push(other.db)
    const bytes = zipSync({ 'notes.txt': strToU8('hello') })
    await userEvent.upload(await screen.findByLabelText('Open a backup file'), new File([bytes as Uint8Array<ArrayBuffer>], 'notes.zip'))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('holds no workshop.json')
    expect(await other.db.records.count()).toBe(0)
  })
})
