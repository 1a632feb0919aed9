/**
 * The rules of the Prepare step that need no database: what a vote budget, a cap or a time-box
 * may be, and how a roster is split into pairs.
 */

export const MAX_VOTES = 99
export const MAX_TIMEBOX_MINUTES = 240

export type Checked<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string; readonly field?: string }

/** A whole number from 1 to `max` as typed, or null. Only digits: "2.5", "-1", "3a" are refused. */
export function wholeNumber(text: string, max: number): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,6}$/.test(trimmed)) return null
  const value = Number(trimmed)
  return value >= 1 && value <= max ? value : null
}

export interface VoteRules {
  readonly votesPerPerson: number
  readonly votesPerMilestone: number
}

/** The dot-voting budget and per-milestone cap, as typed: both whole, the cap within the budget. */
export function checkVoteRules(votesPerPerson: string, votesPerMilestone: string): Checked<VoteRules> {
  const budget = wholeNumber(votesPerPerson, MAX_VOTES)
  if (budget === null) {
    return { ok: false, field: 'votesPerPerson', message: `Votes per person must be a whole number from 1 to ${MAX_VOTES}.` }
  }
  const cap = wholeNumber(votesPerMilestone, MAX_VOTES)
  if (cap === null) {
    return {
      ok: false,
      field: 'votesPerMilestone',
      message: `Most votes on one milestone must be a whole number from 1 to ${MAX_VOTES}.`,
    }
  }
  if (cap > budget) {
    return {
      ok: false,
      field: 'votesPerMilestone',
      message: `Most votes on one milestone (${cap}) cannot be more than the votes each person has (${budget}).`,
    }
  }
  return { ok: true, value: { votesPerPerson: budget, votesPerMilestone: cap } }
}

/** A phase's time-box in minutes, as typed. `phaseName` is how the message names the phase. */
export function checkTimebox(minutes: string, phaseName: string): Checked<number> {
  const value = wholeNumber(minutes, MAX_TIMEBOX_MINUTES)
  if (value === null) {
    return {
      ok: false,
      field: phaseName,
      message: `The ${phaseName} time-box must be a whole number of minutes from 1 to ${MAX_TIMEBOX_MINUTES}.`,
    }
  }
  return { ok: true, value }
}

export function pairLabel(number: number): string {
  return `Pair ${number}`
}

/** The number of a "Pair n" label, or null for a label a person wrote some other way. */
export function pairNumber(label: string): number | null {
  const match = /^Pair (\d+)$/.exec(label.trim())
  return match ? Number(match[1]) : null
}

/**
 * The pair of each person of a roster, in roster order: two by two, and with an odd count the
 * last person joins the pair before as a trio, since a person alone cannot work in pairs.
 */
export function autoPairs(count: number): string[] {
  const pairs: string[] = []
  for (let index = 0; index < count; index++) {
    const number = Math.floor(index / 2) + 1
    const alone = count % 2 === 1 && index === count - 1 && count > 1
    pairs.push(pairLabel(alone ? number - 1 : number))
  }
  return pairs
}

/** Pair labels in a person's order: "Pair 2" before "Pair 10", other labels after, by name. */
export function comparePairs(a: string, b: string): number {
  const na = pairNumber(a)
  const nb = pairNumber(b)
  if (na !== null && nb !== null) return na - nb
  if (na !== null) return -1
  if (nb !== null) return 1
  return a.localeCompare(b)
}

/** The pairs in use, in order, and the label a new pair would take. */
export function pairChoices(pairs: readonly string[]): { readonly existing: string[]; readonly next: string } {
  const existing = [...new Set(pairs.map(pair => pair.trim()).filter(Boolean))].sort(comparePairs)
  const highest = existing.reduce((max, pair) => Math.max(max, pairNumber(pair) ?? 0), 0)
  return { existing, next: pairLabel(highest + 1) }
}

/** Who is in each pair, pairs in order, people in roster order; the unpaired under "". */
export function groupByPair<P extends { readonly pair: string }>(people: readonly P[]): { pair: string; people: P[] }[] {
  const groups = new Map<string, P[]>()
  for (const person of people) {
    const pair = person.pair.trim()
    groups.set(pair, [...(groups.get(pair) ?? []), person])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : comparePairs(a, b)))
    .map(([pair, members]) => ({ pair, people: members }))
}
