/**
 * The order of a list of records (objectives, key results, hypotheses, the roster). Each record
 * carries a number, `position`; a moved record takes a number between its new neighbours, so a
 * move is one field of one record and merges with whatever other tablets did meanwhile.
 */

export interface Placed {
  readonly id: string
  readonly position: number
}

/** A number strictly between two neighbours; either may be missing at an end of the list. */
export function positionBetween(before: number | undefined, after: number | undefined): number {
  if (before === undefined && after === undefined) return 1
  if (before === undefined) return after! - 1
  if (after === undefined) return before + 1
  return before + (after - before) / 2
}

/** The position of a record added at the end of a list. */
export function positionAfterLast(positions: readonly number[]): number {
  return positions.length === 0 ? 1 : Math.floor(Math.max(...positions)) + 1
}

/** The list with the item at `from` taken out and put back at `to`. */
export function moveIndex<T>(items: readonly T[], from: number, to: number): T[] {
  const moved = [...items]
  const [item] = moved.splice(from, 1)
  if (item === undefined) return moved
  moved.splice(Math.max(0, Math.min(to, moved.length)), 0, item)
  return moved
}

/**
 * The position writes that put record `id` at index `to` of `siblings` (given in their shown
 * order: by position, then id). Usually one write, the midpoint of the new neighbours. When
 * there is no number strictly between them (two tablets gave two records the same position,
 * or many moves wore the gap down to nothing), every sibling is renumbered 1, 2, 3… in the new
 * order, and only those whose number changes are written.
 */
export function placeAt(siblings: readonly Placed[], id: string, to: number): Placed[] {
  const from = siblings.findIndex(sibling => sibling.id === id)
  if (from < 0) return []
  const target = Math.max(0, Math.min(to, siblings.length - 1))
  if (target === from) return []
  const order = moveIndex(siblings, from, target)
  const before = order[target - 1]?.position
  const after = order[target + 1]?.position
  const position = positionBetween(before, after)
  const fits =
    Number.isFinite(position) && (before === undefined || position > before) && (after === undefined || position < after)
  if (fits) return [{ id, position }]
  return order.flatMap((sibling, index) =>
    sibling.position === index + 1 ? [] : [{ id: sibling.id, position: index + 1 }],
  )
}

/** The way records are shown: by position, ties broken by id so every tablet agrees. */
export function byPosition(a: Placed, b: Placed): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
