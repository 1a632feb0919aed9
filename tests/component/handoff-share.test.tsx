import { cleanup, render, screen, waitFor } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Rec } from '../../src/domain/types'
import { openBundle } from '../../src/exchange/codec'
import { holdingsOf } from '../../src/domain/delta'
import { deriveSession } from '../../src/exchange/keys'
import { holdingsDigest, writeReceipt } from '../../src/exchange/receipt'
import type { Scanner } from '../../src/phases/handoff/scanner'
import ShareView from '../../src/phases/handoff/ShareView'
import { StoreProvider } from '../../src/store/context'
import type { HarvestDB } from '../../src/store/db'
import { workshopRecords } from '../../src/store/queries'
import { recordsToShare } from '../../src/store/reads/handoff'
import { write } from '../../src/store/writer'
import { freshWorkshop } from './render-phase'
import { catchDownloads, restoreShareSheet, stubShareSheet } from './share-stub'

beforeEach(() => {
  // jsdom draws nothing; the code's frames still run and are counted.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  cleanup() // before the canvas is real again: a running code would draw once more
  vi.restoreAllMocks()
})

function fakeCamera() {
  const camera = { started: 0, show: (_text: string) => {} }
  const scanner: Scanner = (_container, onText) => {
    camera.started += 1
    camera.show = onText
    return () => {}
  }
  return { camera, scanner }
}

async function renderShare(mode: 'share' | 'join' = 'share') {
  const { db, workshopId } = await freshWorkshop('Harvest at the lake')
  const workshop = (await db.records.get(workshopId)) as Rec<'workshop'>
  const { camera, scanner } = fakeCamera()
  const onClose = vi.fn()
  render(() => (
    <StoreProvider db={db}>
      <ShareView workshop={workshop} mode={mode} onClose={onClose} scanner={scanner} />
    </StoreProvider>
  ))
  return { db, workshop, camera, onClose }
}

const codeOnScreen = () => screen.getByRole('img', { name: /^Animated QR code/ })

async function receiptFor(db: HarvestDB, workshop: Rec<'workshop'>, transferId: number, workshopId = workshop.id) {
  const digest = await holdingsDigest(holdingsOf(await workshopRecords(db, workshop.id)))
  return writeReceipt(await deriveSession(workshopId, workshop.fields.secret), {
    workshopId,
    transferId,
    deviceId: 'beef000011112222',
    digest,
  })
}

describe('Share by QR', () => {
  it('animates the workshop frame by frame, and says every tablet that scans it gets the workshop as it is now', async () => {
    await renderShare()
    expect(screen.getByText(/Every tablet that scans this gets the workshop as it is now\./)).toBeTruthy()
    await screen.findByText(/^frame \d+ · \d+ fragments?$/)
    await waitFor(() => expect(Number(codeOnScreen().dataset.frame)).toBeGreaterThanOrEqual(2))
    expect(screen.getByText(/^15 frames a second · QR version \d+ · \d+ bytes a frame$/)).toBeTruthy()

    const before = codeOnScreen().dataset.transfer
    const slower = screen.getByRole('button', { name: 'Slower' })
    expect(slower.getAttribute('aria-pressed')).toBe('false')
    await userEvent.click(slower)
    expect(slower.getAttribute('aria-pressed')).toBe('true')
    await screen.findByText(/^8 frames a second · QR version \d+ · \d+ bytes a frame$/)
    // Slower is another transfer (sparser where the size allows), from frame 0.
    await waitFor(() => expect(codeOnScreen().dataset.transfer).not.toBe(before))
    await userEvent.click(slower)
    await screen.findByText(/^15 frames a second/)
  })

  it('takes a receipt: marks the handoff done, then offers to send only what that tablet lacks', async () => {
    const { db, workshop, camera } = await renderShare()
    await waitFor(() => expect(codeOnScreen().dataset.transfer).toBeDefined())
    const transferId = Number(codeOnScreen().dataset.transfer)
    await userEvent.click(screen.getByRole('button', { name: 'Scan the receipt' }))
    await waitFor(() => expect(camera.started).toBe(1))

    // Not a receipt, and a receipt of another workshop: told, nothing recorded.
    camera.show('HELLO')
    expect((await screen.findByRole('alert')).textContent).toMatch(/This is not a “received” code/)
    const otherReceipt = await receiptFor(db, workshop, transferId, 'another-workshop')
    camera.show(otherReceipt)
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This code is from another workshop. Nothing was changed.'))
    const forged = (await receiptFor(db, workshop, transferId)).replace(/.$/, c => (c === '0' ? '1' : '0'))
    camera.show(forged)
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The transfer was damaged — scan again. Nothing was changed.'))
    expect(await db.meta.where('key').startsWith('peer:').count()).toBe(0)

    camera.show(await receiptFor(db, workshop, transferId))
    expect((await screen.findByRole('status')).textContent).toBe(
      'Handoff done: tablet BEEF has received it. Both tablets now hold the same workshop.',
    )
    const onlyLacking = await screen.findByRole('radio', { name: 'Only what tablet BEEF lacks (0 records)' })
    expect(screen.getByRole('radio', { name: 'Everything' })).toHaveProperty('checked', true)

    await write(db, writer => writer.create('objective', workshop.id, { title: 'Made after the handoff', position: 1 }))
    await screen.findByRole('radio', { name: 'Only what tablet BEEF lacks (1 record)' })
    await userEvent.click(onlyLacking)
    const lacking = await recordsToShare(db, { workshopId: workshop.id, scope: { peer: 'beef000011112222' } })
    expect(lacking.map(record => record.kind)).toEqual(['objective'])
  })

  it('saves the sealed bundle as a file (a download where files cannot be shared), which opens to the workshop', async () => {
    const downloads = catchDownloads()
    const { db, workshop } = await renderShare()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save as file' })).toHaveProperty('disabled', false))
    await userEvent.click(screen.getByRole('button', { name: 'Save as file' }))
    expect((await screen.findByRole('status')).textContent).toBe(
      'Saved harvest-at-the-lake.handoff.harvest to this tablet’s downloads. Send it to the other tablet, which opens it with “Receive by QR”, then “Open a file”.',
    )
    expect(downloads.map(d => d.name)).toEqual(['harvest-at-the-lake.handoff.harvest'])
    const opened = await openBundle(new Uint8Array(await downloads[0]!.blob.arrayBuffer()), await deriveSession(workshop.id, workshop.fields.secret))
    expect(opened.ok && opened.bundle.records.length).toBe((await workshopRecords(db, workshop.id)).length)
  })

  it('shares the file through the share sheet straight from the tap, and says what happened', async () => {
    const downloads = catchDownloads()
    const share = stubShareSheet({ answers: [null, 'AbortError'] })
    try {
      await renderShare()
      const button = () => screen.getByRole('button', { name: 'Share as file' })
      await waitFor(() => expect(button()).toHaveProperty('disabled', false))
      // The file was sealed when the screen opened: the tap itself opens the share sheet.
      button().click()
      expect(share).toHaveBeenCalledTimes(1)
      expect(share.mock.calls[0]![0].files![0]!.name).toBe('harvest-at-the-lake.handoff.harvest')
      await waitFor(() =>
        expect(screen.getByRole('status').textContent).toBe(
          'Sent harvest-at-the-lake.handoff.harvest through the share sheet. The other tablet opens it with “Receive by QR”, then “Open a file”.',
        ),
      )
      button().click()
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Nothing was sent: the share sheet was closed.'))
      expect(downloads).toEqual([])
    } finally {
      restoreShareSheet()
    }
  })
})

describe('Show join code', () => {
  it('names the workshop and its date, warns who can join, and offers no receipt', async () => {
    await renderShare('join')
    expect(screen.getByRole('heading', { name: /^Join code for “Harvest at the lake” \(.*2026.*\)$/ })).toBeTruthy()
    expect(screen.getByText(/Anyone who sees this code can join/)).toBeTruthy()
    await screen.findByText(/^frame \d+ · \d+ fragments?$/)
    expect(screen.queryByRole('button', { name: 'Scan the receipt' })).toBeNull()
  })
})
