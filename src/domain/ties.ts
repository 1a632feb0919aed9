/** Ties in the vote, and how the room settles them: a quick round, one dot per seat, or accepting the tie. */
import { tieKey, type TieSettlement } from './ranking'
import type { Rec } from './types'
import type { Dot } from './votes'

/**
 * The id of the settlement of one tie, made from the tie itself (the workshop, the milestones
 * and the dots they tied at): two tablets settling the same tie write one record, and a tie
 * that the totals no longer hold has no settlement.
 */
export function tieBreakId(workshopId: string, milestoneIds: readonly string[], votes: number): string {
  const text = `${workshopId}|${tieKey(milestoneIds, votes)}`
  return `tie.${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x050c5d1f)}`
}

/** 32-bit FNV-1a as 8 hex digits: a short, stable name for a long text (not a secret). */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(16).padStart(8, '0')
}

/** Dots per tied milestone in one tie-break round (live dots only). */
export function roundTotals(tieBreak: Rec<'tieBreak'>, dots: readonly Dot[]): Map<string, number> {
  const totals = new Map(tieBreak.fields.milestoneIds.map(id => [id, 0]))
  for (const dot of dots) {
    if (dot.tieBreakId !== tieBreak.id || !totals.has(dot.milestoneId)) continue
    totals.set(dot.milestoneId, totals.get(dot.milestoneId)! + 1)
  }
  return totals
}

/** The settled ties the ranking applies: closed rounds with their dots, and accepted ties. A round still voting settles nothing. */
export function settlementsOf(tieBreaks: readonly Rec<'tieBreak'>[], dots: readonly Dot[]): TieSettlement[] {
  return tieBreaks
    .filter(tie => tie.deleted === undefined && tie.fields.state !== 'voting')
    .map(tie => ({
      milestoneIds: tie.fields.milestoneIds,
      votes: tie.fields.votes,
      outcome: tie.fields.state === 'accepted' ? 'accepted' : roundTotals(tie, dots),
    }))
}

export type TieBreakCheck = { readonly ok: true } | { readonly ok: false; readonly message: string }

/** Whether a seat may put its one dot of a tie-break round on a milestone. */
export function checkTieBreakVote(tieBreak: Rec<'tieBreak'> | undefined, milestoneId: string): TieBreakCheck {
  if (!tieBreak || tieBreak.deleted !== undefined || tieBreak.fields.state !== 'voting') {
    return { ok: false, message: 'This tie-break round is closed' }
  }
  if (!tieBreak.fields.milestoneIds.includes(milestoneId)) {
    return { ok: false, message: 'Only the tied milestones are in this round' }
  }
  return { ok: true }
}
