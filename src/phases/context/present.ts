import { createSignal, onCleanup } from 'solid-js'

/** The class on <html> that hides the app's chrome so the slides fill the screen. */
export const PRESENTING_CLASS = 'presenting'

type FullscreenDocument = Document & {
  webkitFullscreenElement?: Element | null
  webkitExitFullscreen?: () => Promise<void> | void
}
type FullscreenElement = HTMLElement & { webkitRequestFullscreen?: () => Promise<void> | void }

function fullscreenElement(): Element | null {
  const doc = document as FullscreenDocument
  return document.fullscreenElement ?? doc.webkitFullscreenElement ?? null
}

/**
 * Full screen for presenting. The app's chrome is hidden by a class on <html> in every browser;
 * where the Fullscreen API exists (standard or webkit-prefixed) the browser's own bars go too.
 * iPad Safari without it, or a browser that refuses, still gets the class: the slides fill the
 * page. Escape leaves, and so does the browser leaving its full screen on its own.
 */
export function createPresenting() {
  const [presenting, setPresenting] = createSignal(false)
  const root = document.documentElement as FullscreenElement

  async function enter() {
    root.classList.add(PRESENTING_CLASS)
    setPresenting(true)
    try {
      if (typeof root.requestFullscreen === 'function' && document.fullscreenEnabled !== false) {
        await root.requestFullscreen({ navigationUI: 'hide' })
      } else if (typeof root.webkitRequestFullscreen === 'function') {
        await root.webkitRequestFullscreen()
      }
    } catch {
      // Refused (no permission, or not from a tap): the class alone already fills the page.
    }
  }

  function leave() {
    root.classList.remove(PRESENTING_CLASS)
    setPresenting(false)
    if (!fullscreenElement()) return
    const doc = document as FullscreenDocument
    const exit = document.exitFullscreen?.bind(document) ?? doc.webkitExitFullscreen?.bind(doc)
    void Promise.resolve(exit?.()).catch(() => undefined)
  }

  // Escape in the browser's full screen is taken by the browser, which then only says it left.
  const onFullscreenChange = () => {
    if (!fullscreenElement() && presenting()) leave()
  }
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && presenting() && !event.defaultPrevented) {
      event.preventDefault()
      leave()
    }
  }
  document.addEventListener('fullscreenchange', onFullscreenChange)
  document.addEventListener('webkitfullscreenchange', onFullscreenChange)
  document.addEventListener('keydown', onKeyDown)
  onCleanup(() => {
    document.removeEventListener('fullscreenchange', onFullscreenChange)
    document.removeEventListener('webkitfullscreenchange', onFullscreenChange)
    document.removeEventListener('keydown', onKeyDown)
    if (presenting()) leave()
  })

  return { presenting, enter, leave, toggle: () => (presenting() ? leave() : void enter()) }
}

/** Keys a presenter uses: arrows, and Page Up/Down, which presentation clickers send. */
export function makeSlideKeys(previous: () => void, next: () => void): () => void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return
    const target = event.target as HTMLElement | null
    // Arrow keys in a field move the caret; with a dialog open they belong to it.
    if (target?.closest('input, textarea, select, [contenteditable="true"], [role="dialog"], [role="alertdialog"]')) return
    if (event.key === 'ArrowRight' || event.key === 'PageDown') {
      event.preventDefault()
      next()
    } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
      event.preventDefault()
      previous()
    }
  }
  document.addEventListener('keydown', onKeyDown)
  return () => document.removeEventListener('keydown', onKeyDown)
}

/** How far a finger must travel sideways, and how much more sideways than up or down. */
const SWIPE_DISTANCE = 60
const SWIPE_RATIO = 1.5

/**
 * A sideways swipe on an element, by pointer events so touch, pen and mouse all work: a swipe
 * to the left goes on, to the right goes back. Up-and-down movement is left to the page scroll.
 */
export function swipeHandlers(previous: () => void, next: () => void) {
  let start: { id: number; x: number; y: number } | null = null
  return {
    onPointerDown(event: PointerEvent) {
      if (event.pointerType === 'mouse' && event.button !== 0) return
      start = { id: event.pointerId, x: event.clientX, y: event.clientY }
    },
    onPointerUp(event: PointerEvent) {
      if (!start || start.id !== event.pointerId) return
      const dx = event.clientX - start.x
      const dy = event.clientY - start.y
      start = null
      if (Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) < Math.abs(dy) * SWIPE_RATIO) return
      if (dx < 0) next()
      else previous()
    },
    onPointerCancel() {
      start = null
    },
  }
}
