import { createEffect, onCleanup, onMount } from 'solid-js'

/**
 * Fits the wrapping text fields under `root` to their text in browsers without CSS
 * `field-sizing: content`: whenever `shown` changes (what the fields show came from the store),
 * when the window turns, and as the person types. Returns the input handler for the root.
 */
export function autoGrowFields(root: () => HTMLElement | undefined, shown: () => unknown): (event: Event) => void {
  const grow = makeAutoGrow(root)
  createEffect(() => {
    shown()
    grow.fitAll()
  })
  onMount(() => {
    window.addEventListener('resize', grow.fitAll)
    onCleanup(() => window.removeEventListener('resize', grow.fitAll))
  })
  return grow.onInput
}

/**
 * Fits wrapping text fields (`.grow-text textarea`) to their text in browsers without CSS
 * `field-sizing: content` (Safari on older iPads): they grow as the person types, and when
 * text arrives from the store. Where the CSS works, this does nothing.
 */
export function makeAutoGrow(root: () => HTMLElement | undefined): { fitAll: () => void; onInput: (event: Event) => void } {
  const needed = typeof CSS === 'undefined' || typeof CSS.supports !== 'function' || !CSS.supports('field-sizing', 'content')
  let scheduled = false
  return {
    /** Fits every field under the root, at the next frame, all at once: one layout for a board of 500 titles. */
    fitAll() {
      if (!needed || scheduled || typeof requestAnimationFrame !== 'function') return
      scheduled = true
      requestAnimationFrame(() => {
        scheduled = false
        fit([...(root()?.querySelectorAll<HTMLTextAreaElement>('.grow-text textarea') ?? [])])
      })
    },
    onInput(event) {
      const target = event.target as HTMLElement | null
      if (needed && target instanceof HTMLTextAreaElement && target.closest('.grow-text')) fit([target])
    },
  }
}

/** Every height written, then every height read, then written: the page is laid out once, not once a field. */
function fit(areas: readonly HTMLTextAreaElement[]): void {
  // Not 'auto': that is the height of the field's rows (2), so a one-line text would never fit to one line.
  // At 0 the field's CSS min-height holds, and scrollHeight is the text's own height.
  for (const area of areas) area.style.height = '0px'
  const heights = areas.map(area => area.scrollHeight)
  areas.forEach((area, at) => {
    // Nothing to measure where nothing is laid out (a hidden panel, a test's DOM).
    area.style.height = heights[at]! > 0 ? `${heights[at]! + 4}px` : ''
  })
}
