import { createSignal, onCleanup } from 'solid-js'

/** How one row of a list is drawn while an item is being dragged. */
export interface DragState {
  /** This row is the one under the finger. */
  readonly dragging: boolean
  /** Pixels to draw the row away from its place: the finger's travel, or room made for the dragged row. */
  readonly offset: number
  /** Pixels this row steps aside to make room (0 for the dragged row itself). */
  readonly shift: number
}

interface Session {
  readonly pointerId: number
  readonly from: number
  readonly to: number
  /** Page coordinates, so scrolling during the drag does not lose the place. */
  readonly startY: number
  readonly y: number
  readonly tops: readonly number[]
  readonly heights: readonly number[]
  /** How far the other rows step aside: the dragged row's height and the gap after it. */
  readonly space: number
}

const RESTING: DragState = { dragging: false, offset: 0, shift: 0 }
/** Near the top or bottom edge of the screen, a drag scrolls the page, up to this fast (px per frame). */
const EDGE = 72
const MAX_SCROLL = 18

/**
 * Dragging a row of a vertical list by its handle. Rows are measured once when the drag starts;
 * the target index is the number of other rows whose middle lies above the dragged row's middle.
 */
export function createDrag(options: {
  rows: () => readonly (HTMLElement | undefined)[]
  onDrop: (from: number, to: number) => void
}) {
  const [session, setSession] = createSignal<Session | null>(null)
  let clientY = 0
  let frame = 0

  function track() {
    const current = session()
    if (!current) return
    const y = clientY + window.scrollY
    const middle = current.tops[current.from]! + current.heights[current.from]! / 2 + (y - current.startY)
    let to = 0
    current.tops.forEach((top, index) => {
      if (index !== current.from && top + current.heights[index]! / 2 < middle) to += 1
    })
    setSession({ ...current, y, to })
  }

  function scrollNearEdges() {
    frame = 0
    if (!session()) return
    const below = window.innerHeight - clientY
    const speed = (distance: number) => Math.ceil(((EDGE - distance) / EDGE) * MAX_SCROLL)
    const step = clientY < EDGE ? -speed(clientY) : below < EDGE ? speed(below) : 0
    if (step !== 0) {
      window.scrollBy(0, step)
      track()
    }
    frame = requestAnimationFrame(scrollNearEdges)
  }

  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerId !== session()?.pointerId) return
    event.preventDefault()
    clientY = event.clientY
    track()
  }
  const onPointerUp = (event: PointerEvent) => {
    if (event.pointerId === session()?.pointerId) finish(true)
  }
  const onPointerCancel = (event: PointerEvent) => {
    if (event.pointerId === session()?.pointerId) finish(false)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      finish(false)
    }
  }

  function listen(on: boolean) {
    const method = on ? 'addEventListener' : 'removeEventListener'
    window[method]('pointermove', onPointerMove as EventListener)
    window[method]('pointerup', onPointerUp as EventListener)
    window[method]('pointercancel', onPointerCancel as EventListener)
    window[method]('keydown', onKeyDown as EventListener)
  }

  function finish(drop: boolean) {
    const ended = session()
    listen(false)
    if (frame) cancelAnimationFrame(frame)
    frame = 0
    setSession(null)
    if (drop && ended && ended.to !== ended.from) options.onDrop(ended.from, ended.to)
  }

  function start(event: PointerEvent, from: number) {
    if (session() || (event.pointerType === 'mouse' && event.button !== 0)) return
    const rows = options.rows()
    if (rows.some(row => !row)) return
    const rects = rows.map(row => row!.getBoundingClientRect())
    const scroll = window.scrollY
    const gapIndex = from > 0 ? from - 1 : from
    const gap = rects.length > 1 ? Math.max(0, rects[gapIndex + 1]!.top - rects[gapIndex]!.bottom) : 0
    // Keep the page from scrolling or selecting text under the finger.
    event.preventDefault()
    const handle = event.currentTarget as Element | null
    handle?.setPointerCapture?.(event.pointerId)
    clientY = event.clientY
    setSession({
      pointerId: event.pointerId,
      from,
      to: from,
      startY: event.clientY + scroll,
      y: event.clientY + scroll,
      tops: rects.map(rect => rect.top + scroll),
      heights: rects.map(rect => rect.height),
      space: rects[from]!.height + gap,
    })
    listen(true)
    if (typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(scrollNearEdges)
  }

  onCleanup(() => finish(false))

  return {
    start,
    /** True while a row is being dragged. */
    active: () => session() !== null,
    stateOf(index: number): DragState {
      const current = session()
      if (!current) return RESTING
      if (index === current.from) return { dragging: true, offset: current.y - current.startY, shift: 0 }
      const shift =
        current.from < index && index <= current.to
          ? -current.space
          : current.to <= index && index < current.from
            ? current.space
            : 0
      return { dragging: false, offset: shift, shift }
    },
  }
}
