import { describe, expect, it } from 'vitest'
import { makeStamp, parseStamp, type Stamp } from '../../src/domain/clock'
import { createRecord, deleteRecord, editRecord } from '../../src/domain/record'
import type { AnyRec, Rec } from '../../src/domain/types'
import { dismissConflict, takeConflict } from '../../src/store/commands/conflicts'
import { conflictKey, mergeIncoming, previewIncoming } from '../../src/store/commands/incoming'
import { createWorkshop } from '../../src/store/commands/workshops'
import type { ConflictRow } from '../../src/store/db'
import { clockHealth, conflictsOfRecord } from '../../src/store/reads/conflicts'
import { write } from '../../src/store/writer'
import { dump, freshDb } from './db-helpers'

const OTHER = 'othertablet00001'
const DAY = 86_400_000
const stampAt = (wall: number, device = OTHER, counter = 0): Stamp => makeStamp({ wall, counter }, device)

async function tabletWithWorkshop() {
  const db = freshDb()
  const workshopId = await createWorkshop(db, { title: 'Lake off-site', date: '2026-11-24' })
  const workshop = (await db.records.get(workshopId)) as Rec<'workshop'>
  return { db, workshopId, workshop }
}

const milestone = (id: string, workshopId: string, title: string, stamp: Stamp) =>
  createRecord('milestone', id, workshopId, { title, type: null, hypothesisId: null, keyResultId: null, objectiveId: null, unlocks: [], validates: '' }, stamp) as AnyRec
const card = (id: string, workshopId: string, milestoneId: string | null, stamp: Stamp) =>
  createRecord('card', id, workshopId, { authorId: 'p1', text: 'Pilot', hypothesisId: null, sealed: false, milestoneId }, stamp) as AnyRec

describe('bounded clocks on merge', () => {
  it('refuses the records of a tablet 3 days ahead, names it, writes nothing for them and merges the rest', async () => {
    const { db, workshopId } = await tabletWithWorkshop()
    const now = Date.now()
    const ahead = milestone('ms-ahead', workshopId, 'From the future', stampAt(now + 3 * DAY + 60_000))
    const fine = milestone('ms-fine', workshopId, 'Today', stampAt(now - 1000))
    const clockBefore = await db.meta.get('clock')

    const preview = await previewIncoming(db, [ahead, fine])
    expect(preview.ahead).toEqual([{ deviceId: OTHER, tablet: 'tablet OTHE', ahead: expect.any(Number), count: 1 }])
    expect(Math.round(preview.ahead[0]!.ahead / DAY)).toBe(3)
    expect(preview.newCount).toBe(1)

    await mergeIncoming(db, [ahead, fine])
    expect(await db.records.get('ms-ahead')).toBeUndefined()
    expect(await db.records.get('ms-fine')).toBeDefined()
    // The clock moved past the record it took, and nowhere near the refused one.
    const clock = (await db.meta.get('clock')) as { wall: number }
    expect(clock.wall).toBeGreaterThanOrEqual((clockBefore as { wall: number }).wall)
    expect(clock.wall).toBeLessThan(now + DAY)
  })

  it('names a tablet by its device record when there is one', async () => {
    const { db, workshopId } = await tabletWithWorkshop()
    const device = createRecord('device', OTHER, workshopId, { name: 'Green tablet', lastHandoff: null }, stampAt(Date.now() - 5000)) as AnyRec
    const ahead = milestone('ms-ahead', workshopId, 'Later', stampAt(Date.now() + 10 * 365 * DAY))
    const preview = await previewIncoming(db, [device, ahead])
    expect(preview.ahead.map(notice => notice.tablet)).toEqual(['Green tablet'])
  })

  it('does not write anything at all when every record is refused', async () => {
    const { db, workshopId } = await tabletWithWorkshop()
    const before = await dump(db)
    await mergeIncoming(db, [milestone('ms-x', workshopId, 'X', stampAt(Date.now() + 2 * DAY))])
    expect(await dump(db)).toBe(before)
  })
})

describe('identity on merge', () => {
  it('refuses a record with the id of another kind, and names it', async () => {
    const { db, workshopId } = await tabletWithWorkshop()
    const now = Date.now()
    await mergeIncoming(db, [milestone('shared-id', workshopId, 'Real milestone', stampAt(now - 5000))])
    const forged = card('shared-id', workshopId, null, stampAt(now - 1000))
    const preview = await previewIncoming(db, [forged])
    expect(preview.identity).toEqual(['A card in this file has the id of a milestone here: it is not merged.'])
    await mergeIncoming(db, [forged])
    expect((await db.records.get('shared-id'))?.kind).toBe('milestone')
  })

  it('refuses a record that moves to another workshop', async () => {
    const { db, workshopId } = await tabletWithWorkshop()
    const now = Date.now()
    await mergeIncoming(db, [milestone('ms-1', workshopId, 'Here', stampAt(now - 5000))])
    const moved = milestone('ms-1', 'another-workshop', 'Elsewhere', stampAt(now - 1000))
    const summary = await mergeIncoming(db, [moved])
    expect(summary.identity).toHaveLength(1)
    expect((await db.records.get('ms-1'))?.workshopId).toBe(workshopId)
  })

  it('merges two copies of one id in one file by their stamps, not by their order', async () => {
    const { db, workshopId } = await tabletWithWorkshop()
    const now = Date.now()
    const newer = milestone('ms-1', workshopId, 'Newer', stampAt(now - 1000))
    const older = milestone('ms-1', workshopId, 'Older', stampAt(now - 9000))
    await mergeIncoming(db, [newer, older])
    expect(((await db.records.get('ms-1')) as Rec<'milestone'>).fields.title).toBe('Newer')
  })

  it('takes neither of two copies in one file that disagree on their kind', async () => {
    const { db, workshopId } = await tabletWithWorkshop()
    const now = Date.now()
    const summary = await mergeIncoming(db, [milestone('x-1', workshopId, 'M', stampAt(now - 9000)), card('x-1', workshopId, null, stampAt(now - 1000))])
    expect(summary.identity).toEqual(['A card in this file shares its id with a milestone in it: neither is merged.'])
    expect(await db.records.get('x-1')).toBeUndefined()
  })

  it('never changes the workshop key on merge, even for a later stamp', async () => {
    const { db, workshop } = await tabletWithWorkshop()
    const later = editRecord(workshop, { secret: 'someone-elses-secret-0123456789', title: 'Renamed' }, stampAt(Date.now() + 1000))
    const summary = await mergeIncoming(db, [later as AnyRec])
    expect(summary.keptSecret).toBe(true)
    const after = (await db.records.get(workshop.id)) as Rec<'workshop'>
    expect(after.fields.secret).toBe(workshop.fields.secret)
    expect(after.stamps.secret).toBe(workshop.stamps.secret)
    expect(after.fields.title).toBe('Renamed')
  })
})

describe('conflicts shown, not dropped', () => {
  async function renamedOnTwoTablets() {
    const { db, workshopId } = await tabletWithWorkshop()
    const base = Date.now() - 60_000
    const original = milestone('ms-1', workshopId, 'Pilot', stampAt(base))
    await mergeIncoming(db, [original])
    // Renamed here, and renamed (a little later) on the other tablet, neither seeing the other.
    await write(db, writer => writer.update('ms-1', 'milestone', { title: 'Store pilot' }))
    const theirs = editRecord(original as Rec<'milestone'>, { title: 'Trial run' }, stampAt(Date.now() + 5_000))
    return { db, workshopId, theirs: theirs as AnyRec }
  }

  it('keeps the losing title as a notice naming the tablet that wrote it', async () => {
    const { db, theirs } = await renamedOnTwoTablets()
    const preview = await previewIncoming(db, [theirs])
    expect(preview.conflicts).toMatchObject([{ recordId: 'ms-1', field: 'title', kept: 'Trial run', other: 'Store pilot' }])
    await mergeIncoming(db, [theirs])
    const rows = await conflictsOfRecord(db, 'ms-1')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ value: 'Store pilot', field: 'title' })
    // The value is this tablet's own: named after this tablet's device.
    const device = (await db.meta.get('device')) as { deviceId: string }
    expect(rows[0]!.deviceId).toBe(device.deviceId)
  })

  it('also keeps the incoming title when this tablet\'s later one wins', async () => {
    const { db, workshopId } = await tabletWithWorkshop()
    const original = milestone('ms-1', workshopId, 'Pilot', stampAt(Date.now() - 60_000))
    await mergeIncoming(db, [original])
    const theirs = editRecord(original as Rec<'milestone'>, { title: 'Trial run' }, stampAt(Date.now() - 30_000))
    await write(db, writer => writer.update('ms-1', 'milestone', { title: 'Store pilot' }))
    const summary = await mergeIncoming(db, [theirs as AnyRec])
    expect(summary.conflicts).toMatchObject([{ kept: 'Store pilot', other: 'Trial run', tablet: 'tablet OTHE' }])
    expect(((await db.records.get('ms-1')) as Rec<'milestone'>).fields.title).toBe('Store pilot')
    expect((await conflictsOfRecord(db, 'ms-1')).map(row => row.value)).toEqual(['Trial run'])
  })

  it('takes the other title with one action: a new edit that wins, and the notice is gone', async () => {
    const { db, theirs } = await renamedOnTwoTablets()
    await mergeIncoming(db, [theirs])
    await takeConflict(db, conflictKey('ms-1', 'title'))
    const after = (await db.records.get('ms-1')) as Rec<'milestone'>
    expect(after.fields.title).toBe('Store pilot')
    expect(after.stamps.title > (theirs as Rec<'milestone'>).stamps.title).toBe(true)
    expect(await conflictsOfRecord(db, 'ms-1')).toEqual([])
  })

  it('keeps a dismissed notice away when the same value arrives again', async () => {
    const { db, theirs } = await renamedOnTwoTablets()
    const local = await db.records.get('ms-1')
    await mergeIncoming(db, [theirs])
    await dismissConflict(db, conflictKey('ms-1', 'title'))
    expect(await conflictsOfRecord(db, 'ms-1')).toEqual([])
    // The same pair meets again (say the other tablet hands off once more): still dismissed.
    await mergeIncoming(db, [local!])
    expect(await conflictsOfRecord(db, 'ms-1')).toEqual([])
    expect(((await db.meta.get(conflictKey('ms-1', 'title'))) as ConflictRow).dismissed).toBe(true)
  })

  it('says nothing when one tablet simply edited after the other, or the two agree', async () => {
    const { db, workshopId } = await tabletWithWorkshop()
    const original = milestone('ms-1', workshopId, 'Pilot', stampAt(Date.now() - 60_000))
    await mergeIncoming(db, [original])
    const same = editRecord(original as Rec<'milestone'>, { title: 'Pilot' }, stampAt(Date.now() - 1000))
    const renamed = editRecord(original as Rec<'milestone'>, { title: 'Trial' }, stampAt(Date.now() - 1000))
    expect((await mergeIncoming(db, [same as AnyRec])).conflicts).toEqual([])
    // The title "Pilot" was the other tablet's own: a later edit on the same tablet replaces it.
    expect((await mergeIncoming(db, [renamed as AnyRec])).conflicts).toEqual([])
  })

  it('lists cards left in a milestone deleted on another tablet, either way round', async () => {
    const { db, workshopId } = await tabletWithWorkshop()
    const now = Date.now()
    const ms = milestone('ms-1', workshopId, 'Pilot', stampAt(now - 60_000))
    await mergeIncoming(db, [ms])
    await write(db, async writer => {
      await writer.create('card', workshopId, { authorId: 'p1', text: 'A', hypothesisId: null, sealed: false, milestoneId: 'ms-1' }, 'card-a')
      await writer.create('card', workshopId, { authorId: 'p1', text: 'B', hypothesisId: null, sealed: false, milestoneId: 'ms-1' }, 'card-b')
    })
    const gone = deleteRecord(ms as Rec<'milestone'>, stampAt(now - 100))
    expect((await previewIncoming(db, [gone as AnyRec])).orphanCards).toBe(2)

    // The other way round: the milestone is deleted here, a card arrives into it.
    const other = await tabletWithWorkshop()
    await mergeIncoming(other.db, [gone as AnyRec])
    expect((await previewIncoming(other.db, [card('card-c', workshopId, 'ms-1', stampAt(now - 50))])).orphanCards).toBe(1)
  })
})

describe('clock health', () => {
  it('says how far this tablet\'s date is behind the edits it holds, and nothing when it is right', async () => {
    const { db } = await tabletWithWorkshop()
    expect((await clockHealth(db)).behind).toBe(0)
    const clock = (await db.meta.get('clock')) as { wall: number }
    // The date was set back by three days after these edits were made.
    const behind = await clockHealth(db, clock.wall - 3 * DAY)
    expect(Math.round(behind.behind / DAY)).toBe(3)
    expect(parseStamp(stampAt(clock.wall))?.wall).toBe(clock.wall)
  })
})
