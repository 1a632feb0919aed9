import { describe, expect, it } from 'vitest'
import type { AnyRec } from '../../src/domain/types'
import { addObjective, removeObjective } from '../../src/store/commands/objectives'
import { createWorkshop } from '../../src/store/commands/workshops'
import { HarvestDB } from '../../src/store/db'
import { listWorkshops, recordsOf } from '../../src/store/queries'
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../src/store/schema'
import { addMilestone } from '../../src/store/commands/validate'
import { castVote, setVotingClosed } from '../../src/store/commands/vote'
import { voteResults } from '../../src/store/reads/vote'
import { write } from '../../src/store/writer'
import type { CountedVote } from '../../src/domain/votes'
import { freshDb } from './db-helpers'

/** Votes as version 1 stored them: one record per voter and milestone, with a count. */
async function writeCountedVotes(db: HarvestDB, workshopId: string) {
  const [one, two] = [await addMilestone(db, workshopId, 'One'), await addMilestone(db, workshopId, 'Two')]
  const [ana, ben] = await write(db, async w => [
    (await w.create('participant', workshopId, { name: 'Ana', pair: '', position: 1 })).id,
    (await w.create('participant', workshopId, { name: 'Ben', pair: '', position: 2 })).id,
  ])
  const counted = (participantId: string, milestoneId: string, count: number, created: string, changed: string): CountedVote => ({
    id: `vote.${participantId}.${milestoneId}`,
    workshopId,
    kind: 'vote',
    fields: { participantId, milestoneId, count },
    stamps: { participantId: created, milestoneId: created, count: changed },
  })
  await db.records.bulkAdd([
    counted(ana, one, 2, '0196f0000000-0000-tablet-a', '0196f0000100-0000-tablet-a'),
    counted(ana, two, 0, '0196f0000000-0001-tablet-a', '0196f0000200-0000-tablet-a'),
    counted(ben, one, 1, '0196f0000000-0000-tablet-b', '0196f0000000-0000-tablet-b'),
  ] as unknown as AnyRec[])
  return { one, two, ana, ben }
}

const isVote = (record: AnyRec) => record.kind === 'vote'

/**
 * For each schema version: how to write a database as that version's app did, and what
 * the current app must find in it. A new version adds its case here.
 */
const CASES: Record<number, { seed(db: HarvestDB): Promise<void>; check(db: HarvestDB, seeded: AnyRec[]): Promise<void> }> = {
  1: {
    async seed(db) {
      const id = await createWorkshop(db, { title: 'Written by version 1', date: '2026-05-04' })
      await addObjective(db, id, 'Kept')
      await removeObjective(db, await addObjective(db, id, 'Removed'))
      await writeCountedVotes(db, id)
    },
    async check(db, seeded) {
      const records = await db.records.orderBy('id').toArray()
      expect(records.filter(record => !isVote(record))).toEqual(seeded.filter(record => !isVote(record)))
      const [item] = await listWorkshops(db)
      expect(item?.workshop.fields.title).toBe('Written by version 1')
      const workshopId = item!.workshop.id
      const objectives = await recordsOf(db, workshopId, 'objective')
      expect(objectives.map(objective => objective.fields.title)).toEqual(['Kept'])

      // Each counted vote became that many dots, named and stamped from the old record alone.
      const counted = seeded.filter(isVote) as unknown as CountedVote[]
      const anaOne = counted.find(vote => vote.fields.count === 2)
      const benOne = counted.find(vote => vote.fields.count === 1)
      const dots = records.filter(isVote)
      expect(dots.map(dot => dot.id)).toEqual([`${anaOne!.id}.1`, `${anaOne!.id}.2`, `${benOne!.id}.1`].sort())
      expect(dots.find(dot => dot.id === `${anaOne!.id}.2`)).toEqual({
        id: `${anaOne!.id}.2`,
        workshopId,
        kind: 'vote',
        fields: { participantId: anaOne!.fields.participantId, milestoneId: anaOne!.fields.milestoneId, tieBreakId: null },
        stamps: { participantId: anaOne!.stamps.participantId, milestoneId: anaOne!.stamps.participantId, tieBreakId: anaOne!.stamps.participantId },
      })

      // The totals are what version 1 showed, and the dots work as any others.
      const { participantId: ana, milestoneId: one } = anaOne!.fields
      expect(await castVote(db, workshopId, ana, one, -1)).toEqual({ ok: true, count: 1 })
      await setVotingClosed(db, workshopId, true)
      const results = await voteResults(db, workshopId)
      expect(results?.ranked.map(row => [row.title, row.votes])).toEqual([
        ['One', 2],
        ['Two', 0],
      ])
    },
  },
  2: {
    async seed(db) {
      const id = await createWorkshop(db, { title: 'Written by version 2', date: '2026-12-01' })
      const one = await addMilestone(db, id, 'One')
      const ana = await write(db, async w => (await w.create('participant', id, { name: 'Ana', pair: '', position: 1 })).id)
      await castVote(db, id, ana, one, 1)
      await castVote(db, id, ana, one, 1)
      await castVote(db, id, ana, one, -1)
    },
    async check(db, seeded) {
      expect(await db.records.orderBy('id').toArray()).toEqual(seeded)
    },
  },
}

describe('schema migrations', { timeout: 30_000 }, () => {
  it('has a case for every schema version', () => {
    expect(Object.keys(CASES).map(Number)).toEqual(SCHEMA_VERSIONS.map(entry => entry.version))
  })

  for (const { version } of SCHEMA_VERSIONS) {
    it(`opens a database written by version ${version} under version ${CURRENT_VERSION} with its data intact`, async () => {
      const old = freshDb(version)
      await old.open()
      expect(old.verno).toBe(version)
      await CASES[version]!.seed(old)
      const seeded = await old.records.orderBy('id').toArray()
      const device = await old.meta.get('device')
      old.close()

      const current = new HarvestDB(old.name)
      await current.open()
      expect(current.verno).toBe(CURRENT_VERSION)
      expect(await current.meta.get('device')).toEqual(device)
      await CASES[version]!.check(current, seeded)
      current.close()
    })
  }
})
