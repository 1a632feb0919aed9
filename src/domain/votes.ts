import type { Stamp } from './clock'
import { compareByCreation } from './ranking'
import type { Fields, Rec } from './types'

/** Dot voting's two rules: dots per person, and dots one person may put on one milestone. */
export interface VoteLimits {
  readonly perPerson: number
  readonly perMilestone: number
}

export function voteLimits(workshop: Pick<Fields<'workshop'>, 'votesPerPerson' | 'votesPerMilestone'>): VoteLimits {
  return { perPerson: workshop.votesPerPerson, perMilestone: workshop.votesPerMilestone }
}

/** One live dot. A dot cast in a tie-break round (`tieBreakId` set) is not part of the main vote. */
export type Dot = Pick<Fields<'vote'>, 'participantId' | 'milestoneId'> & { readonly tieBreakId?: string | null }

const inMainVote = (dot: Dot): boolean => (dot.tieBreakId ?? null) === null

export type VoteCheck =
  | { readonly ok: true; readonly count: number }
  | {
      readonly ok: false
      /** 'closed' and 'gone' come from the store: voting was closed, or the milestone removed, meanwhile. */
      readonly reason: 'budget' | 'cap' | 'none' | 'closed' | 'gone'
      readonly message: string
    }

/** How many dots a voter has placed, over that voter's live dots (on milestones that still exist). */
export function votesUsed(own: readonly Dot[]): number {
  return own.filter(inMainVote).length
}

/** How many of these dots are on one milestone. */
export function dotsOn(own: readonly Dot[], milestoneId: string): number {
  return own.filter(dot => inMainVote(dot) && dot.milestoneId === milestoneId).length
}

export function budgetMessage(perPerson: number): string {
  return perPerson === 1 ? 'You have used your only vote' : `You have used all ${perPerson} of your votes`
}

export function capMessage(perMilestone: number): string {
  return `At most ${perMilestone} ${perMilestone === 1 ? 'vote' : 'votes'} on one milestone`
}

/**
 * Whether one voter may add (+1) or take back (−1) a dot on a milestone, given all of that
 * voter's live dots. Adding is refused past the budget or the cap, with the words to show; taking
 * back is always allowed while there is a dot to take, so a voter over budget can mend it.
 * `count` is the voter's dots on the milestone afterwards.
 */
export function checkVote(own: readonly Dot[], milestoneId: string, delta: 1 | -1, limits: VoteLimits): VoteCheck {
  const current = dotsOn(own, milestoneId)
  if (delta < 0) {
    if (current === 0) return { ok: false, reason: 'none', message: 'You have no vote on this milestone to take back' }
    return { ok: true, count: current - 1 }
  }
  if (votesUsed(own) >= limits.perPerson) return { ok: false, reason: 'budget', message: budgetMessage(limits.perPerson) }
  if (current >= limits.perMilestone) return { ok: false, reason: 'cap', message: capMessage(limits.perMilestone) }
  return { ok: true, count: current + 1 }
}

/**
 * The dot a take-back removes: the voter's latest on that milestone. Every tablet picks the
 * same one, so the same take-back made on two tablets that hold the same dots removes one dot,
 * not two: the voter wanted one fewer than they saw.
 */
export function dotToTakeBack<R extends Rec<'vote'>>(dots: readonly R[], participantId: string, milestoneId: string): R | undefined {
  const mine = dots.filter(
    dot =>
      dot.deleted === undefined &&
      dot.fields.tieBreakId === null &&
      dot.fields.participantId === participantId &&
      dot.fields.milestoneId === milestoneId,
  )
  return mine.sort(compareByCreation).at(-1)
}

/** Dots per milestone, counting only milestones in `milestoneIds` (a removed milestone's dots are not counted). */
export function voteTotals(dots: readonly Dot[], milestoneIds: ReadonlySet<string>): Map<string, number> {
  const totals = new Map<string, number>()
  for (const id of milestoneIds) totals.set(id, 0)
  for (const dot of dots) {
    if (!milestoneIds.has(dot.milestoneId) || !inMainVote(dot)) continue
    totals.set(dot.milestoneId, (totals.get(dot.milestoneId) ?? 0) + 1)
  }
  return totals
}

/**
 * What the rules forbid but a merge can still bring: a voter who spent dots on two tablets at
 * once can end up over budget or over the cap. The dots stay counted; these flags tell the
 * facilitator, who decides.
 */
export type VoteFlag =
  | { readonly kind: 'over-budget'; readonly participantId: string; readonly used: number; readonly budget: number }
  | {
      readonly kind: 'over-cap'
      readonly participantId: string
      readonly milestoneId: string
      readonly count: number
      readonly cap: number
    }

export function voteFlags(dots: readonly Dot[], limits: VoteLimits, milestoneIds: ReadonlySet<string>): VoteFlag[] {
  const byVoter = new Map<string, Map<string, number>>()
  for (const dot of dots) {
    if (!milestoneIds.has(dot.milestoneId) || !inMainVote(dot)) continue
    const own = byVoter.get(dot.participantId) ?? new Map<string, number>()
    own.set(dot.milestoneId, (own.get(dot.milestoneId) ?? 0) + 1)
    byVoter.set(dot.participantId, own)
  }
  const flags: VoteFlag[] = []
  for (const participantId of [...byVoter.keys()].sort()) {
    const own = byVoter.get(participantId)!
    const used = [...own.values()].reduce((sum, count) => sum + count, 0)
    if (used > limits.perPerson) flags.push({ kind: 'over-budget', participantId, used, budget: limits.perPerson })
    for (const milestoneId of [...own.keys()].sort()) {
      const count = own.get(milestoneId)!
      if (count > limits.perMilestone) flags.push({ kind: 'over-cap', participantId, milestoneId, count, cap: limits.perMilestone })
    }
  }
  return flags
}

/** "Ana has 6 votes, budget 5"; "Ana has 4 votes on “Explore ranking”, at most 3". */
export function voteFlagText(
  flag: VoteFlag,
  names: { participant: (id: string) => string; milestone: (id: string) => string },
): string {
  const who = names.participant(flag.participantId)
  if (flag.kind === 'over-budget') return `${who} has ${flag.used} votes, budget ${flag.budget}`
  return `${who} has ${flag.count} votes on “${names.milestone(flag.milestoneId)}”, at most ${flag.cap}`
}

/** A vote as versions before dots stored it: one record per voter and milestone, with a count. */
export interface CountedVote {
  readonly id: string
  readonly workshopId: string
  readonly kind: 'vote'
  readonly fields: { readonly participantId: string; readonly milestoneId: string; readonly count: number }
  readonly stamps: { readonly participantId: Stamp; readonly milestoneId: Stamp; readonly count: Stamp }
  readonly deleted?: Stamp
}

export function isCountedVote(record: { readonly kind: string; readonly fields: object }): record is CountedVote {
  return record.kind === 'vote' && 'count' in record.fields
}

/**
 * The dots an old counted vote stands for. Ids and stamps come from the old record alone
 * (its id, and its creation stamp, which no edit changes), so every tablet that upgrades a
 * copy of it makes the same dots, and upgrading it twice adds nothing. Where two tablets held
 * different counts of it, the dots merge to the larger count.
 */
export function dotsFromCount(vote: CountedVote): Rec<'vote'>[] {
  const created = vote.stamps.participantId
  const count = Math.max(0, Math.floor(vote.fields.count))
  return Array.from({ length: count }, (_, index): Rec<'vote'> => {
    const dot: Rec<'vote'> = {
      id: `${vote.id}.${index + 1}`,
      workshopId: vote.workshopId,
      kind: 'vote',
      fields: { participantId: vote.fields.participantId, milestoneId: vote.fields.milestoneId, tieBreakId: null },
      stamps: { participantId: created, milestoneId: created, tieBreakId: created },
    }
    return vote.deleted === undefined ? dot : { ...dot, deleted: vote.deleted }
  })
}
