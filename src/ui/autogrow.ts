/**
 * Fits wrapping text fields (`.grow-text textarea`) to their text in browsers without CSS
 * `field-sizing: content` (Safari on older iPads): they grow as the person types, and when
 * text arrives from the store. Where the CSS works, this does nothing.
 */
export function makeAutoGrow(root: () => HTMLElement | undefined): { fitAll: () => void; onInput: (event: Event) => void } {
  const needed = typeof CSS === 'undefined' || typeof CSS.supports !== 'function' || !CSS.supports('field-sizing', 'content')
  const fit = (area: HTMLTextAreaElement) => {
    // Not 'auto': that is the height of the field's rows (2), so a one-line text would never fit to one line.
    // At 0 the field's CSS min-height holds, and scrollHeight is the text's own height.
    area.style.height = '0px'
    // Nothing to measure where nothing is laid out (a hidden panel, a test's DOM).
    if (area.scrollHeight > 0) area.style.height = `${area.scrollHeight + 4}px`
    else area.style.height = ''
  }
  return {
    fitAll() {
      if (!needed || typeof requestAnimationFrame !== 'function') return
      requestAnimationFrame(() => root()?.querySelectorAll<HTMLTextAreaElement>('.grow-text textarea').forEach(fit))
    },
    onInput(event) {
      const target = event.target as HTMLElement | null
      if (needed && target instanceof HTMLTextAreaElement && target.closest('.grow-text')) fit(target)
    },
  }
}
