import { MILESTONE_CATALOGUE } from './milestone-types'
import type { Fields, Rec } from './types'

/** The objectives, key results and hypotheses that milestones point at: what a label is read from. */
export interface Okrs {
  readonly objectives: readonly Rec<'objective'>[]
  readonly keyResults: readonly Rec<'keyResult'>[]
  readonly hypotheses: readonly Rec<'hypothesis'>[]
}

type KeyResultLike = { readonly id: string; readonly fields: Pick<Fields<'keyResult'>, 'objectiveId' | 'position'> }

/**
 * "KR3": a key result's number among its own objective's key results, ordered by position
 * (ties by id, as every list is). The one place this number is made, so a key result has the
 * same name on every screen, print and export. "KR?" when it is not among `keyResults`.
 */
export function keyResultLabel(keyResult: KeyResultLike, keyResults: readonly KeyResultLike[]): string {
  const siblings = keyResults
    .filter(other => other.fields.objectiveId === keyResult.fields.objectiveId)
    .sort((a, b) => a.fields.position - b.fields.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const index = siblings.findIndex(other => other.id === keyResult.id)
  return index < 0 ? 'KR?' : keyResultLabelAt(index)
}

/** "KR1", "KR2"…: the name of the key result at `index` in its objective's ordered list. */
export function keyResultLabelAt(index: number): string {
  return `KR${index + 1}`
}

/** `Objective "Build trust through match experiences"`, quoted as the seed writes it. */
export function objectiveLabel(objective: Rec<'objective'>): string {
  return `Objective "${objective.fields.title || 'Untitled objective'}"`
}

type Link = Pick<Fields<'milestone'>, 'keyResultId' | 'objectiveId'>

/**
 * What a milestone moves, in the seed's words: `KR3 of Objective "…"`, or `Objective "…"` when
 * it is linked to the objective as a whole. A key result implies its objective. Null when the
 * milestone has no link (or links to something since removed).
 */
export function linkLabel(link: Link, okrs: Okrs): string | null {
  const keyResult = link.keyResultId ? okrs.keyResults.find(kr => kr.id === link.keyResultId) : undefined
  if (keyResult) {
    const objective = okrs.objectives.find(o => o.id === keyResult.fields.objectiveId)
    const kr = keyResultLabel(keyResult, okrs.keyResults)
    return objective ? `${kr} of ${objectiveLabel(objective)}` : kr
  }
  const objective = link.objectiveId ? okrs.objectives.find(o => o.id === link.objectiveId) : undefined
  return objective ? objectiveLabel(objective) : null
}

export interface CardLine {
  readonly label: 'Milestone' | 'Type' | 'Hypothesis' | 'Link'
  /** Null where the room has not decided yet. */
  readonly value: string | null
}

/**
 * A milestone as the seed writes it on a card:
 *   Milestone: Email-based match feedback form / Type: Epic / Hypothesis: If we make… / Link: KR3 of Objective "…"
 */
export function milestoneCardLines(milestone: Fields<'milestone'>, okrs: Okrs): CardLine[] {
  const hypothesis = milestone.hypothesisId ? okrs.hypotheses.find(h => h.id === milestone.hypothesisId) : undefined
  return [
    { label: 'Milestone', value: milestone.title.trim() || 'Untitled milestone' },
    { label: 'Type', value: milestone.type ? MILESTONE_CATALOGUE[milestone.type].label : null },
    { label: 'Hypothesis', value: hypothesis ? hypothesis.fields.text || '(empty hypothesis)' : null },
    { label: 'Link', value: linkLabel(milestone, okrs) },
  ]
}

/** The card as plain text, one line per field, for print and export. */
export function milestoneCardText(milestone: Fields<'milestone'>, okrs: Okrs): string {
  return milestoneCardLines(milestone, okrs)
    .map(line => `${line.label}: ${line.value ?? 'not set'}`)
    .join('\n')
}

export type MissingPart = 'type' | 'hypothesis' | 'link' | 'criterion' | 'deadline' | 'decision'

const MISSING_WORDS: Record<MissingPart, string> = {
  type: 'a type',
  hypothesis: 'a hypothesis',
  link: 'a key result or objective',
  criterion: 'a “we are right if”',
  deadline: 'a deadline',
  decision: 'a decision either way',
}

/** "Incomplete: needs a type", "Incomplete: needs a type and a hypothesis"; null when nothing is missing. */
export function incompleteLabel(missing: readonly MissingPart[]): string | null {
  if (missing.length === 0) return null
  const words = missing.map(part => MISSING_WORDS[part])
  const list = words.length === 1 ? words[0]! : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`
  return `Incomplete: needs ${list}`
}

type HypothesisLike = { readonly id: string; readonly fields: Pick<Fields<'hypothesis'>, 'objectiveId' | 'position'> }

/**
 * Hypotheses in the one order that numbers them H1, H2…: by their objective's place, then
 * their own position (ties by id); those whose objective is gone come last. Every screen,
 * print and export lists and numbers hypotheses this way, so "H2" means the same everywhere.
 */
export function orderHypotheses<H extends HypothesisLike>(
  hypotheses: readonly H[],
  objectives: readonly { readonly id: string; readonly fields: { readonly position: number } }[],
): H[] {
  const objectiveOrder = [...objectives]
    .sort((a, b) => a.fields.position - b.fields.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(objective => objective.id)
  const place = (hypothesis: H) => {
    const index = objectiveOrder.indexOf(hypothesis.fields.objectiveId)
    return index < 0 ? objectiveOrder.length : index
  }
  return [...hypotheses].sort(
    (a, b) =>
      place(a) - place(b) || a.fields.position - b.fields.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )
}

/** "H2" for each hypothesis id, numbered in the order of `orderHypotheses`. */
export function hypothesisLabels(
  hypotheses: readonly HypothesisLike[],
  objectives: Parameters<typeof orderHypotheses>[1],
): Map<string, string> {
  return new Map(orderHypotheses(hypotheses, objectives).map((hypothesis, index) => [hypothesis.id, `H${index + 1}`]))
}
