import { MILESTONE_CATALOGUE } from '../../domain/milestone-types'
import { compareByCreation, rankMilestones, tiesToSettle, type Tie } from '../../domain/ranking'
import { roundTotals, settlementsOf, tieBreakId } from '../../domain/ties'
import type { Rec } from '../../domain/types'
import { voteFlags, voteFlagText, voteLimits, votesUsed, voteTotals, type Dot } from '../../domain/votes'
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

export interface RankedRow {
  readonly id: string
  readonly title: string
  readonly typeLabel: string | null
  readonly votes: number
  readonly place: number
  readonly tied: boolean
  /** Its dots in the tie-break round that placed it; null when no round did. */
  readonly tieBreakVotes: number | null
  readonly tieAccepted: boolean
}

/** The best-placed tie still open: what the facilitator is offered to settle. */
export interface OpenTie {
  /** The id its settlement has (or will have). */
  readonly id: string
  readonly place: number
  readonly votes: number
  readonly milestones: readonly { readonly id: string; readonly title: string }[]
  /** 'open': nothing done yet; 'voting': a tie-break round is on; 'level': a round ended without settling it. */
  readonly state: 'open' | 'voting' | 'level'
  /** Dots per milestone of the round that ended level. */
  readonly roundVotes: Readonly<Record<string, number>>
}

export interface VoteResults {
  readonly ranked: readonly RankedRow[]
  readonly flags: readonly { readonly id: string; readonly text: string }[]
  readonly totalVotes: number
  readonly tie: OpenTie | null
}

/** The totals per milestone, ranked with the ties the room settled, with what the rules flag; null while voting is open. */
export async function voteResults(db: HarvestDB, workshopId: string): Promise<VoteResults | null> {
  const workshop = await getWorkshop(db, workshopId)
  if (!workshop?.fields.votingClosed) return null
  const [milestones, votes, participants, tieBreaks] = await Promise.all([
    recordsOf(db, workshopId, 'milestone'),
    recordsOf(db, workshopId, 'vote'),
    recordsOf(db, workshopId, 'participant'),
    recordsOf(db, workshopId, 'tieBreak'),
  ])
  const live = new Set(milestones.map(m => m.id))
  const fields = votes.map(v => v.fields)
  const totals = voteTotals(fields, live)
  const names = new Map(participants.map(p => [p.id, p.fields.name || 'Unnamed participant']))
  const titles = new Map(milestones.map(m => [m.id, m.fields.title || 'Untitled milestone']))
  const ranked = rankMilestones(milestones, totals, settlementsOf(tieBreaks, fields))
  return {
    ranked: ranked.map(({ item, votes, place, tied, tieBreakVotes, tieAccepted }) => ({
      id: item.id,
      title: titles.get(item.id)!,
      typeLabel: item.fields.type ? MILESTONE_CATALOGUE[item.fields.type].label : null,
      votes,
      place,
      tied,
      tieBreakVotes,
      tieAccepted,
    })),
    flags: voteFlags(fields, voteLimits(workshop.fields), live).map(flag => ({
      id: flag.kind === 'over-budget' ? `${flag.kind}.${flag.participantId}` : `${flag.kind}.${flag.participantId}.${flag.milestoneId}`,
      text: voteFlagText(flag, {
        participant: id => names.get(id) ?? 'A removed participant',
        milestone: id => titles.get(id) ?? 'a removed milestone',
      }),
    })),
    totalVotes: [...totals.values()].reduce((a, b) => a + b, 0),
    tie: openTie(workshopId, tiesToSettle(ranked)[0], tieBreaks, fields, titles),
  }
}

function openTie(
  workshopId: string,
  tie: Tie | undefined,
  tieBreaks: readonly Rec<'tieBreak'>[],
  dots: readonly Dot[],
  titles: ReadonlyMap<string, string>,
): OpenTie | null {
  if (!tie) return null
  const id = tieBreakId(workshopId, tie.milestoneIds, tie.votes)
  const round = tieBreaks.find(record => record.id === id)
  const state = !round || round.fields.state === 'accepted' ? 'open' : round.fields.state === 'voting' ? 'voting' : 'level'
  return {
    id,
    place: tie.place,
    votes: tie.votes,
    milestones: tie.milestoneIds.map(milestoneId => ({ id: milestoneId, title: titles.get(milestoneId)! })),
    state,
    roundVotes: state === 'level' ? Object.fromEntries(roundTotals(round!, dots)) : {},
  }
}
