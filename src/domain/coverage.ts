import { keyResultLabel, objectiveLabel, type MissingPart, type Okrs } from './labels'
import { missingTestCardParts, needsTestCard, TESTING_TYPES } from './test-card'
import type { Fields, Rec } from './types'

/**
 * What a milestone still lacks before the room can call it validated: a type, the hypothesis
 * it serves, and a key result or objective it moves; a Spike or Signal Test also its test card.
 * A link to something since removed counts as missing.
 */
export function missingParts(milestone: Fields<'milestone'>, okrs: Okrs): MissingPart[] {
  const missing: MissingPart[] = []
  if (!milestone.type) missing.push('type')
  if (!milestone.hypothesisId || !okrs.hypotheses.some(h => h.id === milestone.hypothesisId)) missing.push('hypothesis')
  const linked =
    (milestone.keyResultId !== null && okrs.keyResults.some(kr => kr.id === milestone.keyResultId)) ||
    (milestone.objectiveId !== null && okrs.objectives.some(o => o.id === milestone.objectiveId))
  if (!linked) missing.push('link')
  if (needsTestCard(milestone.type)) missing.push(...missingTestCardParts(milestone))
  return missing
}

/**
 * Where the inventory leaves the plan uncovered. A hypothesis with no milestone at all is
 * reported once, as that: it has no test either, and saying so twice is noise.
 */
export type CoverageGap =
  | { readonly kind: 'hypothesis-without-milestone'; readonly hypothesisId: string }
  | { readonly kind: 'hypothesis-untested'; readonly hypothesisId: string }
  | { readonly kind: 'key-result-without-milestone'; readonly keyResultId: string }

/** The gaps in the order of the plan: hypotheses first, then key results by objective. */
export function coverageGaps(milestones: readonly Pick<Rec<'milestone'>, 'fields'>[], okrs: Okrs): CoverageGap[] {
  const gaps: CoverageGap[] = []
  for (const hypothesis of okrs.hypotheses) {
    const serving = milestones.filter(m => m.fields.hypothesisId === hypothesis.id)
    if (serving.length === 0) gaps.push({ kind: 'hypothesis-without-milestone', hypothesisId: hypothesis.id })
    else if (!serving.some(m => m.fields.type !== null && TESTING_TYPES.has(m.fields.type))) {
      gaps.push({ kind: 'hypothesis-untested', hypothesisId: hypothesis.id })
    }
  }
  const objectiveOrder = new Map(okrs.objectives.map((o, index) => [o.id, index]))
  const keyResults = [...okrs.keyResults].sort(
    (a, b) =>
      (objectiveOrder.get(a.fields.objectiveId) ?? Infinity) - (objectiveOrder.get(b.fields.objectiveId) ?? Infinity) ||
      a.fields.position - b.fields.position ||
      (a.id < b.id ? -1 : 1),
  )
  for (const keyResult of keyResults) {
    if (!milestones.some(m => m.fields.keyResultId === keyResult.id)) {
      gaps.push({ kind: 'key-result-without-milestone', keyResultId: keyResult.id })
    }
  }
  return gaps
}

/** `Hypothesis "…" has no milestone`; `KR2 of Objective "…" has no milestone`. */
export function gapText(gap: CoverageGap, okrs: Okrs): string {
  if (gap.kind === 'key-result-without-milestone') {
    const keyResult = okrs.keyResults.find(kr => kr.id === gap.keyResultId)
    const objective = keyResult && okrs.objectives.find(o => o.id === keyResult.fields.objectiveId)
    const name = keyResult ? keyResultLabel(keyResult, okrs.keyResults) : 'A key result'
    return `${objective ? `${name} of ${objectiveLabel(objective)}` : name} has no milestone`
  }
  const hypothesis = okrs.hypotheses.find(h => h.id === gap.hypothesisId)
  const name = `Hypothesis "${hypothesis?.fields.text || 'Untitled hypothesis'}"`
  return gap.kind === 'hypothesis-without-milestone'
    ? `${name} has no milestone`
    : `${name} has no Spike or Signal Test to test it`
}
