import { describe, expect, it } from 'vitest'
import { addObjective } from '../../src/store/commands/objectives'
import {
  addHypothesis,
  addKeyResult,
  moveTo,
  removeObjectiveWithItems,
  setTimebox,
  setVoteRules,
  SettingRefused,
} from '../../src/store/commands/setup'
import { createWorkshop } from '../../src/store/commands/workshops'
import { recordsOf } from '../../src/store/queries'
import { dump, freshDb } from './db-helpers'

async function workshop() {
  const db = freshDb()
  const id = await createWorkshop(db, { title: 'W', date: '2026-11-24' })
  return { db, id }
}

describe('prepare commands', () => {
  it('refuses a cap above the budget, or a zero time-box, writing nothing at all', async () => {
    const { db, id } = await workshop()
    const before = await dump(db)
    await expect(setVoteRules(db, id, 3, 4)).rejects.toBeInstanceOf(SettingRefused)
    await expect(setVoteRules(db, id, 0, 0)).rejects.toBeInstanceOf(SettingRefused)
    await expect(setTimebox(db, id, 'ideation', 0)).rejects.toBeInstanceOf(SettingRefused)
    expect(await dump(db)).toBe(before)
  })

  it('keeps both of two time-box edits made one after the other', async () => {
    const { db, id } = await workshop()
    await Promise.all([setTimebox(db, id, 'ideation', 9), setTimebox(db, id, 'vote', 4)])
    const [stored] = await recordsOf(db, id, 'workshop')
    expect(stored?.fields.timeboxes).toMatchObject({ ideation: 9, vote: 4, context: 10 })
  })

  it('orders key results within their objective, apart from other objectives', async () => {
    const { db, id } = await workshop()
    const one = await addObjective(db, id, 'One')
    const two = await addObjective(db, id, 'Two')
    const a = await addKeyResult(db, one, 'a')
    await addKeyResult(db, two, 'x')
    await addKeyResult(db, one, 'b')
    await addKeyResult(db, one, 'c')
    await moveTo(db, a, 'keyResult', 2)
    const ofOne = (await recordsOf(db, id, 'keyResult')).filter(kr => kr.fields.objectiveId === one)
    expect(ofOne.map(kr => kr.fields.text)).toEqual(['b', 'c', 'a'])
  })

  it('removes an objective with its key results and hypotheses, as tombstones, leaving the others', async () => {
    const { db, id } = await workshop()
    const one = await addObjective(db, id, 'One')
    const two = await addObjective(db, id, 'Two')
    await addKeyResult(db, one, 'a')
    await addHypothesis(db, one, 'If a, then b')
    const kept = await addKeyResult(db, two, 'x')
    await removeObjectiveWithItems(db, one)
    const all = await db.records.where('workshopId').equals(id).toArray()
    expect(all.filter(record => record.deleted !== undefined).map(record => record.kind).sort()).toEqual([
      'hypothesis',
      'keyResult',
      'objective',
    ])
    expect((await recordsOf(db, id, 'keyResult')).map(kr => kr.id)).toEqual([kept])
  })
})
