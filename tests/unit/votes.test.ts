import { describe, expect, it } from 'vitest'
import { voteId } from '../../src/domain/ids'
import type { Rec } from '../../src/domain/types'
import { addMilestone } from '../../src/store/commands/validate'
import { castVote, setVotingClosed } from '../../src/store/commands/vote'
import { mergeIncoming } from '../../src/store/commands/incoming'
import { createWorkshop } from '../../src/store/commands/workshops'
import { workshopRecords } from '../../src/store/queries'
import { voteResults } from '../../src/store/reads/vote'
import { write } from '../../src/store/writer'
import { dump, freshDb } from './db-helpers'
import { checkVote, voteFlags, voteFlagText, voteTotals, votesUsed, type VoteLimits } from '../../src/domain/votes'

const limits: VoteLimits = { perPerson: 5, perMilestone: 3 }
const vote = (participantId: string, milestoneId: string, count: number) => ({ participantId, milestoneId, count })

describe('checkVote', () => {
  it('lets a voter add dots within the budget and the cap', () => {
    expect(checkVote([], 'm1', 1, limits)).toEqual({ ok: true, count: 1 })
    expect(checkVote([vote('ana', 'm1', 2), vote('ana', 'm2', 2)], 'm1', 1, limits)).toEqual({ ok: true, count: 3 })
  })

  it('refuses a dot past the budget, with the words to show', () => {
    const own = [vote('ana', 'm1', 3), vote('ana', 'm2', 2)]
    expect(votesUsed(own)).toBe(5)
    expect(checkVote(own, 'm3', 1, limits)).toEqual({ ok: false, reason: 'budget', message: 'You have used all 5 of your votes' })
    expect(checkVote([vote('ana', 'm1', 1)], 'm2', 1, { perPerson: 1, perMilestone: 1 })).toMatchObject({
      message: 'You have used your only vote',
    })
  })

  it('refuses a dot past the cap on one milestone', () => {
    expect(checkVote([vote('ana', 'm1', 3)], 'm1', 1, limits)).toEqual({
      ok: false,
      reason: 'cap',
      message: 'At most 3 votes on one milestone',
    })
  })

  it('always lets a voter take a dot back, even over budget, but not below none', () => {
    const over = [vote('ana', 'm1', 4), vote('ana', 'm2', 3)]
    expect(checkVote(over, 'm1', -1, limits)).toEqual({ ok: true, count: 3 })
    expect(checkVote(over, 'm3', -1, limits)).toMatchObject({ ok: false, reason: 'none' })
  })
})

describe('voteTotals', () => {
  it('adds up dots per milestone, leaving out removed milestones', () => {
    const totals = voteTotals(
      [vote('ana', 'm1', 2), vote('ben', 'm1', 1), vote('ben', 'gone', 3), vote('dev', 'm2', 0)],
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
    const tabletA = [vote('ana', 'm1', 3)]
    const tabletB = [vote('ana', 'm2', 3)]
    expect(checkVote([vote('ana', 'm1', 2)], 'm1', 1, limits).ok).toBe(true)
    expect(checkVote([vote('ana', 'm2', 2)], 'm2', 1, limits).ok).toBe(true)
    const merged = [...tabletA, ...tabletB, vote('ben', 'm1', 2)]
    const ids = new Set(['m1', 'm2'])
    const flags = voteFlags(merged, limits, ids)
    expect(flags).toEqual([{ kind: 'over-budget', participantId: 'ana', used: 6, budget: 5 }])
    expect(voteFlagText(flags[0]!, { participant: () => 'Ana', milestone: id => id })).toBe('Ana has 6 votes, budget 5')
    expect(voteTotals(merged, ids).get('m1')).toBe(5)
  })

  it('flags dots over the cap on one milestone', () => {
    const flags = voteFlags([vote('ben', 'm1', 4)], limits, new Set(['m1']))
    expect(flags).toEqual([{ kind: 'over-cap', participantId: 'ben', milestoneId: 'm1', count: 4, cap: 3 }])
    expect(voteFlagText(flags[0]!, { participant: () => 'Ben', milestone: () => 'Explore ranking' })).toBe(
      'Ben has 4 votes on “Explore ranking”, at most 3',
    )
  })

  it('does not flag votes within the rules, nor dots on removed milestones', () => {
    expect(voteFlags([vote('ana', 'm1', 3), vote('ana', 'm2', 2), vote('ana', 'gone', 3)], limits, new Set(['m1', 'm2']))).toEqual([])
  })
})

describe('castVote, the command', () => {
  async function room() {
    const db = freshDb()
    const workshopId = await createWorkshop(db, { title: 'W', date: '2026-11-24' })
    const milestoneIds = await Promise.all(['One', 'Two', 'Three'].map(title => addMilestone(db, workshopId, title)))
    const ana = await write(db, async writer => (await writer.create('participant', workshopId, { name: 'Ana', pair: '', position: 1 })).id)
    return { db, workshopId, milestoneIds, ana }
  }

  it('writes one vote record per voter and milestone, and refuses past the budget writing nothing', async () => {
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
    const vote = (await db.records.get(voteId(ana, one))) as Rec<'vote'>
    expect(vote.fields.count).toBe(3)
    expect(await castVote(db, workshopId, ana, two, -1)).toEqual({ ok: true, count: 1 })
    expect(await castVote(db, workshopId, ana, one, 1)).toMatchObject({ ok: false, message: 'At most 3 votes on one milestone' })
  })

  it('lets only one of two quick taps take the last dot', async () => {
    const { db, workshopId, milestoneIds, ana } = await room()
    const [one, two, three] = milestoneIds as [string, string, string]
    for (const id of [one, one, two, two]) await castVote(db, workshopId, ana, id, 1)
    const taps = await Promise.all([castVote(db, workshopId, ana, three, 1), castVote(db, workshopId, ana, one, 1)])
    expect(taps.filter(tap => tap.ok)).toHaveLength(1)
    const votes = (await db.records.toArray()).filter((r): r is Rec<'vote'> => r.kind === 'vote')
    expect(votes.reduce((sum, vote) => sum + vote.fields.count, 0)).toBe(5)
  })

  it('refuses votes once voting is closed', async () => {
    const { db, workshopId, milestoneIds, ana } = await room()
    await setVotingClosed(db, workshopId, true)
    expect(await castVote(db, workshopId, ana, milestoneIds[0]!, 1)).toMatchObject({ ok: false, message: 'Voting is closed' })
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
