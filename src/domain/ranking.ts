/** Orders of milestones: by the room's votes, and by what unlocks what. */

interface Titled {
  readonly id: string
  readonly fields: { readonly title: string }
}

/**
 * Titles in an order that is the same on every tablet: case and accents aside first (a fixed
 * locale, not the device's), then exactly, so no two different titles compare equal.
 */
export function compareTitles(a: string, b: string): number {
  const loose = a.trim().localeCompare(b.trim(), 'en', { sensitivity: 'base', numeric: true })
  return loose || (a < b ? -1 : a > b ? 1 : 0)
}

export function compareById(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export interface Ranked<T> {
  readonly item: T
  readonly votes: number
  /** 1 for the most votes; milestones still tied share a place ("2, 2, 4"). */
  readonly place: number
  /** Shares its place with another milestone: a tie nobody has broken. */
  readonly tied: boolean
  /** Its dots in the tie-break round that placed it, or null when no round did. */
  readonly tieBreakVotes: number | null
  /** The room chose to keep this tie as it is. */
  readonly tieAccepted: boolean
}

/**
 * How the room settled one tie: the milestones tied at `votes` dots each, and either the dots
 * of a closed tie-break round among them or 'accepted' (the tie stands). A settlement applies
 * only to exactly that tie: should the totals change, it no longer matches.
 */
export interface TieSettlement {
  readonly milestoneIds: readonly string[]
  readonly votes: number
  readonly outcome: 'accepted' | ReadonlyMap<string, number>
}

export function tieKey(milestoneIds: readonly string[], votes: number): string {
  return `${votes}:${[...milestoneIds].sort().join(',')}`
}

interface Band<T> {
  readonly items: readonly T[]
  readonly tieBreakVotes: ReadonlyMap<string, number> | null
  readonly accepted: boolean
}

/**
 * Milestones by votes, most first. Equal votes are ordered by a tie-break round's dots where
 * the room held one, and otherwise stay tied, listed by title, then by id, so every tablet agrees.
 */
export function rankMilestones<T extends Titled>(
  milestones: readonly T[],
  totals: ReadonlyMap<string, number>,
  settlements: readonly TieSettlement[] = [],
): Ranked<T>[] {
  const votesOf = (m: T) => totals.get(m.id) ?? 0
  const sorted = [...milestones].sort(
    (a, b) => votesOf(b) - votesOf(a) || compareTitles(a.fields.title, b.fields.title) || compareById(a, b),
  )
  const settled = new Map(settlements.map(s => [tieKey(s.milestoneIds, s.votes), s]))

  // A tie settled by a round splits by the round's dots; what is still level there may have
  // been settled in turn (a later round among fewer milestones), so it is refined again.
  const refine = (items: readonly T[], votes: number, round: ReadonlyMap<string, number> | null): Band<T>[] => {
    if (items.length === 1) return [{ items, tieBreakVotes: round, accepted: false }]
    const settlement = settled.get(tieKey(items.map(m => m.id), votes))
    if (!settlement) return [{ items, tieBreakVotes: round, accepted: false }]
    if (settlement.outcome === 'accepted') return [{ items, tieBreakVotes: round, accepted: true }]
    const dots = settlement.outcome
    const dotsOf = (m: T) => dots.get(m.id) ?? 0
    const byRound = [...items].sort((a, b) => dotsOf(b) - dotsOf(a))
    const groups = groupBy(byRound, dotsOf)
    if (groups.length === 1) return [{ items, tieBreakVotes: dots, accepted: false }]
    return groups.flatMap(group => refine(group, votes, dots))
  }

  const bands = groupBy(sorted, votesOf).flatMap(group => refine(group, votesOf(group[0]!), null))
  const ranked: Ranked<T>[] = []
  for (const band of bands) {
    const place = ranked.length + 1
    for (const item of band.items) {
      ranked.push({
        item,
        votes: votesOf(item),
        place,
        tied: band.items.length > 1,
        tieBreakVotes: band.tieBreakVotes?.get(item.id) ?? (band.tieBreakVotes ? 0 : null),
        tieAccepted: band.accepted,
      })
    }
  }
  return ranked
}

/** Runs of neighbours with the same key, in order. */
function groupBy<T>(items: readonly T[], key: (item: T) => number): T[][] {
  const groups: T[][] = []
  for (const item of items) {
    const last = groups.at(-1)
    if (last && key(last[0]!) === key(item)) last.push(item)
    else groups.push([item])
  }
  return groups
}

export interface Tie {
  readonly place: number
  readonly votes: number
  /** In rank order. */
  readonly milestoneIds: readonly string[]
}

/**
 * The ties the room may want to settle, best place first: milestones sharing a place with at
 * least one vote each, and not accepted as they are. A tie among milestones nobody voted for
 * decides nothing about where to focus, so it is not offered.
 */
export function tiesToSettle(ranked: readonly Ranked<{ readonly id: string }>[]): Tie[] {
  const ties: Tie[] = []
  for (const row of ranked) {
    if (!row.tied || row.tieAccepted || row.votes === 0) continue
    const last = ties.at(-1)
    if (last && last.place === row.place) (last.milestoneIds as string[]).push(row.item.id)
    else ties.push({ place: row.place, votes: row.votes, milestoneIds: [row.item.id] })
  }
  return ties
}

export interface UnlockOrder {
  /** Every milestone once; what unlocks comes before what it unlocks, otherwise rank order. */
  readonly order: string[]
  /** Groups of milestones that unlock one another in a circle (or one that unlocks itself), in rank order. */
  readonly cycles: string[][]
}

/**
 * A working order over "unlocks": a topological order that, among the milestones free to go
 * next, takes the best ranked. Circles do not stop it: they are reported, and broken at the
 * best-ranked milestone whose only waiting predecessors are in its own circle.
 * `ranked` is the milestones in rank order; unlocks naming a milestone not in it are ignored.
 */
export function unlockOrder(ranked: readonly { readonly id: string; readonly unlocks: readonly string[] }[]): UnlockOrder {
  const rank = new Map(ranked.map((m, index) => [m.id, index]))
  const next = new Map<string, string[]>()
  const waitingOn = new Map<string, Set<string>>()
  for (const m of ranked) {
    next.set(m.id, [...new Set(m.unlocks)].filter(id => rank.has(id)))
    waitingOn.set(m.id, new Set())
  }
  for (const [from, targets] of next) for (const to of targets) waitingOn.get(to)!.add(from)

  const component = stronglyConnected(ranked.map(m => m.id), next)
  const cycles = groupCycles(ranked.map(m => m.id), component, next)

  const order: string[] = []
  const done = new Set<string>()
  const remaining = ranked.map(m => m.id)
  while (remaining.length > 0) {
    const free = remaining.find(id => [...waitingOn.get(id)!].every(from => done.has(from)))
    // Stuck only on a circle: take the best-ranked member of a circle that waits on nothing outside it.
    const pick =
      free ??
      remaining.find(id =>
        [...waitingOn.get(id)!].every(from => done.has(from) || component.get(from) === component.get(id)),
      ) ??
      remaining[0]!
    order.push(pick)
    done.add(pick)
    remaining.splice(remaining.indexOf(pick), 1)
  }
  return { order, cycles }
}

/** Tarjan's strongly connected components: the component number of each milestone. */
function stronglyConnected(ids: readonly string[], next: ReadonlyMap<string, readonly string[]>): Map<string, number> {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const component = new Map<string, number>()
  let counter = 0
  let components = 0

  const visit = (id: string) => {
    index.set(id, counter)
    low.set(id, counter)
    counter++
    stack.push(id)
    onStack.add(id)
    for (const to of next.get(id) ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(id, Math.min(low.get(id)!, low.get(to)!))
      } else if (onStack.has(to)) {
        low.set(id, Math.min(low.get(id)!, index.get(to)!))
      }
    }
    if (low.get(id) === index.get(id)) {
      let member: string
      do {
        member = stack.pop()!
        onStack.delete(member)
        component.set(member, components)
      } while (member !== id)
      components++
    }
  }
  for (const id of ids) if (!index.has(id)) visit(id)
  return component
}

function groupCycles(
  ids: readonly string[],
  component: ReadonlyMap<string, number>,
  next: ReadonlyMap<string, readonly string[]>,
): string[][] {
  const members = new Map<number, string[]>()
  for (const id of ids) {
    const c = component.get(id)!
    members.set(c, [...(members.get(c) ?? []), id])
  }
  const cycles: string[][] = []
  const seen = new Set<number>()
  for (const id of ids) {
    const c = component.get(id)!
    if (seen.has(c)) continue
    seen.add(c)
    const group = members.get(c)!
    if (group.length > 1 || (next.get(id) ?? []).includes(id)) cycles.push(group)
  }
  return cycles
}

/**
 * The order in which records were made: their earliest field stamp, then id. Editing a field
 * restamps only that field, so a milestone keeps its place in a walk-through while the room
 * types its title or sets its hypothesis.
 */
export function compareByCreation(
  a: { readonly id: string; readonly stamps: object },
  b: { readonly id: string; readonly stamps: object },
): number {
  const first = (stamps: object) => Object.values(stamps as Record<string, string>).reduce((min, s) => (s < min ? s : min))
  const sa = first(a.stamps)
  const sb = first(b.stamps)
  return sa < sb ? -1 : sa > sb ? 1 : compareById(a, b)
}
