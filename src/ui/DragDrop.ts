import { createSelector, createSignal, onCleanup } from 'solid-js'

/**
 * Drag and drop with pointer events, so a finger, a pen and a mouse all work the same way
 * (the HTML drag-and-drop API does not work with touch on iPad or Android).
 *
 * A drop target is any element with a `data-drop="…"` key. While a press moves further than
 * `threshold`, a ghost with `label` follows the pointer, the key under it is `over()`, and on
 * release `onDrop(payload, key)` is called. A shorter press stays a tap: its click goes
 * through. Elements marked `data-autoscroll` scroll when the pointer nears their edge.
 */
export interface DragOptions<T> {
  onDrop: (payload: T, target: string) => void
  /** The words the ghost shows under the pointer. */
  label: (payload: T) => string
  ghostClass?: string
  threshold?: number
}

interface Session<T> {
  readonly pointerId: number
  readonly source: HTMLElement
  readonly payload: T
  readonly startX: number
  readonly startY: number
  x: number
  y: number
  ghost: HTMLElement | null
  frame: number
}

const EDGE = 56
const MAX_SCROLL_STEP = 18

export function createDragAndDrop<T>(options: DragOptions<T>) {
  const [dragged, setDragged] = createSignal<T | null>(null)
  const [over, setOver] = createSignal<string | null>(null)
  const isOver = createSelector(over)
  let session: Session<T> | null = null

  function start(event: PointerEvent, payload: T) {
    if (session || (event.pointerType === 'mouse' && event.button !== 0)) return
    session = {
      pointerId: event.pointerId,
      source: event.currentTarget as HTMLElement,
      payload,
      startX: event.clientX,
      startY: event.clientY,
      x: event.clientX,
      y: event.clientY,
      ghost: null,
      frame: 0,
    }
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
    window.addEventListener('pointercancel', onCancel)
    window.addEventListener('keydown', onKey)
  }

  function onMove(event: PointerEvent) {
    const current = session
    if (!current || event.pointerId !== current.pointerId) return
    current.x = event.clientX
    current.y = event.clientY
    if (!current.ghost) {
      const distance = Math.hypot(current.x - current.startX, current.y - current.startY)
      if (distance < (options.threshold ?? 8)) return
      begin(current)
    }
    event.preventDefault()
    placeGhost(current)
    setOver(targetAt(current.x, current.y))
  }

  /** The press has become a drag: capture the pointer so no other element reacts to it. */
  function begin(current: Session<T>) {
    try {
      current.source.setPointerCapture?.(current.pointerId)
    } catch {
      // The pointer may already be gone (a cancelled touch); the drag still ends on release.
    }
    const ghost = document.createElement('div')
    ghost.className = options.ghostClass ?? ''
    ghost.setAttribute('aria-hidden', 'true')
    ghost.textContent = options.label(current.payload)
    Object.assign(ghost.style, { position: 'fixed', left: '0', top: '0', pointerEvents: 'none', zIndex: '50' })
    document.body.append(ghost)
    document.body.classList.add('is-dragging')
    current.ghost = ghost
    setDragged(() => current.payload)
    current.frame = requestAnimationFrame(() => autoscroll(current))
  }

  function onUp(event: PointerEvent) {
    const current = session
    if (!current || event.pointerId !== current.pointerId) return
    const dropped = current.ghost !== null
    const target = dropped ? targetAt(event.clientX, event.clientY) : null
    end()
    if (!dropped) return
    swallowNextClick()
    if (target) options.onDrop(current.payload, target)
  }

  function onCancel(event: PointerEvent) {
    if (session && event.pointerId === session.pointerId) end()
  }

  function onKey(event: KeyboardEvent) {
    if (event.key === 'Escape' && session?.ghost) {
      event.preventDefault()
      end()
    }
  }

  function end() {
    const current = session
    session = null
    window.removeEventListener('pointermove', onMove)
    window.removeEventListener('pointerup', onUp)
    window.removeEventListener('pointercancel', onCancel)
    window.removeEventListener('keydown', onKey)
    if (!current) return
    cancelAnimationFrame(current.frame)
    current.ghost?.remove()
    document.body.classList.remove('is-dragging')
    setDragged(null)
    setOver(null)
  }

  function placeGhost(current: Session<T>) {
    if (current.ghost) current.ghost.style.transform = `translate(${current.x + 12}px, ${current.y + 12}px)`
  }

  /** While the pointer rests near the edge of a scrolling list, the list scrolls under it. */
  function autoscroll(current: Session<T>) {
    if (session !== current) return
    const under = document.elementFromPoint?.(current.x, current.y)
    const scroller = under?.closest<HTMLElement>('[data-autoscroll]')
    if (scroller) {
      const box = scroller.getBoundingClientRect()
      const step = edgeStep(current.y - box.top) - edgeStep(box.bottom - current.y)
      if (step !== 0) {
        scroller.scrollTop -= step
        setOver(targetAt(current.x, current.y))
      }
    }
    const pageStep = edgeStep(current.y) - edgeStep(window.innerHeight - current.y)
    if (pageStep !== 0) window.scrollBy(0, -pageStep)
    current.frame = requestAnimationFrame(() => autoscroll(current))
  }

  onCleanup(end)

  return {
    /** What is being dragged, or null. */
    dragged,
    /** The drop key under the pointer during a drag. */
    over,
    isOver,
    /** Call from a `pointerdown` handler to let this press become a drag of `payload`. */
    start,
    cancel: end,
  }
}

/** How far to scroll this frame when the pointer is `distance` px inside an edge. */
function edgeStep(distance: number): number {
  if (distance >= EDGE || distance < 0) return 0
  return Math.ceil(((EDGE - distance) / EDGE) * MAX_SCROLL_STEP)
}

function targetAt(x: number, y: number): string | null {
  const element = document.elementFromPoint?.(x, y)
  return element?.closest('[data-drop]')?.getAttribute('data-drop') ?? null
}

/** The click that follows the release of a drag must not also select the card. */
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
  let start: { x: number; y: number } | null = null
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
