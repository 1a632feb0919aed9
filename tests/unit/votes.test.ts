import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { mergeSets } from '../../src/domain/merge'
import { dotsFromCount, type CountedVote } from '../../src/domain/votes'
import { describeRecordIssue, RecordsSchema } from '../../src/exchange/records-schema'
import type { AnyRec, Rec } from '../../src/domain/types'
import { addMilestone } from '../../src/store/commands/validate'
import { castVote, setVotingClosed } from '../../src/store/commands/vote'
import { castTieBreakVote, closeTieBreak, settleTie } from '../../src/store/commands/tie-break'
import { inventoryOf } from '../../src/store/reads/inventory'
import { mergeIncoming } from '../../src/store/commands/incoming'
import { createWorkshop } from '../../src/store/commands/workshops'
import { workshopRecords } from '../../src/store/queries'
import { voteResults } from '../../src/store/reads/vote'
import { write } from '../../src/store/writer'
import { dump, freshDb } from './db-helpers'
import type { HarvestDB } from '../../src/store/db'
import { compareByCreation } from '../../src/domain/ranking'
import { checkVote, dotToTakeBack, voteFlags, voteFlagText, voteTotals, votesUsed, type Dot, type VoteLimits } from '../../src/domain/votes'
import { createRecord } from '../../src/domain/record'

const liveDots = async (db: HarvestDB) =>
  (await db.records.toArray()).filter((r): r is Rec<'vote'> => r.kind === 'vote' && r.deleted === undefined)

const limits: VoteLimits = { perPerson: 5, perMilestone: 3 }
/** `count` dots of one voter on one milestone, spread so a test can write them like the old counts. */
const vote = (participantId: string, milestoneId: string, count: number): Dot[] =>
  Array.from({ length: count }, () => ({ participantId, milestoneId, tieBreakId: null }))
const all = (...groups: Dot[][]): Dot[] => groups.flat()

describe('checkVote', () => {
  it('lets a voter add dots within the budget and the cap', () => {
    expect(checkVote([], 'm1', 1, limits)).toEqual({ ok: true, count: 1 })
    expect(checkVote(all(vote('ana', 'm1', 2), vote('ana', 'm2', 2)), 'm1', 1, limits)).toEqual({ ok: true, count: 3 })
  })

  it('refuses a dot past the budget, with the words to show', () => {
    const own = all(vote('ana', 'm1', 3), vote('ana', 'm2', 2))
    expect(votesUsed(own)).toBe(5)
    expect(checkVote(own, 'm3', 1, limits)).toEqual({ ok: false, reason: 'budget', message: 'You have used all 5 of your votes' })
    expect(checkVote(all(vote('ana', 'm1', 1)), 'm2', 1, { perPerson: 1, perMilestone: 1 })).toMatchObject({
      message: 'You have used your only vote',
    })
  })

  it('refuses a dot past the cap on one milestone', () => {
    expect(checkVote(all(vote('ana', 'm1', 3)), 'm1', 1, limits)).toEqual({
      ok: false,
      reason: 'cap',
      message: 'At most 3 votes on one milestone',
    })
  })

  it('always lets a voter take a dot back, even over budget, but not below none', () => {
    const over = all(vote('ana', 'm1', 4), vote('ana', 'm2', 3))
    expect(checkVote(over, 'm1', -1, limits)).toEqual({ ok: true, count: 3 })
    expect(checkVote(over, 'm3', -1, limits)).toMatchObject({ ok: false, reason: 'none' })
  })
})

describe('voteTotals', () => {
  it('adds up dots per milestone, leaving out removed milestones', () => {
    const totals = voteTotals(
      all(vote('ana', 'm1', 2), vote('ben', 'm1', 1), vote('ben', 'gone', 3), vote('dev', 'm2', 0)),
      new Set(['m1', 'm2', 'm3']),
    )
    expect([...totals]).toEqual([
      ['m1', 3],
      ['m2', 0],
      ['m3', 0],
    ])
  })
})

describe('voteFlags', () => {
  it('flags a voter who is over budget after two tablets were merged, keeping every vote', () => {
    // Ana spent 3 dots on tablet A and 3 on tablet B before the handoff: each tablet allowed it.
    const tabletA = all(vote('ana', 'm1', 3))
    const tabletB = all(vote('ana', 'm2', 3))
    expect(checkVote(all(vote('ana', 'm1', 2)), 'm1', 1, limits).ok).toBe(true)
    expect(checkVote(all(vote('ana', 'm2', 2)), 'm2', 1, limits).ok).toBe(true)
    const merged = [...tabletA, ...tabletB, ...vote('ben', 'm1', 2)]
    const ids = new Set(['m1', 'm2'])
    const flags = voteFlags(merged, limits, ids)
    expect(flags).toEqual([{ kind: 'over-budget', participantId: 'ana', used: 6, budget: 5 }])
    expect(voteFlagText(flags[0]!, { participant: () => 'Ana', milestone: id => id })).toBe('Ana has 6 votes, budget 5')
    expect(voteTotals(merged, ids).get('m1')).toBe(5)
  })

  it('flags dots over the cap on one milestone', () => {
    const flags = voteFlags(all(vote('ben', 'm1', 4)), limits, new Set(['m1']))
    expect(flags).toEqual([{ kind: 'over-cap', participantId: 'ben', milestoneId: 'm1', count: 4, cap: 3 }])
    expect(voteFlagText(flags[0]!, { participant: () => 'Ben', milestone: () => 'Explore ranking' })).toBe(
      'Ben has 4 votes on “Explore ranking”, at most 3',
    )
  })

  it('does not flag votes within the rules, nor dots on removed milestones', () => {
    expect(voteFlags(all(vote('ana', 'm1', 3), vote('ana', 'm2', 2), vote('ana', 'gone', 3)), limits, new Set(['m1', 'm2']))).toEqual([])
  })
})

// Commands run against a real (fake) IndexedDB, a transaction per tap: slow on a busy machine.
const STORE = { timeout: 30_000 }

describe('castVote, the command', STORE, () => {
  async function room() {
    const db = freshDb()
    const workshopId = await createWorkshop(db, { title: 'W', date: '2026-11-24' })
    const milestoneIds = await Promise.all(['One', 'Two', 'Three'].map(title => addMilestone(db, workshopId, title)))
    const ana = await write(db, async writer => (await writer.create('participant', workshopId, { name: 'Ana', pair: '', position: 1 })).id)
    return { db, workshopId, milestoneIds, ana }
  }

  it('writes one record per dot, and refuses past the budget writing nothing', async () => {
    const { db, workshopId, milestoneIds, ana } = await room()
    const [one, two, three] = milestoneIds as [string, string, string]
    for (const id of [one, one, one, two, two]) expect((await castVote(db, workshopId, ana, id, 1)).ok).toBe(true)
    const before = await dump(db)
    expect(await castVote(db, workshopId, ana, three, 1)).toEqual({
      ok: false,
      reason: 'budget',
      message: 'You have used all 5 of your votes',
    })
    expect(await dump(db)).toBe(before)
    expect((await liveDots(db)).filter(dot => dot.fields.milestoneId === one)).toHaveLength(3)
    expect(await castVote(db, workshopId, ana, two, -1)).toEqual({ ok: true, count: 1 })
    expect(await castVote(db, workshopId, ana, one, 1)).toMatchObject({ ok: false, message: 'At most 3 votes on one milestone' })
  })

  it('lets only one of two quick taps take the last dot', async () => {
    const { db, workshopId, milestoneIds, ana } = await room()
    const [one, two, three] = milestoneIds as [string, string, string]
    for (const id of [one, one, two, two]) await castVote(db, workshopId, ana, id, 1)
    const taps = await Promise.all([castVote(db, workshopId, ana, three, 1), castVote(db, workshopId, ana, one, 1)])
    expect(taps.filter(tap => tap.ok)).toHaveLength(1)
    expect(await liveDots(db)).toHaveLength(5)
  })

  it('takes back the latest dot as a tombstone, and refuses to take back a dot that is not there', async () => {
    const { db, workshopId, milestoneIds, ana } = await room()
    const [one, two] = milestoneIds as [string, string]
    await castVote(db, workshopId, ana, one, 1)
    await castVote(db, workshopId, ana, one, 1)
    const [first, second] = (await liveDots(db)).sort(compareByCreation)
    expect(await castVote(db, workshopId, ana, one, -1)).toEqual({ ok: true, count: 1 })
    expect((await db.records.get(second!.id))?.deleted).toBeDefined()
    expect((await liveDots(db)).map(dot => dot.id)).toEqual([first!.id])
    const before = await dump(db)
    expect(await castVote(db, workshopId, ana, two, -1)).toMatchObject({ ok: false, reason: 'none' })
    expect(await dump(db)).toBe(before)
  })

  it('refuses votes once voting is closed', async () => {
    const { db, workshopId, milestoneIds, ana } = await room()
    await setVotingClosed(db, workshopId, true)
    expect(await castVote(db, workshopId, ana, milestoneIds[0]!, 1)).toMatchObject({ ok: false, message: 'Voting is closed' })
  })

  it('adds up dots that one voter cast on the same milestone on two tablets', async () => {
    const { db: tabletA, workshopId, milestoneIds, ana } = await room()
    const tabletB = freshDb()
    await mergeIncoming(tabletB, await workshopRecords(tabletA, workshopId))
    const one = milestoneIds[0]!
    await castVote(tabletA, workshopId, ana, one, 1)
    await castVote(tabletB, workshopId, ana, one, 1)
    await mergeIncoming(tabletA, await workshopRecords(tabletB, workshopId))
    await mergeIncoming(tabletB, await workshopRecords(tabletA, workshopId))
    for (const tablet of [tabletA, tabletB]) {
      await setVotingClosed(tablet, workshopId, true)
      const results = await voteResults(tablet, workshopId)
      expect(results?.ranked.find(row => row.id === one)?.votes).toBe(2)
    }
  })

  it('flags a voter over budget after votes cast on two tablets meet', async () => {
    const { db: tabletA, workshopId, milestoneIds, ana } = await room()
    const tabletB = freshDb()
    await mergeIncoming(tabletB, await workshopRecords(tabletA, workshopId))
    const [one, two] = milestoneIds as [string, string]
    for (let i = 0; i < 3; i++) await castVote(tabletA, workshopId, ana, one, 1)
    for (let i = 0; i < 3; i++) await castVote(tabletB, workshopId, ana, two, 1)
    await mergeIncoming(tabletA, await workshopRecords(tabletB, workshopId))
    await setVotingClosed(tabletA, workshopId, true)
    const results = await voteResults(tabletA, workshopId)
    expect(results?.flags.map(flag => flag.text)).toEqual(['Ana has 6 votes, budget 5'])
    expect(results?.totalVotes).toBe(6)
    // Until the facilitator mends it, Ana can take dots back but not add one.
    await setVotingClosed(tabletA, workshopId, false)
    expect((await castVote(tabletA, workshopId, ana, one, 1)).ok).toBe(false)
    expect((await castVote(tabletA, workshopId, ana, one, -1)).ok).toBe(true)
  })
})

describe('votes in bundles and backups', () => {
  const counted = {
    id: 'vote.ana.m1',
    workshopId: 'w',
    kind: 'vote',
    fields: { participantId: 'ana', milestoneId: 'm1', count: 2 },
    stamps: { participantId: '0196f0000000-0000-tableta000000000', milestoneId: '0196f0000000-0000-tableta000000000', count: '0196f0000900-0000-tableta000000000' },
  }

  it('reads a counted vote of the first format as the dots it stands for, the same on every read', () => {
    const read = v.parse(RecordsSchema, [counted]) as AnyRec[]
    expect(read).toEqual(dotsFromCount(counted as CountedVote))
    expect(read.map(dot => [dot.id, dot.fields])).toEqual([
      ['vote.ana.m1.1', { participantId: 'ana', milestoneId: 'm1', tieBreakId: null }],
      ['vote.ana.m1.2', { participantId: 'ana', milestoneId: 'm1', tieBreakId: null }],
    ])
    // A second tablet reading the same old record, with a count changed since, makes the same dots and one more.
    const again = v.parse(RecordsSchema, [{ ...counted, fields: { ...counted.fields, count: 3 } }]) as AnyRec[]
    expect([...mergeSets(read, again).keys()].sort()).toEqual(['vote.ana.m1.1', 'vote.ana.m1.2', 'vote.ana.m1.3'])
    expect(v.parse(RecordsSchema, [{ ...counted, fields: { ...counted.fields, count: 0 } }])).toEqual([])
  })

  it('keeps a dot as it is, and refuses a vote of neither shape with a clear message', () => {
    const dot = createRecord('vote', 'd1', 'w', { participantId: 'ana', milestoneId: 'm1', tieBreakId: null }, counted.stamps.count)
    expect(v.parse(RecordsSchema, [dot])).toEqual([dot])
    const broken = { ...dot, fields: { participantId: 'ana', milestoneId: 'm1' } }
    const result = v.safeParse(RecordsSchema, [broken])
    expect(result.success).toBe(false)
    expect(describeRecordIssue(result.issues!, [broken])).toMatch(/^record 1 \(vote\), fields\.tieBreakId: /)
  })
})

describe('settling a tie, the commands', STORE, () => {
  async function tiedRoom() {
    const db = freshDb()
    const workshopId = await createWorkshop(db, { title: 'W', date: '2026-11-24' })
    const [one, two] = [await addMilestone(db, workshopId, 'One'), await addMilestone(db, workshopId, 'Two')]
    const [ana, ben] = await write(db, async w => [
      (await w.create('participant', workshopId, { name: 'Ana', pair: '', position: 1 })).id,
      (await w.create('participant', workshopId, { name: 'Ben', pair: '', position: 2 })).id,
    ])
    await castVote(db, workshopId, ana, one, 1)
    await castVote(db, workshopId, ben, two, 1)
    return { db, workshopId, one, two, ana, ben }
  }

  it('refuses to settle a tie while voting is open, or one the totals no longer hold, writing nothing', async () => {
    const { db, workshopId, one, two, ana } = await tiedRoom()
    const before = await dump(db)
    expect(await settleTie(db, workshopId, [one, two], 1, 'voting')).toEqual({ ok: false, message: 'Close voting before settling a tie' })
    expect(await dump(db)).toBe(before)
    await castVote(db, workshopId, ana, one, 1)
    await setVotingClosed(db, workshopId, true)
    const closed = await dump(db)
    expect(await settleTie(db, workshopId, [one, two], 1, 'accepted')).toMatchObject({ ok: false, message: expect.stringMatching(/no longer there/) })
    expect(await dump(db)).toBe(closed)
  })

  it('runs a round, one dot per seat on the tied milestones only, and orders the inventory by it', async () => {
    const { db, workshopId, one, two, ana, ben } = await tiedRoom()
    await setVotingClosed(db, workshopId, true)
    const started = await settleTie(db, workshopId, [two, one], 1, 'voting')
    if (!started.ok) throw new Error(started.message)
    // The same tie settled again from another screen is the same record.
    expect(await settleTie(db, workshopId, [one, two], 1, 'voting')).toEqual(started)

    expect(await castTieBreakVote(db, started.id, ana, one)).toMatchObject({ ok: true })
    expect(await castTieBreakVote(db, started.id, ana, two)).toMatchObject({ ok: true })
    expect(await castTieBreakVote(db, started.id, ben, two)).toMatchObject({ ok: true })
    const roundDots = (await liveDots(db)).filter(dot => dot.fields.tieBreakId === started.id)
    expect(roundDots.map(dot => [dot.fields.participantId, dot.fields.milestoneId]).sort()).toEqual([[ana, two], [ben, two]].sort())

    // Open rounds settle nothing yet.
    expect((await voteResults(db, workshopId))?.ranked.map(row => row.place)).toEqual([1, 1])
    await closeTieBreak(db, started.id)
    expect(await castTieBreakVote(db, started.id, ben, one)).toEqual({ ok: false, message: 'This tie-break round is closed' })
    const results = await voteResults(db, workshopId)
    expect(results?.ranked.map(row => [row.title, row.place, row.tied, row.tieBreakVotes])).toEqual([
      ['Two', 1, false, 2],
      ['One', 2, false, 0],
    ])
    expect(results?.tie).toBeNull()
    const inventory = await inventoryOf(db, workshopId)
    expect(inventory?.milestones.map(m => [m.title, m.place, m.tied])).toEqual([
      ['Two', 1, false],
      ['One', 2, false],
    ])
  })
})
