import { cleanup, render, screen, waitFor } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnyRec, Rec } from '../../src/domain/types'
import { sealBundle } from '../../src/exchange/codec'
import { deriveSession } from '../../src/exchange/keys'
import { makeBundle, makeTransfer } from '../../src/exchange/transfer'
import ReceiveView from '../../src/phases/handoff/ReceiveView'
import type { Scanner } from '../../src/phases/handoff/scanner'
import { mergeIncoming } from '../../src/store/commands/incoming'
import { StoreProvider } from '../../src/store/context'
import { HarvestDB } from '../../src/store/db'
import { workshopRecords } from '../../src/store/queries'
import { write } from '../../src/store/writer'
import { freshWorkshop } from './render-phase'

beforeEach(() => {
  // jsdom draws nothing: the "received" code's text is checked on its canvas instead.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  cleanup() // before the canvas is real again: a running code would draw once more
  vi.restoreAllMocks()
})

/** A camera that reads what the test shows it. */
function fakeCamera() {
  const camera = { started: 0, stopped: 0, show: (_text: string) => {}, fail: (_message: string) => {} }
  const scanner: Scanner = (_container, onText, onError) => {
    camera.started += 1
    camera.show = onText
    camera.fail = onError
    return () => {
      camera.stopped += 1
    }
  }
  return { camera, scanner }
}

/** Tablet A (the sender) with a workshop, and tablet B that has joined it (holds its records). */
async function twoTablets() {
  const a = await freshWorkshop('Harvest at the lake')
  const b = new HarvestDB(`tablet-b-${crypto.randomUUID()}`)
  await mergeIncoming(b, await workshopRecords(a.db, a.workshopId))
  const workshopOnB = (await b.records.get(a.workshopId)) as Rec<'workshop'>
  return { a, b, workshopOnB }
}

async function framesOf(records: AnyRec[], workshopId: string, secret: string, extra = 3): Promise<string[]> {
  const transfer = await makeTransfer(
    { mode: 'sealed', bundle: makeBundle({ workshopId, sender: 'abcd000011112222', records }), secret },
    { fragmentSize: 120 },
  )
  return Promise.all(Array.from({ length: transfer.k + extra }, (_, n) => transfer.frame(n)))
}

function renderReceive(db: HarvestDB, workshop: Rec<'workshop'> | undefined, scanner: Scanner, onJoined = vi.fn()) {
  const onClose = vi.fn()
  render(() => (
    <StoreProvider db={db}>
      <ReceiveView workshop={workshop} onClose={onClose} onJoined={onJoined} scanner={scanner} />
    </StoreProvider>
  ))
  return { onClose, onJoined }
}

async function showAll(show: (text: string) => void, texts: string[]) {
  for (const text of texts) {
    show(text)
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}

async function dump(db: HarvestDB) {
  return { records: await db.records.toArray(), meta: await db.meta.toArray() }
}

describe('Receive by QR', () => {
  it('shows progress, previews what is new, merges on the person’s word and shows the “received” code', async () => {
    const { a, b, workshopOnB } = await twoTablets()
    await write(a.db, writer => writer.create('objective', a.workshopId, { title: 'Fans trust the ratings', position: 1 }))
    const records = await workshopRecords(a.db, a.workshopId)
    const texts = await framesOf(records, a.workshopId, workshopOnB.fields.secret)
    const { camera, scanner } = fakeCamera()
    renderReceive(b, workshopOnB, scanner)
    await waitFor(() => expect(camera.started).toBe(1))
    expect(screen.getByRole('status').textContent).toContain('Looking for a code…')

    camera.show(texts[0]!)
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^1 of \d+ fragments$/))
    // From the second frame on, the receiver says how fast the payload comes.
    await new Promise(resolve => setTimeout(resolve, 20))
    camera.show(texts[1]!)
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^2 of \d+ fragments · \d+\.\d KB\/s · \d+ frames\/s$/))
    const before = await dump(b)
    await showAll(camera.show, texts.slice(2))

    await screen.findByRole('heading', { name: 'From tablet ABCD' })
    expect(camera.stopped).toBe(1)
    expect(screen.getByText(/New:/).parentElement?.textContent).toContain('New: 1 objective')
    expect(screen.getByText('Fans trust the ratings', { exact: false })).toBeTruthy()
    expect(await dump(b)).toEqual(before) // a preview writes nothing

    await userEvent.click(screen.getByRole('button', { name: 'Merge into this tablet' }))
    expect(await screen.findByText('1 new and 0 changed records from tablet ABCD are now on this tablet.')).toBeTruthy()
    const receipt = screen.getByRole('img', { name: '“Received” code for the sending tablet' })
    expect(receipt.dataset.receipt).toMatch(new RegExp(`^OHR1 ${a.workshopId} \\d+ \\w+ [0-9a-f]{16} [0-9a-f]{16}$`))
    const onB = await workshopRecords(b, a.workshopId)
    expect(onB.some(record => record.kind === 'objective' && record.fields.title === 'Fans trust the ratings')).toBe(true)
  })

  it('flags votes over budget that the merge would bring', async () => {
    const { a, b, workshopOnB } = await twoTablets()
    await write(a.db, async writer => {
      const ana = await writer.create('participant', a.workshopId, { name: 'Ana', pair: 'p1', position: 1 })
      const milestone = await writer.create('milestone', a.workshopId, {
        title: 'Rating form live',
        type: null,
        hypothesisId: null,
        keyResultId: null,
        objectiveId: null,
        unlocks: [],
        validates: '',
      })
      for (let dot = 0; dot < 7; dot++) await writer.create('vote', a.workshopId, { participantId: ana.id, milestoneId: milestone.id, tieBreakId: null })
    })
    const texts = await framesOf(await workshopRecords(a.db, a.workshopId), a.workshopId, workshopOnB.fields.secret)
    const { camera, scanner } = fakeCamera()
    renderReceive(b, workshopOnB, scanner)
    await waitFor(() => expect(camera.started).toBe(1))
    await showAll(camera.show, texts)
    await screen.findByRole('heading', { name: 'From tablet ABCD' })
    const flags = screen.getByRole('note')
    expect(flags.textContent).toContain('Flagged after the merge:')
    // An anonymous workshop: the flag says what is wrong, not who.
    expect(flags.textContent).toContain('One voter has 7 votes, budget 5')
    expect(flags.textContent).toContain('One voter has 7 votes on “Rating form live”, at most 3')
  })

  it('refuses a code from another workshop, another app, and a blocked camera, writing nothing', async () => {
    const { b, workshopOnB } = await twoTablets()
    const other = await freshWorkshop('Another room')
    const otherWorkshop = (await other.db.records.get(other.workshopId)) as Rec<'workshop'>
    const foreign = await framesOf(await workshopRecords(other.db, other.workshopId), other.workshopId, otherWorkshop.fields.secret)
    const before = await dump(b)
    const { camera, scanner } = fakeCamera()
    renderReceive(b, workshopOnB, scanner)
    await waitFor(() => expect(camera.started).toBe(1))

    camera.show(foreign[0]!)
    expect((await screen.findByRole('alert')).textContent).toContain('This code is from another workshop. Nothing was changed.')
    camera.show('WIFI:S:cafe;T:WPA;P:secret;;')
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('This code is not from OKRA Harvest. Nothing was changed.'))
    expect(camera.stopped).toBe(0) // a wrong code is told, and scanning goes on

    camera.fail("The camera is blocked. Allow it in the browser's settings, or use a file instead.")
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain("The camera is blocked. Allow it in the browser's settings, or use a file instead."),
    )
    expect(screen.getByRole('button', { name: 'Open a file' })).toBeTruthy()
    expect(await dump(b)).toEqual(before)
    await userEvent.click(screen.getByRole('button', { name: 'Scan again' }))
    await waitFor(() => expect(camera.started).toBe(2))
    expect(screen.getByRole('status').textContent).toBe('Looking for a code…')
  })

  it('opens the same sealed bundle from a file, and refuses another workshop’s file', async () => {
    const { a, b, workshopOnB } = await twoTablets()
    await write(a.db, writer => writer.create('objective', a.workshopId, { title: 'Sent by file', position: 1 }))
    const session = await deriveSession(a.workshopId, workshopOnB.fields.secret)
    const bytes = await sealBundle(
      makeBundle({ workshopId: a.workshopId, sender: 'feed000011112222', records: await workshopRecords(a.db, a.workshopId) }),
      session,
    )
    const other = await freshWorkshop('Another room')
    const otherWorkshop = (await other.db.records.get(other.workshopId)) as Rec<'workshop'>
    const otherBytes = await sealBundle(
      makeBundle({ workshopId: other.workshopId, sender: 'feed000011112222', records: [otherWorkshop] }),
      await deriveSession(other.workshopId, otherWorkshop.fields.secret),
    )
    const before = await dump(b)
    const { scanner } = fakeCamera()
    renderReceive(b, workshopOnB, scanner)

    await userEvent.upload(screen.getByLabelText('Open a file'), new File([otherBytes as Uint8Array<ArrayBuffer>], 'other.handoff.harvest'))
    expect((await screen.findByRole('alert')).textContent).toContain('This file is from another workshop. Nothing was changed.')
    expect(await dump(b)).toEqual(before)

    await userEvent.upload(screen.getByLabelText('Open a file'), new File([bytes as Uint8Array<ArrayBuffer>], 'lake.handoff.harvest'))
    await screen.findByRole('heading', { name: 'From tablet FEED' })
    await userEvent.click(screen.getByRole('button', { name: 'Merge into this tablet' }))
    expect(await screen.findByText('1 new and 0 changed records from tablet FEED are now on this tablet.')).toBeTruthy()
  })
})

describe('Join a workshop', () => {
  it('scans the join code, asks “Join “title” (date)?”, merges and opens the workshop with the same ids', async () => {
    const a = await freshWorkshop('Harvest at the lake')
    const records = await workshopRecords(a.db, a.workshopId)
    const transfer = await makeTransfer(
      { mode: 'join', bundle: makeBundle({ workshopId: a.workshopId, sender: 'abcd000011112222', records }) },
      { fragmentSize: 120 },
    )
    const texts = await Promise.all(Array.from({ length: transfer.k + 2 }, (_, n) => transfer.frame(n)))
    const b = new HarvestDB(`tablet-b-${crypto.randomUUID()}`)
    const { camera, scanner } = fakeCamera()
    const { onJoined } = renderReceive(b, undefined, scanner)
    await waitFor(() => expect(camera.started).toBe(1))
    await showAll(camera.show, texts)
    await screen.findByRole('heading', { name: /^Join “Harvest at the lake” \(.*2026.*\)\?$/ })
    expect(await b.records.count()).toBe(0)
    await userEvent.click(screen.getByRole('button', { name: 'Join workshop' }))
    await waitFor(() => expect(onJoined).toHaveBeenCalledWith(a.workshopId))
    expect((await b.records.get(a.workshopId))?.kind).toBe('workshop')
  })

  it('tells a tablet that scans a handoff instead of the join code what to do', async () => {
    const a = await freshWorkshop('Harvest at the lake')
    const workshop = (await a.db.records.get(a.workshopId)) as Rec<'workshop'>
    const texts = await framesOf([workshop], a.workshopId, workshop.fields.secret)
    const b = new HarvestDB(`tablet-b-${crypto.randomUUID()}`)
    const { camera, scanner } = fakeCamera()
    renderReceive(b, undefined, scanner)
    await waitFor(() => expect(camera.started).toBe(1))
    camera.show(texts[0]!)
    expect((await screen.findByRole('alert')).textContent).toMatch(/scan the join code on the facilitator’s tablet first/)
    expect(await b.records.count()).toBe(0)
  })
})
