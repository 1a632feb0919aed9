import { createUniqueId, Show, type JSX } from 'solid-js'
import { Portal } from 'solid-js/web'
import { onDialogCancel, useModalDialog } from '../../ui/modal'
import './handoff.css'

/**
 * A full-screen dialog for the handoff views: a QR code or a camera needs the whole screen,
 * more than the shared Dialog's panel. A native modal dialog, so nothing behind it can take
 * focus; Escape closes, focus returns after.
 */
export function Overlay(props: {
  title: string
  onClose: () => void
  /** A close button in the head, always in sight however long the view below. */
  closeLabel?: string
  children: JSX.Element
}) {
  const titleId = createUniqueId()
  let panel: HTMLDialogElement | undefined
  useModalDialog(() => panel, () => props.onClose(), '[data-autofocus], button')
  return (
    <Portal>
      <dialog
        ref={panel}
        class="handoff-overlay"
        role="dialog"
        aria-labelledby={titleId}
        onCancel={onDialogCancel(() => props.onClose())}
      >
        <div class="handoff-head">
          <h2 id={titleId} class="handoff-title">
            {props.title}
          </h2>
          <Show when={props.closeLabel}>
            <button type="button" class="button primary" onClick={() => props.onClose()} data-autofocus>
              {props.closeLabel}
            </button>
          </Show>
        </div>
        {props.children}
      </dialog>
    </Portal>
  )
}
