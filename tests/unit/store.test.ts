import { describe, expect, it } from 'vitest'
import { parseStamp } from '../../src/domain/clock'
import type { Rec } from '../../src/domain/types'
import { addObjective, editObjective, removeObjective } from '../../src/store/commands/objectives'
import { createWorkshop, removeWorkshopFromTablet, renameWorkshop } from '../../src/store/commands/workshops'
import { getWorkshop, listWorkshops, recordsOf } from '../../src/store/queries'
import { ensureDevice } from '../../src/store/writer'
import { freshDb } from './db-helpers'

describe('store commands', () => {
  it('creates a workshop with the method’s default settings and lists it', async () => {
    const db = freshDb()
    const id = await createWorkshop(db, { title: '  Q3 off-site  ', date: '2026-11-24' })
    const workshop = await getWorkshop(db, id)
    expect(workshop?.fields).toMatchObject({
      title: 'Q3 off-site',
      date: '2026-11-24',
      phase: 'setup',
      votesPerPerson: 5,
      votesPerMilestone: 3,
      anonymous: true,
      timeboxes: { context: 10, mapping: 10, ideation: 7, cluster: 15, validate: 15, vote: 5 },
    })
    expect(workshop?.fields.secret.length).toBeGreaterThanOrEqual(40)
    const list = await listWorkshops(db)
    expect(list.map(item => item.workshop.fields.title)).toEqual(['Q3 off-site'])
  })

  it('refuses a workshop without a title and writes nothing', async () => {
    const db = freshDb()
    await expect(createWorkshop(db, { title: '   ' })).rejects.toThrow(/title/)
    expect(await db.records.count()).toBe(0)
  })

  it('stamps every write with this tablet’s device id, made once and kept', async () => {
    const db = freshDb()
    const id = await createWorkshop(db, { title: 'A' })
    await renameWorkshop(db, id, 'B')
    const device = await ensureDevice(db)
    const again = await ensureDevice(db)
    expect(again.deviceId).toBe(device.deviceId)
    const workshop = (await getWorkshop(db, id)) as Rec<'workshop'>
    expect(parseStamp(workshop.stamps.title)?.deviceId).toBe(device.deviceId)
    expect(workshop.stamps.title > workshop.stamps.date).toBe(true)
  })

  it('stamps only the fields an edit really changes', async () => {
    const db = freshDb()
    const workshopId = await createWorkshop(db, { title: 'W' })
    const id = await addObjective(db, workshopId, 'Grow')
    const before = (await db.records.get(id)) as Rec<'objective'>
    await editObjective(db, id, 'Grow')
    expect(await db.records.get(id)).toEqual(before)
    await editObjective(db, id, 'Grow faster')
    const after = (await db.records.get(id)) as Rec<'objective'>
    expect(after.fields.title).toBe('Grow faster')
    expect(after.stamps.title > before.stamps.title).toBe(true)
    expect(after.stamps.position).toBe(before.stamps.position)
  })

  it('keeps objectives in the order they were added, and a removed one as a tombstone', async () => {
    const db = freshDb()
    const workshopId = await createWorkshop(db, { title: 'W' })
    const first = await addObjective(db, workshopId, 'First')
    await addObjective(db, workshopId, 'Second')
    await addObjective(db, workshopId, 'Third')
    await removeObjective(db, first)
    const live = await recordsOf(db, workshopId, 'objective')
    expect(live.map(objective => objective.fields.title)).toEqual(['Second', 'Third'])
    const tombstone = await db.records.get(first)
    expect(tombstone?.deleted).toBeTruthy()
    await editObjective(db, first, 'Back from the dead')
    expect(((await db.records.get(first)) as Rec<'objective'>).fields.title).toBe('First')
  })

  it('removes a workshop with everything in it from this tablet, and only that workshop', async () => {
    const db = freshDb()
    const keep = await createWorkshop(db, { title: 'Keep' })
    const drop = await createWorkshop(db, { title: 'Drop' })
    await addObjective(db, keep, 'Kept objective')
    await addObjective(db, drop, 'Dropped objective')
    await removeWorkshopFromTablet(db, drop)
    expect(await db.records.where('workshopId').equals(drop).count()).toBe(0)
    expect((await listWorkshops(db)).map(item => [item.workshop.fields.title, item.objectiveCount])).toEqual([
      ['Keep', 1],
    ])
  })
})
