import { compareByCreation } from '../../domain/ranking'
import type { Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { hypothesesOf, recordsOf } from '../queries'

/*
 * The Validation screen reads in three live queries, not one: a live query runs again whole
 * when any record it read changes, and an edit to a milestone (its type, its title as typed)
 * must not read 5,000 idea cards back again.
 */

/** The milestones, in the order they were made, so the walk-through keeps its order while the room edits. */
export async function validationMilestones(db: HarvestDB, workshopId: string): Promise<Rec<'milestone'>[]> {
  return (await recordsOf(db, workshopId, 'milestone')).sort(compareByCreation)
}

export interface ValidationContext {
  readonly objectives: Rec<'objective'>[]
  readonly keyResults: Rec<'keyResult'>[]
  readonly hypotheses: Rec<'hypothesis'>[]
  readonly participants: Rec<'participant'>[]
}

/** What milestones can point at, and who wrote the cards. */
export async function validationContext(db: HarvestDB, workshopId: string): Promise<ValidationContext> {
  const [objectives, keyResults, hypotheses, participants] = await Promise.all([
    recordsOf(db, workshopId, 'objective'),
    recordsOf(db, workshopId, 'keyResult'),
    hypothesesOf(db, workshopId),
    recordsOf(db, workshopId, 'participant'),
  ])
  return { objectives, keyResults, hypotheses, participants }
}

/** The idea cards, in the order they were written. */
export async function validationCards(db: HarvestDB, workshopId: string): Promise<Rec<'card'>[]> {
  return (await recordsOf(db, workshopId, 'card')).sort(compareByCreation)
}
