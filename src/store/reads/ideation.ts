import type { Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { recordsOf, hypothesesOf } from '../queries'
import { byCreation } from './mapping'

/** How many cards one seat has written: all that anyone else may know about them. */
export interface SeatCount {
  /** The participant's id, so live results reconcile per seat. */
  readonly id: string
  readonly count: number
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
  const counts = participants.map(participant => ({
    id: participant.id,
    count: cards.filter(card => card.fields.authorId === participant.id).length,
  }))
  const ownCards = seatId === null ? [] : byCreation(cards.filter(card => card.fields.authorId === seatId))
  return { seatId, participants, hypotheses, counts, ownCards }
}
