import { createUniqueId, Show, type JSX } from 'solid-js'
import { Portal } from 'solid-js/web'
import { useModalFocus } from '../../ui/modal'
import './handoff.css'

/**
 * A full-screen dialog for the handoff views: a QR code or a camera needs the whole screen,
 * more than the shared Dialog's panel. Focus moves in, Escape closes, focus returns after.
 */
export function Overlay(props: {
  title: string
  onClose: () => void
  /** A close button in the head, always in sight however long the view below. */
  closeLabel?: string
  children: JSX.Element
}) {
  const titleId = createUniqueId()
  let panel: HTMLDivElement | undefined
  useModalFocus(() => panel, () => props.onClose(), '[data-autofocus], button')
  return (
    <Portal>
      <div ref={panel} class="handoff-overlay" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}>
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
      </div>
    </Portal>
  )
}
