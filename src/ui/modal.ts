import { onCleanup, onMount } from 'solid-js'

/**
 * Opens a native `<dialog>` as a modal: the browser puts it above everything (the workshop bar
 * included), makes the rest of the page inert so Tab stays inside, and dims it with its own
 * backdrop. Focus moves to the first element matching `first`; Escape asks `onClose` (the
 * owner decides whether closing is safe); focus goes back where it was once the dialog leaves.
 * Call it in the component that renders the dialog.
 */
export function useModalDialog(dialog: () => HTMLDialogElement | undefined, onClose: () => void, first: string): void {
  const before = document.activeElement as HTMLElement | null
  onMount(() => {
    const target = dialog()
    if (!target) return
    if (!target.open) {
      try {
        target.showModal()
      } catch {
        // Already open elsewhere, or not connected yet: shown as a plain dialog still.
        target.setAttribute('open', '')
      }
    }
    ;(target.querySelector<HTMLElement>(first) ?? target).focus()
  })
  onCleanup(() => {
    const target = dialog()
    if (target?.open) target.close()
    before?.focus?.()
  })
}

/** Escape on a native dialog: the owner closes it (so its state follows), never the browser alone. */
export function onDialogCancel(onClose: () => void) {
  return (event: Event) => {
    event.preventDefault()
    onClose()
  }
}
