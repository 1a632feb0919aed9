import type { Fields } from './types'

/** Dot voting's two rules: dots per person, and dots one person may put on one milestone. */
export interface VoteLimits {
  readonly perPerson: number
  readonly perMilestone: number
}

export function voteLimits(workshop: Pick<Fields<'workshop'>, 'votesPerPerson' | 'votesPerMilestone'>): VoteLimits {
  return { perPerson: workshop.votesPerPerson, perMilestone: workshop.votesPerMilestone }
}

type Vote = Pick<Fields<'vote'>, 'participantId' | 'milestoneId' | 'count'>

export type VoteCheck =
  | { readonly ok: true; readonly count: number }
  | {
      readonly ok: false
      /** 'closed' and 'gone' come from the store: voting was closed, or the milestone removed, meanwhile. */
      readonly reason: 'budget' | 'cap' | 'none' | 'closed' | 'gone'
      readonly message: string
    }

/** How many dots a voter has placed, over the votes given (their own, on milestones that still exist). */
export function votesUsed(own: readonly Vote[]): number {
  return own.reduce((sum, vote) => sum + Math.max(0, vote.count), 0)
}

export function budgetMessage(perPerson: number): string {
  return perPerson === 1 ? 'You have used your only vote' : `You have used all ${perPerson} of your votes`
}

export function capMessage(perMilestone: number): string {
  return `At most ${perMilestone} ${perMilestone === 1 ? 'vote' : 'votes'} on one milestone`
}

/**
 * Whether one voter may add (+1) or take back (−1) a dot on a milestone, given all of that
 * voter's votes. Adding is refused past the budget or the cap, with the words to show; taking
 * back is always allowed while there is a dot to take, so a voter over budget can mend it.
 */
export function checkVote(own: readonly Vote[], milestoneId: string, delta: 1 | -1, limits: VoteLimits): VoteCheck {
  const current = Math.max(0, own.find(vote => vote.milestoneId === milestoneId)?.count ?? 0)
  if (delta < 0) {
    if (current === 0) return { ok: false, reason: 'none', message: 'You have no vote on this milestone to take back' }
    return { ok: true, count: current - 1 }
  }
  if (votesUsed(own) >= limits.perPerson) return { ok: false, reason: 'budget', message: budgetMessage(limits.perPerson) }
  if (current >= limits.perMilestone) return { ok: false, reason: 'cap', message: capMessage(limits.perMilestone) }
  return { ok: true, count: current + 1 }
}

/** Dots per milestone, counting only milestones in `milestoneIds` (a removed milestone's dots are not counted). */
export function voteTotals(votes: readonly Vote[], milestoneIds: ReadonlySet<string>): Map<string, number> {
  const totals = new Map<string, number>()
  for (const id of milestoneIds) totals.set(id, 0)
  for (const vote of votes) {
    if (!milestoneIds.has(vote.milestoneId) || vote.count <= 0) continue
    totals.set(vote.milestoneId, (totals.get(vote.milestoneId) ?? 0) + vote.count)
  }
  return totals
}

/**
 * What the rules forbid but a merge can still bring: a voter who spent dots on two tablets at
 * once can end up over budget or over the cap. The votes stay counted; these flags tell the
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

export function voteFlags(votes: readonly Vote[], limits: VoteLimits, milestoneIds: ReadonlySet<string>): VoteFlag[] {
  const byVoter = new Map<string, Vote[]>()
  for (const vote of votes) {
    if (!milestoneIds.has(vote.milestoneId) || vote.count <= 0) continue
    byVoter.set(vote.participantId, [...(byVoter.get(vote.participantId) ?? []), vote])
  }
  const flags: VoteFlag[] = []
  for (const participantId of [...byVoter.keys()].sort()) {
    const own = byVoter.get(participantId)!
    const used = votesUsed(own)
    if (used > limits.perPerson) flags.push({ kind: 'over-budget', participantId, used, budget: limits.perPerson })
    for (const vote of [...own].sort((a, b) => (a.milestoneId < b.milestoneId ? -1 : 1))) {
      if (vote.count > limits.perMilestone) {
        flags.push({ kind: 'over-cap', participantId, milestoneId: vote.milestoneId, count: vote.count, cap: limits.perMilestone })
      }
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
