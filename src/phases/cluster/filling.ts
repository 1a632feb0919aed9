import { createEffect, createMemo, createSignal, onCleanup, untrack, type Accessor } from 'solid-js'

/**
 * A full room has thousands of cards. Drawn all at once they keep the tablet busy for a second
 * or more before anything shows, so the board fills in: first what fits on a screen, then
 * the rest a slice per frame, the room able to tap and drag in between. The board's data is
 * whole from the start (counts, "Add to…", moves), only the tiles arrive in slices; a card
 * moved while the board fills is where the data says and shows once its place is drawn.
 */

/** Tiles drawn at once: a screen's worth in each column, at either tablet size. */
export const FIRST_TILES = 48
/** What a milestone's own parts (title field, buttons) cost, counted in tiles. */
export const PANEL_COST = 4
/**
 * A slice's first size, in tiles; later slices are sized to take about SLICE_MS, growing
 * slowly (a busy tablet's timings jump about) and shrinking at once.
 */
const FIRST_SLICE = 100
const SLICE_MS = 16
const MIN_SLICE = 50
const MAX_SLICE = 400
const GROWTH = 1.25

/** How much of the board is drawn: null once it all is. */
export interface Allotment {
  /** How many ungrouped cards are drawn. */
  readonly ungrouped: number
  /** For each drawn milestone, how many of its cards are drawn; a milestone not listed is not drawn yet. */
  readonly milestones: ReadonlyMap<string, number>
}

export interface FillingShape {
  readonly ungrouped: number
  /** Each milestone, in board order, with how many cards it holds. */
  readonly milestones: readonly { readonly id: string; readonly cards: number }[]
}

/** Tiles, milestones counted at their own cost, in the whole board. */
export function boardCost(shape: FillingShape): number {
  return shape.milestones.reduce((sum, milestone) => sum + PANEL_COST + milestone.cards, shape.ungrouped)
}

/**
 * Shares `budget` tiles between the columns: half each while both have more than that, the
 * rest to whichever still has cards. Milestones are drawn in order, each whole while the
 * budget lasts, the last one drawn in part; `always` (a milestone just made or merged into)
 * is drawn whole wherever it is, so the room sees where its cards went.
 */
export function allot(budget: number, shape: FillingShape, always: string | null = null): Allotment {
  const milestoneCost = boardCost({ ...shape, ungrouped: 0 })
  const ungrouped = Math.min(shape.ungrouped, Math.max(Math.ceil(budget / 2), budget - milestoneCost))
  let left = budget - ungrouped
  const milestones = new Map<string, number>()
  for (const milestone of shape.milestones) {
    if (milestone.id === always) milestones.set(milestone.id, milestone.cards)
    else if (left > 0) milestones.set(milestone.id, Math.min(milestone.cards, Math.max(0, left - PANEL_COST)))
    left -= PANEL_COST + milestone.cards
  }
  return { ungrouped, milestones }
}

/**
 * When the next slice is drawn. The first waits for the first screenful to be painted; the
 * rest follow as soon as the browser has handled what came in meanwhile (taps first), several
 * in one frame when the tablet is quick. A seam for tests.
 */
export const frames = {
  next(step: () => void, afterPaint: boolean): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined
    if (!afterPaint || typeof requestAnimationFrame !== 'function') {
      timer = setTimeout(step, 0)
      return () => clearTimeout(timer)
    }
    const frame = requestAnimationFrame(() => (timer = setTimeout(step, 0)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  },
}

/**
 * The board's filling: `allotment()` says what to draw, null once everything is. Starts on
 * creation and stops when the budget covers the whole board, or when the owner is disposed.
 */
export function createFilling(
  shape: Accessor<FillingShape>,
  always: Accessor<string | null>,
  paused: Accessor<boolean> = () => false,
) {
  const [budget, setBudget] = createSignal(FIRST_TILES)
  const [done, setDone] = createSignal(boardCost(untrack(shape)) <= FIRST_TILES)
  let slice = FIRST_SLICE
  let cancel: (() => void) | null = null

  const step = () => {
    cancel = null
    const next = budget() + slice
    const started = performance.now()
    if (next >= boardCost(untrack(shape))) setDone(true)
    else setBudget(next)
    // Drawing happens inside the setter: its time sizes the next slice.
    const took = Math.max(1, performance.now() - started)
    const fits = Math.min(GROWTH, SLICE_MS / took) * slice
    slice = Math.round(Math.min(MAX_SLICE, Math.max(MIN_SLICE, fits)))
    if (!done() && !untrack(paused)) cancel = frames.next(step, false)
  }
  // Nothing is drawn under a finger that is dragging: the lists stay still until the drop.
  createEffect(() => {
    if (paused()) {
      cancel?.()
      cancel = null
    } else if (!done() && !cancel) cancel = frames.next(step, true)
  })
  onCleanup(() => cancel?.())

  const allotment = createMemo<Allotment | null>(() => (done() ? null : allot(budget(), shape(), always())))
  return {
    allotment,
    /** True while some tiles are still to be drawn. */
    filling: () => !done(),
  }
}
