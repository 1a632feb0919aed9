import { cleanup, render, screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Rec } from '../../src/domain/types'
import type { Scanner, ScannerChoice } from '../../src/phases/handoff/scanner'
import { HandoffToolbar } from '../../src/phases/handoff/HandoffToolbar'
import SwapView from '../../src/phases/handoff/SwapView'
import { mergeIncoming } from '../../src/store/commands/incoming'
import { StoreProvider } from '../../src/store/context'
import { HarvestDB } from '../../src/store/db'
import { workshopRecords } from '../../src/store/queries'
import { write } from '../../src/store/writer'
import { freshWorkshop } from './render-phase'

/** What each screen paints, by its canvas: the texts a camera facing it would read. */
const painted = vi.hoisted(() => ({ onPaint: (_canvas: HTMLCanvasElement, _text: string) => {} }))

vi.mock('../../src/exchange/qr', async importOriginal => {
  const real = await importOriginal<typeof import('../../src/exchange/qr')>()
  return {
    ...real,
    encodeQr: (text: string) => ({ text }) as unknown as ReturnType<typeof real.encodeQr>,
    paintQr: (canvas: HTMLCanvasElement, code: unknown) => painted.onPaint(canvas, (code as { text: string }).text),
  }
})

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  cleanup()
  painted.onPaint = () => {}
  vi.restoreAllMocks()
})

/** A front camera that reads whatever the test holds in front of it. */
function fakeCamera() {
  const camera = { options: undefined as ScannerChoice | undefined, show: (_text: string) => {}, stopped: 0 }
  const scanner: Scanner = (_container, onText, _onError, options) => {
    camera.options = options
    camera.show = onText
    return () => {
      camera.stopped += 1
    }
  }
  return { camera, scanner }
}

/** Tablet A and tablet B in one workshop, each with an objective the other lacks. */
async function twoTablets() {
  const a = await freshWorkshop('Harvest at the lake')
  const b = new HarvestDB(`tablet-b-${crypto.randomUUID()}`)
  await mergeIncoming(b, await workshopRecords(a.db, a.workshopId))
  await write(a.db, writer => writer.create('objective', a.workshopId, { title: 'Made on A', position: 1 }))
  await write(b, writer => writer.create('objective', a.workshopId, { title: 'Made on B', position: 2 }))
  const workshopOn = async (db: HarvestDB) => (await db.records.get(a.workshopId)) as Rec<'workshop'>
  return { a: a.db, b, workshopId: a.workshopId, onA: await workshopOn(a.db), onB: await workshopOn(b) }
}

const titles = async (db: HarvestDB, workshopId: string) =>
  (await workshopRecords(db, workshopId)).flatMap(record => (record.kind === 'objective' ? [record.fields.title] : [])).sort()

describe('Swap by QR', () => {
  it('shows and scans at once, face to face, until both tablets hold both sets of records', async () => {
    const { a, b, workshopId, onA, onB } = await twoTablets()
    const cameraA = fakeCamera()
    const cameraB = fakeCamera()
    render(() => (
      <StoreProvider db={a}>
        <SwapView workshop={onA} onClose={() => {}} scanner={cameraA.scanner} />
      </StoreProvider>
    ))
    render(() => (
      <StoreProvider db={b}>
        <SwapView workshop={onB} onClose={() => {}} scanner={cameraB.scanner} />
      </StoreProvider>
    ))
    const [screenA, screenB] = screen.getAllByRole('dialog', { name: /^Swap with another tablet/ }) as [HTMLElement, HTMLElement]
    // Face to face: what one screen shows, the other's front camera reads.
    painted.onPaint = (canvas, text) => (screenA.contains(canvas) ? cameraB : cameraA).camera.show(text)
    expect(cameraA.camera.options?.facing).toBe('user')
    expect(cameraB.camera.options?.facing).toBe('user')

    const inA = within(screenA)
    const inB = within(screenB)
    await inA.findByRole('heading', { name: /^From tablet [0-9A-F]{4}$/ }, { timeout: 10_000 })
    await inB.findByRole('heading', { name: /^From tablet [0-9A-F]{4}$/ }, { timeout: 10_000 })
    expect(inA.getByText('Made on B', { exact: false })).toBeTruthy()
    expect(await titles(a, workshopId)).toEqual(['Made on A']) // a preview writes nothing

    // A merges first; its own code keeps running beside the result.
    const codeOnA = inA.getByRole('img', { name: /^Animated QR code/ })
    await userEvent.click(inA.getByRole('button', { name: 'Merge into this tablet' }))
    await waitFor(() => expect(inA.getByRole('status').textContent).toMatch(/^1 new and 0 changed records from tablet [0-9A-F]{4} are now on this tablet\./))
    const frameAfterMerge = Number(codeOnA.dataset.frame)
    await waitFor(() => expect(Number(codeOnA.dataset.frame)).toBeGreaterThan(frameAfterMerge))
    expect(cameraA.camera.stopped).toBe(0) // still scanning: for the other's receipt
    await userEvent.click(inB.getByRole('button', { name: 'Merge into this tablet' }))

    // Each shows its "received" code among its own frames; each camera reads the other's.
    const receiptOf = (on: HTMLElement) => on.querySelector<HTMLElement>('[data-receipt]')?.dataset.receipt
    await waitFor(() => expect(receiptOf(screenA)).toMatch(/^OHR1 /))
    await waitFor(() => expect(receiptOf(screenB)).toMatch(/^OHR1 /))
    cameraB.camera.show(receiptOf(screenA)!)
    cameraA.camera.show(receiptOf(screenB)!)

    const done = 'Swap done: both tablets hold both sets of records.'
    await waitFor(() => expect(inA.getByRole('status').textContent).toBe(done))
    await waitFor(() => expect(inB.getByRole('status').textContent).toBe(done))
    expect(await titles(a, workshopId)).toEqual(['Made on A', 'Made on B'])
    expect(await titles(b, workshopId)).toEqual(['Made on A', 'Made on B'])
    // Each remembers the other holds it all: a later share to it would send nothing.
    expect(await a.meta.where('key').startsWith(`peer:${workshopId}:`).count()).toBe(1)
    expect(await b.meta.where('key').startsWith(`peer:${workshopId}:`).count()).toBe(1)
    // The receipt stays on screen (the other may not have read it yet) until closed.
    expect(receiptOf(screenA)).toMatch(/^OHR1 /)
    expect(inA.getByRole('button', { name: 'Close' })).toBeTruthy()
  })

  it('is in the Share menu', async () => {
    const { db, workshopId } = await freshWorkshop('Harvest at the lake')
    const workshop = (await db.records.get(workshopId)) as Rec<'workshop'>
    render(() => (
      <StoreProvider db={db}>
        <HandoffToolbar workshop={workshop} />
      </StoreProvider>
    ))
    await userEvent.click(screen.getByRole('button', { name: 'Share' }))
    expect(screen.getByRole('button', { name: 'Swap by QR' })).toBeTruthy()
  })
})
