import { cleanup, render, screen, waitFor } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Rec } from '../../src/domain/types'
import { readBackup } from '../../src/exchange/backup-read'
import Setup from '../../src/phases/setup'
import SwapView from '../../src/phases/handoff/SwapView'
import type { Scanner } from '../../src/phases/handoff/scanner'
import { mergeIncoming } from '../../src/store/commands/incoming'
import { StoreProvider } from '../../src/store/context'
import { HarvestDB } from '../../src/store/db'
import { workshopRecords } from '../../src/store/queries'
import { write } from '../../src/store/writer'
import { freshWorkshop, renderPhase } from './render-phase'
import { catchDownloads, restoreShareSheet, stubShareSheet } from './share-stub'

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  cleanup()
  restoreShareSheet()
  vi.restoreAllMocks()
})

describe('the backup file', () => {
  it('is saved to the downloads where files cannot be shared, and opens as the workshop', async () => {
    const downloads = catchDownloads()
    const { db, workshopId } = await freshWorkshop('Harvest at the lake')
    renderPhase(Setup, db, workshopId)
    await userEvent.click(await screen.findByRole('button', { name: 'Save backup file' }))
    const status = await screen.findByText(/to this tablet’s downloads\.$/)
    expect(downloads.length).toBe(1)
    const { name, blob } = downloads[0]!
    expect(status.textContent).toBe(`Saved ${name} to this tablet’s downloads.`)
    expect(name).toMatch(/^okra-harvest-harvest-at-the-lake-2026-11-24.*\.json$/)
    expect(blob.type).toBe('application/json')
    const opened = readBackup(await blob.text())
    expect(opened.ok && opened.backup.workshopId).toBe(workshopId)
    expect(opened.ok && opened.backup.records.length).toBe((await workshopRecords(db, workshopId)).length)
  })

  it('is shared on an iPad: a second tap on “Share <name>” when the first was spent', async () => {
    const downloads = catchDownloads()
    const share = stubShareSheet({ answers: ['NotAllowedError', null] })
    const { db, workshopId } = await freshWorkshop('Harvest at the lake')
    renderPhase(Setup, db, workshopId)
    await userEvent.click(await screen.findByRole('button', { name: 'Share backup file' }))
    const again = await screen.findByRole('button', { name: /^Share okra-harvest-harvest-at-the-lake-2026-11-24.*\.json$/ })
    const name = again.textContent!.replace(/^Share /, '')
    expect(screen.getByText(`Ready: tap “Share ${name}” to send it.`)).toBeTruthy()
    again.click()
    expect(share).toHaveBeenCalledTimes(2)
    expect(await screen.findByText(`Sent ${name} through the share sheet.`)).toBeTruthy()
    expect(downloads).toEqual([])
  })
})

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

/** A tablet whose front camera will not start. */
const noCamera: Scanner = (_container, _onText, onError) => {
  onError('No camera was found on this device. Use a file instead.')
  return () => {}
}

function renderSwap(db: HarvestDB, workshop: Rec<'workshop'>) {
  return render(() => (
    <StoreProvider db={db}>
      <SwapView workshop={workshop} onClose={() => {}} scanner={noCamera} />
    </StoreProvider>
  ))
}

describe('Swap by file, where a camera fails', () => {
  it('saves this tablet’s records as a file, which the other tablet opens and merges', async () => {
    const { a, b, workshopId, onA, onB } = await twoTablets()
    const downloads = catchDownloads()
    const onScreenA = renderSwap(a, onA)
    expect((await screen.findByRole('alert')).textContent).toBe('No camera was found on this device. Use a file instead.')
    const save = screen.getByRole('button', { name: 'Save as file' })
    await waitFor(() => expect(save).toHaveProperty('disabled', false))
    await userEvent.click(save)
    expect(
      await screen.findByText(
        'Saved harvest-at-the-lake.handoff.harvest to this tablet’s downloads. The other tablet opens it with “Open a file” here.',
      ),
    ).toBeTruthy()
    onScreenA.unmount()

    renderSwap(b, onB)
    const fromA = downloads[0]!
    // Not a handoff file first: refused, nothing written.
    await userEvent.upload(screen.getByLabelText('Open a file'), new File(['not a handoff'], 'notes.harvest'))
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This file is not from OKRA Harvest. Nothing was changed.'))
    expect(await titles(b, workshopId)).toEqual(['Made on B'])

    await userEvent.upload(screen.getByLabelText('Open a file'), new File([fromA.blob], fromA.name))
    await screen.findByRole('heading', { name: /^From tablet [0-9A-F]{4}$/ })
    expect(await titles(b, workshopId)).toEqual(['Made on B']) // a preview writes nothing
    expect(screen.getByRole('button', { name: 'Open a file' })).toHaveProperty('disabled', true)
    await userEvent.click(screen.getByRole('button', { name: 'Merge into this tablet' }))
    await waitFor(() => expect(screen.getAllByRole('status')[0]!.textContent).toMatch(/^1 new and 0 changed records from tablet [0-9A-F]{4}/))
    expect(await titles(b, workshopId)).toEqual(['Made on A', 'Made on B'])
    // No code comes back from a file: the screen says what finishes the swap instead of waiting for one.
    expect(screen.getAllByRole('status')[0]!.textContent).toMatch(
      /are now on this tablet\. To finish the swap, the other tablet opens this tablet’s file \(“Save as file” here\)\.$/,
    )
  })
})
