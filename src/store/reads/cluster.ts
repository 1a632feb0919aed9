import type { Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { recordsOf, hypothesesOf } from '../queries'
import { byCreation } from './mapping'

export interface ClusterView {
  /** Every card of the workshop, oldest first; empty until the cards are revealed. */
  readonly cards: Rec<'card'>[]
  /** The clusters, oldest first, so a new one always lands at the end of the list. */
  readonly milestones: Rec<'milestone'>[]
  readonly participants: Rec<'participant'>[]
  readonly hypotheses: Rec<'hypothesis'>[]
  /** What may be known before the reveal. */
  readonly counts: { readonly cards: number; readonly authors: number; readonly open: number }
}

/**
 * What Read & cluster shows. Before the reveal no card leaves this function, only counts, so
 * no card's text can reach the page (nor a screen reader) by mistake.
 */
export async function clusterView(db: HarvestDB, workshopId: string, revealed: boolean): Promise<ClusterView> {
  const [cards, milestones, participants, hypotheses] = await Promise.all([
    recordsOf(db, workshopId, 'card'),
    recordsOf(db, workshopId, 'milestone'),
    recordsOf(db, workshopId, 'participant'),
    hypothesesOf(db, workshopId),
  ])
  const counts = {
    cards: cards.length,
    authors: new Set(cards.map(card => card.fields.authorId)).size,
    open: cards.filter(card => !card.fields.sealed).length,
  }
  return {
    cards: revealed ? byCreation(cards) : [],
    milestones: byCreation(milestones),
    participants,
    hypotheses,
    counts,
  }
}
