import { onCleanup, onMount } from 'solid-js'

/**
 * What makes a panel modal for a keyboard and a screen reader: focus moves into it (to the
 * first element matching `first`, else the panel), Escape closes it, and focus goes back to
 * where it was when it closes. Call it in the component that renders the panel.
 */
export function useModalFocus(panel: () => HTMLElement | undefined, onClose: () => void, first: string): void {
  const before = document.activeElement as HTMLElement | null
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    }
  }
  onMount(() => {
    const target = panel()
    ;(target?.querySelector<HTMLElement>(first) ?? target)?.focus()
    document.addEventListener('keydown', onKeyDown)
  })
  onCleanup(() => {
    document.removeEventListener('keydown', onKeyDown)
    before?.focus?.()
  })
}
