import { createSelector, createSignal, onCleanup } from 'solid-js'

/**
 * The one drag engine of the app: pointer events, so a finger, a pen and a mouse all drag the
 * same way (the HTML drag-and-drop API does not work with touch on iPad or Android).
 *
 * A press becomes a drag once it moves further than `threshold` (0: at once, for a handle);
 * a shorter press stays a tap and its click goes through. During a drag:
 * - a ghost with `label` follows the pointer (when a label is given);
 * - the drop target under the pointer, any element with a `data-drop="…"` key, is `over()`;
 * - resting near the top or bottom edge of whatever scrolls under the pointer (a column, a
 *   list, the work area, the page) scrolls it, the innermost one that still can first, so
 *   every target of a long list can be reached without letting go.
 * On release, `onDrop(payload, key)` gets the key under the pointer, or null.
 */
export interface DragOptions<T> {
  onDrop: (payload: T, target: string | null) => void
  /** The words a ghost under the pointer shows; without it there is no ghost (the caller moves the item). */
  label?: (payload: T) => string
  ghostClass?: string
  /** How far a press must move before it is a drag, in px. */
  threshold?: number
  /** The pointer moved, or the page scrolled under it. */
  onMove?: (payload: T, point: Point) => void
  /** The drag ended without a drop: Escape, a cancelled touch, the screen closing. */
  onCancel?: (payload: T) => void
}

export interface Point {
  readonly x: number
  readonly y: number
}

interface Session<T> {
  readonly pointerId: number
  readonly source: HTMLElement
  readonly payload: T
  readonly start: Point
  point: Point
  started: boolean
  ghost: HTMLElement | null
  frame: number
}

/** Within this many px of a scroller's edge, a drag scrolls it. */
export const EDGE = 64
/** The fastest edge scrolling, in px per frame, reached at the very edge and beyond. */
export const MAX_SCROLL_STEP = 20

export function createDragEngine<T>(options: DragOptions<T>) {
  const [dragged, setDragged] = createSignal<T | null>(null)
  const [over, setOver] = createSignal<string | null>(null)
  const isOver = createSelector(over)
  let session: Session<T> | null = null

  function start(event: PointerEvent, payload: T) {
    if (session || (event.pointerType === 'mouse' && event.button !== 0)) return
    const point = { x: event.clientX, y: event.clientY }
    session = {
      pointerId: event.pointerId,
      source: event.currentTarget as HTMLElement,
      payload,
      start: point,
      point,
      started: false,
      ghost: null,
      frame: 0,
    }
    listen(true)
    if ((options.threshold ?? 8) <= 0) {
      // A handle drags at once: the browser must neither scroll nor select text under it.
      event.preventDefault()
      begin(session)
    }
  }

  function onPointerMove(event: PointerEvent) {
    const current = session
    if (!current || event.pointerId !== current.pointerId) return
    current.point = { x: event.clientX, y: event.clientY }
    if (!current.started) {
      const distance = Math.hypot(current.point.x - current.start.x, current.point.y - current.start.y)
      if (distance < (options.threshold ?? 8)) return
      begin(current)
    }
    event.preventDefault()
    placeGhost(current)
    follow(current)
  }

  /** The press has become a drag: capture the pointer so no other element reacts to it. */
  function begin(current: Session<T>) {
    current.started = true
    try {
      current.source.setPointerCapture?.(current.pointerId)
    } catch {
      // The pointer may already be gone (a cancelled touch); the drag still ends on release.
    }
    if (options.label) {
      const ghost = document.createElement('div')
      ghost.className = options.ghostClass ?? ''
      ghost.setAttribute('aria-hidden', 'true')
      ghost.textContent = options.label(current.payload)
      Object.assign(ghost.style, { position: 'fixed', left: '0', top: '0', pointerEvents: 'none', zIndex: '50' })
      document.body.append(ghost)
      current.ghost = ghost
      placeGhost(current)
    }
    document.body.classList.add('is-dragging')
    setDragged(() => current.payload)
    if (typeof requestAnimationFrame === 'function') current.frame = requestAnimationFrame(() => autoscroll(current))
  }

  function follow(current: Session<T>) {
    setOver(targetAt(current.point))
    options.onMove?.(current.payload, current.point)
  }

  function onPointerUp(event: PointerEvent) {
    const current = session
    if (!current || event.pointerId !== current.pointerId) return
    const dropped = current.started
    const target = dropped ? targetAt({ x: event.clientX, y: event.clientY }) : null
    end(false)
    if (!dropped) return
    swallowNextClick()
    options.onDrop(current.payload, target)
  }

  function onPointerCancel(event: PointerEvent) {
    if (session && event.pointerId === session.pointerId) end()
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && session?.started) {
      event.preventDefault()
      end()
    }
  }

  function listen(on: boolean) {
    const method = on ? 'addEventListener' : 'removeEventListener'
    window[method]('pointermove', onPointerMove as EventListener)
    window[method]('pointerup', onPointerUp as EventListener)
    window[method]('pointercancel', onPointerCancel as EventListener)
    window[method]('keydown', onKeyDown as EventListener)
  }

  function end(cancelled = true) {
    const current = session
    session = null
    listen(false)
    if (!current) return
    if (cancelled && current.started) options.onCancel?.(current.payload)
    if (current.frame) cancelAnimationFrame(current.frame)
    current.ghost?.remove()
    document.body.classList.remove('is-dragging')
    setDragged(null)
    setOver(null)
  }

  function placeGhost(current: Session<T>) {
    if (current.ghost) current.ghost.style.transform = `translate(${current.point.x + 12}px, ${current.point.y + 12}px)`
  }

  /** Every frame of a drag: a pointer resting near a scroller's edge scrolls it. */
  function autoscroll(current: Session<T>) {
    if (session !== current) return
    if (scrollNearEdge(current.point)) follow(current)
    current.frame = requestAnimationFrame(() => autoscroll(current))
  }

  onCleanup(() => end())

  return {
    /** What is being dragged, or null. */
    dragged,
    /** The drop key under the pointer during a drag. */
    over,
    isOver,
    /** Call from a `pointerdown` handler to let this press become a drag of `payload`. */
    start,
    cancel: () => end(),
  }
}

export type DragEngine<T> = ReturnType<typeof createDragEngine<T>>

/** A scroller as edge scrolling sees it: the part of it on screen, and which ways it can still go. */
export interface ScrollerBox {
  readonly top: number
  readonly bottom: number
  readonly canScrollUp: boolean
  readonly canScrollDown: boolean
}

/**
 * How far (px, negative is up) to scroll the first of `scrollers` (innermost first) that the
 * pointer at height `y` is near the edge of and that can still scroll that way; its index, or
 * null when none should move. A full column lets the one around it scroll instead: no trap.
 */
export function edgeScroll(y: number, scrollers: readonly ScrollerBox[]): { index: number; step: number } | null {
  for (const [index, box] of scrollers.entries()) {
    const step = edgeStep(box.bottom - y) - edgeStep(y - box.top)
    if ((step > 0 && box.canScrollDown) || (step < 0 && box.canScrollUp)) return { index, step }
  }
  return null
}

/** How far to scroll this frame when the pointer is `distance` px inside an edge (negative: past it). */
function edgeStep(distance: number): number {
  if (distance >= EDGE) return 0
  return Math.ceil((Math.min(EDGE, EDGE - distance) / EDGE) * MAX_SCROLL_STEP)
}

/** Scrolls whatever should scroll under the pointer this frame; true if something moved. */
function scrollNearEdge(point: Point): boolean {
  const viewport = { top: 0, bottom: window.innerHeight }
  const y = Math.min(Math.max(point.y, 0), viewport.bottom - 1)
  const elements = scrollersAt(document.elementFromPoint?.(point.x, y) ?? null)
  const boxes = elements.map((element): ScrollerBox => {
    const page = element === document.scrollingElement
    const rect = page ? viewport : element.getBoundingClientRect()
    return {
      top: Math.max(rect.top, viewport.top),
      bottom: Math.min(rect.bottom, viewport.bottom),
      canScrollUp: element.scrollTop > 0,
      canScrollDown: element.scrollTop < element.scrollHeight - element.clientHeight - 1,
    }
  })
  const chosen = edgeScroll(point.y, boxes)
  if (!chosen) return false
  const element = elements[chosen.index]!
  const before = element.scrollTop
  element.scrollTop = before + chosen.step
  return element.scrollTop !== before
}

/** The elements that scroll vertically around `element`, innermost first, ending with the page. */
function scrollersAt(element: Element | null): Element[] {
  const found: Element[] = []
  const page = document.scrollingElement
  for (let node = element; node && node !== page && node !== document.body; node = node.parentElement) {
    // A field that scrolls its own text (a title on a browser without field-sizing) is no place to scroll to.
    if (node.matches('textarea, input, select')) continue
    const overflow = getComputedStyle(node).overflowY
    if ((overflow === 'auto' || overflow === 'scroll') && node.scrollHeight > node.clientHeight) found.push(node)
  }
  if (page) found.push(page)
  return found
}

function targetAt(point: Point): string | null {
  const element = document.elementFromPoint?.(point.x, point.y)
  return element?.closest('[data-drop]')?.getAttribute('data-drop') ?? null
}

/** The click that follows the release of a drag must not also act on what was dragged. */
function swallowNextClick() {
  const swallow = (event: MouseEvent) => {
    event.stopPropagation()
    event.preventDefault()
  }
  window.addEventListener('click', swallow, { capture: true, once: true })
  setTimeout(() => window.removeEventListener('click', swallow, { capture: true }), 0)
}

/**
 * Stops sideways finger movements over `element` from doing anything the browser would do
 * with them: Chromium with a touchscreen treats an unused sideways pan as "swipe to go back",
 * which would leave the screen in the middle of a drag or a swipe between cards. Vertical
 * scrolling is untouched. Returns the cleanup.
 */
export function makeSidewaysPanGuard(element: HTMLElement): () => void {
  let start: Point | null = null
  const onStart = (event: TouchEvent) => {
    const touch = event.touches[0]
    start = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : null
  }
  const onMove = (event: TouchEvent) => {
    const touch = event.touches[0]
    if (!start || !touch || !event.cancelable) return
    if (Math.abs(touch.clientX - start.x) > Math.abs(touch.clientY - start.y)) event.preventDefault()
  }
  element.addEventListener('touchstart', onStart, { passive: true })
  element.addEventListener('touchmove', onMove, { passive: false })
  return () => {
    element.removeEventListener('touchstart', onStart)
    element.removeEventListener('touchmove', onMove)
  }
}
