import { MILESTONE_CATALOGUE } from '../../domain/milestone-types'
import { compareByCreation, rankMilestones } from '../../domain/ranking'
import type { Rec } from '../../domain/types'
import { voteFlags, voteFlagText, voteLimits, votesUsed, voteTotals } from '../../domain/votes'
import type { HarvestDB } from '../db'
import { getWorkshop, recordsOf, hypothesesOf } from '../queries'

export interface VotingSeats {
  readonly participants: Rec<'participant'>[]
  /** Dots each person has placed: how far along they are, never where the dots went. */
  readonly used: Readonly<Record<string, number>>
}

/** The people who can vote, each with how many dots they have placed. */
export async function votingSeats(db: HarvestDB, workshopId: string): Promise<VotingSeats> {
  const [participants, milestones, votes] = await Promise.all([
    recordsOf(db, workshopId, 'participant'),
    recordsOf(db, workshopId, 'milestone'),
    recordsOf(db, workshopId, 'vote'),
  ])
  const live = new Set(milestones.map(m => m.id))
  const used: Record<string, number> = {}
  for (const p of participants) {
    used[p.id] = votesUsed(votes.filter(v => v.fields.participantId === p.id && live.has(v.fields.milestoneId)).map(v => v.fields))
  }
  return { participants, used }
}

export interface Ballot {
  /** Whose ballot this is, so a screen never shows one voter's dots while the next one's load. */
  readonly participantId: string
  readonly milestones: Rec<'milestone'>[]
  readonly hypotheses: Rec<'hypothesis'>[]
  /** This voter's own dots and nobody else's: the vote is blind until it closes. */
  readonly votes: Rec<'vote'>[]
}

export async function ballotOf(db: HarvestDB, workshopId: string, participantId: string): Promise<Ballot> {
  const [milestones, hypotheses, votes] = await Promise.all([
    recordsOf(db, workshopId, 'milestone'),
    hypothesesOf(db, workshopId),
    recordsOf(db, workshopId, 'vote'),
  ])
  const live = new Set(milestones.map(m => m.id))
  return {
    participantId,
    milestones: milestones.sort(compareByCreation),
    hypotheses,
    votes: votes.filter(
      v => v.fields.participantId === participantId && v.fields.tieBreakId === null && live.has(v.fields.milestoneId),
    ),
  }
}

export interface VoteResults {
  readonly ranked: readonly {
    readonly id: string
    readonly title: string
    readonly typeLabel: string | null
    readonly votes: number
    readonly place: number
    readonly tied: boolean
  }[]
  readonly flags: readonly { readonly id: string; readonly text: string }[]
  readonly totalVotes: number
}

/** The totals per milestone, ranked, with what the rules flag; null while voting is open. */
export async function voteResults(db: HarvestDB, workshopId: string): Promise<VoteResults | null> {
  const workshop = await getWorkshop(db, workshopId)
  if (!workshop?.fields.votingClosed) return null
  const [milestones, votes, participants] = await Promise.all([
    recordsOf(db, workshopId, 'milestone'),
    recordsOf(db, workshopId, 'vote'),
    recordsOf(db, workshopId, 'participant'),
  ])
  const live = new Set(milestones.map(m => m.id))
  const fields = votes.map(v => v.fields)
  const totals = voteTotals(fields, live)
  const names = new Map(participants.map(p => [p.id, p.fields.name || 'Unnamed participant']))
  const titles = new Map(milestones.map(m => [m.id, m.fields.title || 'Untitled milestone']))
  return {
    ranked: rankMilestones(milestones, totals).map(({ item, votes, place, tied }) => ({
      id: item.id,
      title: titles.get(item.id)!,
      typeLabel: item.fields.type ? MILESTONE_CATALOGUE[item.fields.type].label : null,
      votes,
      place,
      tied,
    })),
    flags: voteFlags(fields, voteLimits(workshop.fields), live).map(flag => ({
      id: flag.kind === 'over-budget' ? `${flag.kind}.${flag.participantId}` : `${flag.kind}.${flag.participantId}.${flag.milestoneId}`,
      text: voteFlagText(flag, {
        participant: id => names.get(id) ?? 'A removed participant',
        milestone: id => titles.get(id) ?? 'a removed milestone',
      }),
    })),
    totalVotes: [...totals.values()].reduce((a, b) => a + b, 0),
  }
}
