import { render, screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { makeStamp, type Stamp } from '../../src/domain/clock'
import { createRecord, deleteRecord, editRecord } from '../../src/domain/record'
import type { AnyRec, Rec } from '../../src/domain/types'
import { IncomingSummary } from '../../src/phases/handoff/IncomingSummary'
import Validate from '../../src/phases/validate'
import { mergeIncoming, previewIncoming } from '../../src/store/commands/incoming'
import { write } from '../../src/store/writer'
import { renderApp } from './render-app'
import { freshWorkshop, renderPhase } from './render-phase'

const OTHER = 'beef000011112222'
const DAY = 86_400_000
const stampAt = (wall: number): Stamp => makeStamp({ wall, counter: 0 }, OTHER)
const emptyMilestone = { type: null, hypothesisId: null, keyResultId: null, objectiveId: null, unlocks: [], validates: '' }

/** A milestone made here with two cards in it, and the records a tablet with its own ideas sends back. */
async function roomWithIncoming() {
  const { db, workshopId } = await freshWorkshop('Lake off-site')
  const { milestone } = await write(db, async w => {
    const ana = await w.create('participant', workshopId, { name: 'Ana', pair: 'Pair 1', position: 1 })
    const milestone = await w.create('milestone', workshopId, { title: 'Store pilot', ...emptyMilestone })
    for (const text of ['Pilot in one store', 'Measure queue time']) {
      await w.create('card', workshopId, { authorId: ana.id, text, hypothesisId: null, sealed: false, milestoneId: milestone.id })
    }
    return { milestone }
  })
  return { db, workshopId, milestone }
}

describe('the merge preview', () => {
  it('names the tablet that is days ahead, the record with a borrowed id, the other title, and the cards left ungrouped', async () => {
    const { db, workshopId, milestone } = await roomWithIncoming()
    const now = Date.now()
    const device = createRecord('device', OTHER, workshopId, { name: 'Green tablet', lastHandoff: null }, stampAt(now - 9000)) as AnyRec
    const ahead = createRecord('objective', 'obj-ahead', workshopId, { title: 'Late', position: 9 }, stampAt(now + 3 * DAY + 60_000)) as AnyRec
    const card = (await db.records.where('[workshopId+kind]').equals([workshopId, 'card']).first())!
    const forged = createRecord('vote', card.id, workshopId, { participantId: 'p', milestoneId: milestone.id, tieBreakId: null }, stampAt(now - 100)) as AnyRec
    const renamed = editRecord(milestone, { title: 'Trial run' }, stampAt(now - 60_000)) as AnyRec
    const summary = await previewIncoming(db, [device, ahead, forged, renamed])
    render(() => <IncomingSummary summary={summary} />)

    expect(screen.getByText(/1 record from Green tablet is stamped 3 days ahead of this tablet’s date: not merged\./)).toBeTruthy()
    expect(screen.getByText('A vote in this file has the id of a card here: it is not merged.')).toBeTruthy()
    expect(screen.getByText('Milestone “Store pilot” is also named “Trial run” on Green tablet.')).toBeTruthy()

    // A milestone deleted on the other tablet: its cards are listed, and where to regroup them.
    const gone = deleteRecord(milestone, stampAt(Date.now() + 1000)) as AnyRec
    const deletion = await previewIncoming(db, [gone])
    render(() => <IncomingSummary summary={deletion} />)
    expect(
      screen.getByText(/2 cards were in a milestone deleted on another tablet: they are back among the ungrouped cards of the cluster board/),
    ).toBeTruthy()
  })

  it('keeps a card’s competing text private: it says only that there is one', async () => {
    const { db, workshopId } = await roomWithIncoming()
    const cardRec = (await db.records.where('[workshopId+kind]').equals([workshopId, 'card']).first()) as Rec<'card'>
    const theirs = editRecord(cardRec, { text: 'A secret idea' }, stampAt(Date.now() - 60_000)) as AnyRec
    const summary = await previewIncoming(db, [theirs])
    render(() => <IncomingSummary summary={summary} />)
    expect(screen.getByText(/A card was written differently on tablet BEEF/)).toBeTruthy()
    expect(screen.queryByText(/A secret idea/)).toBeNull()
  })
})

describe('a milestone with a title written on two tablets', () => {
  it('shows the other title with who wrote it, and takes it with one tap', async () => {
    const { db, workshopId, milestone } = await roomWithIncoming()
    await mergeIncoming(db, [editRecord(milestone, { title: 'Trial run' }, stampAt(Date.now() - 60_000)) as AnyRec])
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()

    const editor = await screen.findByRole('article', { name: 'Milestone 1 of 1' })
    const note = await within(editor).findByRole('note')
    expect(note.textContent).toContain('Also named “Trial run” on tablet BEEF.')
    await user.click(within(note).getByRole('button', { name: 'Use “Trial run”' }))

    await waitFor(() => expect((within(editor).getByLabelText('Milestone title') as HTMLInputElement).value).toBe('Trial run'))
    await waitFor(() => expect(within(editor).queryByRole('note')).toBeNull())
    // A new edit here, stamped after the other tablet's: it wins wherever it goes next.
    const after = (await db.records.get(milestone.id)) as Rec<'milestone'>
    expect(after.stamps.title > stampAt(Date.now() - 60_000)).toBe(true)
  })

  it('keeps the current title when the person says so, and the notice goes', async () => {
    const { db, workshopId, milestone } = await roomWithIncoming()
    await mergeIncoming(db, [editRecord(milestone, { title: 'Trial run' }, stampAt(Date.now() - 60_000)) as AnyRec])
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    const note = await screen.findByRole('note')
    await user.click(within(note).getByRole('button', { name: 'Keep the current name' }))
    await waitFor(() => expect(screen.queryByRole('note')).toBeNull())
    expect(((await db.records.get(milestone.id)) as Rec<'milestone'>).fields.title).toBe('Store pilot')
  })
})

describe('the home screen', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('says plainly when this tablet’s date looks wrong, and what to do', async () => {
    const { db } = renderApp()
    await db.open()
    await db.meta.put({ key: 'clock', wall: Date.now() + 3 * DAY + 60_000, counter: 0 })
    const alert = await screen.findByText(/This tablet’s date looks wrong/)
    expect(alert.closest('[role="alert"]')?.textContent).toMatch(/stamped 3 days later than its date and time now\. Set the date and time/)
  })

  it('takes the notice away once the date is put right and the person comes back', async () => {
    const { db } = renderApp()
    await db.open()
    await db.meta.put({ key: 'clock', wall: Date.now() + 3 * DAY, counter: 0 })
    await screen.findByText(/This tablet’s date looks wrong/)
    const real = Date.now()
    vi.spyOn(Date, 'now').mockReturnValue(real + 3 * DAY)
    window.dispatchEvent(new Event('focus'))
    await waitFor(() => expect(screen.queryByText(/date looks wrong/)).toBeNull())
  })

  it('says nothing when the date is right', async () => {
    const { db } = renderApp()
    await db.open()
    await db.meta.put({ key: 'clock', wall: Date.now() - 1000, counter: 0 })
    expect(await screen.findByRole('heading', { name: 'Workshops' })).toBeTruthy()
    await screen.findByText(/No workshop on this tablet yet/)
    expect(screen.queryByText(/date looks wrong/)).toBeNull()
  })
})
