import type { Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { recordsOf } from '../queries'

export interface TieBreakSeats {
  readonly participants: Rec<'participant'>[]
  /** Who has put their dot in this round: how far along the room is, never where the dots went. */
  readonly voted: readonly string[]
}

/** The people who can vote in a tie-break round, and who already has. */
export async function tieBreakSeats(db: HarvestDB, workshopId: string, tieBreakId: string): Promise<TieBreakSeats> {
  const [participants, votes] = await Promise.all([recordsOf(db, workshopId, 'participant'), recordsOf(db, workshopId, 'vote')])
  return {
    participants,
    voted: [...new Set(votes.filter(dot => dot.fields.tieBreakId === tieBreakId).map(dot => dot.fields.participantId))],
  }
}

export interface TieBreakBallot {
  readonly participantId: string
  /** This seat's own choice in the round and nobody else's: the round is blind until it closes. */
  readonly choice: string | null
}

export async function tieBreakBallot(db: HarvestDB, workshopId: string, tieBreakId: string, participantId: string): Promise<TieBreakBallot> {
  const votes = await recordsOf(db, workshopId, 'vote')
  const own = votes.filter(dot => dot.fields.tieBreakId === tieBreakId && dot.fields.participantId === participantId)
  return { participantId, choice: own.at(-1)?.fields.milestoneId ?? null }
}
