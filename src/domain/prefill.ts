import { missingParts } from './coverage'
import type { Okrs } from './labels'
import type { Fields } from './types'

type CardLike = { readonly fields: Pick<Fields<'card'>, 'hypothesisId'> }
type KeyResultLike = { readonly id: string; readonly fields: Pick<Fields<'keyResult'>, 'objectiveId' | 'position'> }

/** The hypothesis a milestone's cards point at most, and how strongly. */
export interface HypothesisFromCards {
  readonly hypothesisId: string
  /** Cards tagged with this hypothesis. */
  readonly count: number
  /** Cards in the milestone, tagged or not: "2 of 3 cards". */
  readonly cards: number
}

/**
 * The most common hypothesis among a milestone's cards. A tie goes to the hypothesis that
 * comes first in `hypotheses` (H1 before H2), so every tablet suggests the same one. Tags of
 * hypotheses since removed do not count; null when no card carries a live one.
 */
export function hypothesisFromCards(
  cards: readonly CardLike[],
  hypotheses: readonly { readonly id: string }[],
): HypothesisFromCards | null {
  const counts = new Map<string, number>()
  for (const card of cards) {
    const id = card.fields.hypothesisId
    if (id !== null) counts.set(id, (counts.get(id) ?? 0) + 1)
  }
  let best: HypothesisFromCards | null = null
  for (const { id } of hypotheses) {
    const count = counts.get(id) ?? 0
    if (count > 0 && count > (best?.count ?? 0)) best = { hypothesisId: id, count, cards: cards.length }
  }
  return best
}

/** The key result a hypothesis suggests, and how many it is tied to ("the first of its 2"). */
export interface KeyResultFromHypothesis {
  readonly keyResultId: string
  readonly of: number
}

/**
 * A hypothesis's key result: its only one, or the first of several in the objective's order
 * (KR1 before KR2). Null when it is tied to none that still exists.
 */
export function keyResultFromHypothesis(
  hypothesis: { readonly fields: Pick<Fields<'hypothesis'>, 'keyResultIds'> },
  keyResults: readonly KeyResultLike[],
): KeyResultFromHypothesis | null {
  const tied = keyResults
    .filter(kr => hypothesis.fields.keyResultIds.includes(kr.id))
    .sort((a, b) => a.fields.position - b.fields.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const first = tied[0]
  return first ? { keyResultId: first.id, of: tied.length } : null
}

/** What a milestone's editor offers where the room has not chosen yet. */
export interface Prefill {
  readonly hypothesis: HypothesisFromCards | null
  readonly keyResult: KeyResultFromHypothesis | null
}

/**
 * Suggestions for a milestone's empty hypothesis and link: the hypothesis from its cards,
 * the key result from its hypothesis (the chosen one, else the suggested one). A choice the
 * room already made is never second-guessed: only a missing part gets a suggestion.
 */
export function prefillOf(milestone: Fields<'milestone'>, cards: readonly CardLike[], okrs: Okrs): Prefill {
  const missing = missingParts(milestone, okrs)
  const hypothesis = missing.includes('hypothesis') ? hypothesisFromCards(cards, okrs.hypotheses) : null
  const hypothesisId = hypothesis?.hypothesisId ?? (missing.includes('hypothesis') ? null : milestone.hypothesisId)
  const chosen = hypothesisId === null ? undefined : okrs.hypotheses.find(h => h.id === hypothesisId)
  const keyResult = missing.includes('link') && chosen ? keyResultFromHypothesis(chosen, okrs.keyResults) : null
  return { hypothesis, keyResult }
}
