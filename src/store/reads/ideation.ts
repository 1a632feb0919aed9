import { pinMatches } from '../../domain/seat-pin'
import type { Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { recordsOf, hypothesesOf } from '../queries'
import { byCreation } from './mapping'

/** How many cards one seat has written, and how it is closed: all that anyone else may know about it. */
export interface SeatCount {
  /** The participant's id, so live results reconcile per seat. */
  readonly id: string
  readonly count: number
  /** Some of its cards are sealed: reopening it is a deliberate step. */
  readonly sealed: boolean
  /** It has a PIN, which reopening it asks for. */
  readonly pinned: boolean
}

export interface IdeationView {
  /** The seat this view was read for: a screen shows `ownCards` only to that seat. */
  readonly seatId: string | null
  readonly participants: Rec<'participant'>[]
  readonly hypotheses: Rec<'hypothesis'>[]
  readonly counts: SeatCount[]
  /** The cards of the seat holding the tablet, and nobody else's. */
  readonly ownCards: Rec<'card'>[]
}

/**
 * What silent ideation may show. Other seats' cards never leave this function as text: the
 * screen gets their counts only, so nothing private can end up on the page.
 */
export async function ideationView(db: HarvestDB, workshopId: string, seatId: string | null): Promise<IdeationView> {
  const [participants, hypotheses, cards] = await Promise.all([
    recordsOf(db, workshopId, 'participant'),
    hypothesesOf(db, workshopId),
    recordsOf(db, workshopId, 'card'),
  ])
  const counts = participants.map(participant => {
    const own = cards.filter(card => card.fields.authorId === participant.id)
    return {
      id: participant.id,
      count: own.length,
      sealed: own.some(card => card.fields.sealed),
      pinned: participant.fields.pinHash !== undefined,
    }
  })
  const ownCards = seatId === null ? [] : byCreation(cards.filter(card => card.fields.authorId === seatId))
  return { seatId, participants, hypotheses, counts, ownCards }
}

/**
 * Whether `pin` opens this seat. False for a seat without a PIN, or one removed: a screen asks
 * only where `SeatCount.pinned` says there is one.
 */
export async function seatPinOpens(db: HarvestDB, participantId: string, pin: string): Promise<boolean> {
  const participant = await db.records.get(participantId)
  if (!participant || participant.kind !== 'participant' || participant.deleted !== undefined) return false
  const stored = participant.fields.pinHash
  return stored !== undefined && pinMatches(stored, pin, participant.workshopId, participant.id)
}
