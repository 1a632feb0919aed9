import { compareByCreation } from '../../domain/ranking'
import type { Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { recordsOf, hypothesesOf } from '../queries'

export interface ValidationBoard {
  /** In the order they were made, so the walk-through keeps its order while the room edits. */
  readonly milestones: Rec<'milestone'>[]
  readonly objectives: Rec<'objective'>[]
  readonly keyResults: Rec<'keyResult'>[]
  readonly hypotheses: Rec<'hypothesis'>[]
  readonly cards: Rec<'card'>[]
  readonly participants: Rec<'participant'>[]
}

/** Everything the Validation screen shows: the milestones and what they can point at. */
export async function validationBoard(db: HarvestDB, workshopId: string): Promise<ValidationBoard> {
  const [milestones, objectives, keyResults, hypotheses, cards, participants] = await Promise.all([
    recordsOf(db, workshopId, 'milestone'),
    recordsOf(db, workshopId, 'objective'),
    recordsOf(db, workshopId, 'keyResult'),
    hypothesesOf(db, workshopId),
    recordsOf(db, workshopId, 'card'),
    recordsOf(db, workshopId, 'participant'),
  ])
  return {
    milestones: milestones.sort(compareByCreation),
    objectives,
    keyResults,
    hypotheses,
    cards: cards.sort(compareByCreation),
    participants,
  }
}
