import { hypothesisLabels } from './labels'
import type { MilestoneType } from './milestone-types'
import { TESTING_TYPES } from './test-card'
import type { Evidence, Importance, Rec } from './types'

/** A milestone as the "learn the most" view lists it under the hypothesis it serves. */
export interface LearnMilestone {
  readonly id: string
  readonly title: string
  readonly type: MilestoneType | null
  readonly hypothesisId: string | null
}

export interface LearnEntry {
  readonly hypothesisId: string
  /** "H2", numbered as everywhere else. */
  readonly label: string
  readonly text: string
  /** Null while the room has not marked it. */
  readonly evidence: Evidence | null
  readonly importance: Importance | null
  /** The milestones that serve it, in the order they were given (the inventory's rank). */
  readonly milestones: readonly LearnMilestone[]
  /** Whether a Spike or Signal Test among them tests it. */
  readonly tested: boolean
  /** It matters to its objective and nothing tests it: the first thing the room should plan. */
  readonly standsOut: boolean
}

/*
 * Unmarked sits between the marks: a hypothesis nobody rated may matter, so it comes before one
 * the room called low, and after one it called high; likewise for evidence.
 */
const IMPORTANCE_ORDER: Readonly<Record<Importance | 'unmarked', number>> = { high: 0, unmarked: 1, low: 2 }
const EVIDENCE_ORDER: Readonly<Record<Evidence | 'unmarked', number>> = { none: 0, unmarked: 1, some: 2, strong: 3 }

/**
 * Where the room should focus to learn the most: hypotheses that matter most and are known least
 * first (importance high before low, evidence none before strong). Among equal marks, one that no
 * Spike or Signal Test tests comes first, then the plan's own order (H1, H2…), so every tablet
 * and every printout lists them the same.
 */
export function learnOrder(
  hypotheses: readonly Rec<'hypothesis'>[],
  objectives: Parameters<typeof hypothesisLabels>[1],
  milestones: readonly LearnMilestone[],
): LearnEntry[] {
  const labels = hypothesisLabels(hypotheses, objectives)
  const planOrder = new Map([...labels.keys()].map((id, index) => [id, index]))
  const serving = new Map<string, LearnMilestone[]>()
  for (const milestone of milestones) {
    if (milestone.hypothesisId === null) continue
    const list = serving.get(milestone.hypothesisId)
    if (list) list.push(milestone)
    else serving.set(milestone.hypothesisId, [milestone])
  }
  const entries = hypotheses.map((hypothesis): LearnEntry => {
    const mine = serving.get(hypothesis.id) ?? []
    const tested = mine.some(m => m.type !== null && TESTING_TYPES.has(m.type))
    const importance = hypothesis.fields.importance ?? null
    return {
      hypothesisId: hypothesis.id,
      label: labels.get(hypothesis.id)!,
      text: hypothesis.fields.text,
      evidence: hypothesis.fields.evidence ?? null,
      importance,
      milestones: mine,
      tested,
      standsOut: importance === 'high' && !tested,
    }
  })
  return entries.sort(
    (a, b) =>
      IMPORTANCE_ORDER[a.importance ?? 'unmarked'] - IMPORTANCE_ORDER[b.importance ?? 'unmarked'] ||
      EVIDENCE_ORDER[a.evidence ?? 'unmarked'] - EVIDENCE_ORDER[b.evidence ?? 'unmarked'] ||
      Number(a.tested) - Number(b.tested) ||
      planOrder.get(a.hypothesisId)! - planOrder.get(b.hypothesisId)!,
  )
}
