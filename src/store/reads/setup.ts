import type { Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { recordsOf, hypothesesOf } from '../queries'

/** One objective with what belongs to it, each list in its set order. */
export interface ObjectiveOutline {
  /** The objective's id, so a live list of outlines is reconciled per objective. */
  readonly id: string
  readonly objective: Rec<'objective'>
  readonly keyResults: readonly Rec<'keyResult'>[]
  readonly hypotheses: readonly Rec<'hypothesis'>[]
}

export interface SetupOutline {
  readonly objectives: readonly ObjectiveOutline[]
  /**
   * Hypotheses whose objective is gone: possible when another tablet removed the objective
   * while this one added a hypothesis to it. Shown apart so they can be tied again, not lost.
   */
  readonly untied: readonly Rec<'hypothesis'>[]
}

/** What the team brings from Session #1: objectives, their key results and hypotheses. */
export async function readOutline(db: HarvestDB, workshopId: string): Promise<SetupOutline> {
  const [objectives, keyResults, hypotheses] = await Promise.all([
    recordsOf(db, workshopId, 'objective'),
    recordsOf(db, workshopId, 'keyResult'),
    hypothesesOf(db, workshopId),
  ])
  const known = new Set(objectives.map(objective => objective.id))
  return {
    objectives: objectives.map(objective => ({
      id: objective.id,
      objective,
      keyResults: keyResults.filter(keyResult => keyResult.fields.objectiveId === objective.id),
      hypotheses: hypotheses.filter(hypothesis => hypothesis.fields.objectiveId === objective.id),
    })),
    untied: hypotheses.filter(hypothesis => !known.has(hypothesis.fields.objectiveId)),
  }
}

export async function readRoster(db: HarvestDB, workshopId: string): Promise<Rec<'participant'>[]> {
  return recordsOf(db, workshopId, 'participant')
}
