import { createUniqueId, type JSX } from 'solid-js'
import { Portal } from 'solid-js/web'
import { useModalFocus } from './modal'

interface DialogProps {
  title: string
  onClose: () => void
  children: JSX.Element
  /** 'alertdialog' for a question that needs an answer, such as a confirmation. */
  role?: 'dialog' | 'alertdialog'
}

/** A modal dialog: focus moves in, Escape or the backdrop closes it, focus returns after. */
export function Dialog(props: DialogProps) {
  const titleId = createUniqueId()
  let panel: HTMLDivElement | undefined
  useModalFocus(() => panel, () => props.onClose(), 'input, textarea, select, [data-autofocus], button')

  return (
    <Portal>
      <div class="backdrop" onClick={event => event.target === event.currentTarget && props.onClose()}>
        <div
          ref={panel}
          class="dialog"
          role={props.role ?? 'dialog'}
          aria-modal="true"
          aria-labelledby={titleId}
          tabIndex={-1}
        >
          <h2 id={titleId}>{props.title}</h2>
          {props.children}
        </div>
      </div>
    </Portal>
  )
}

interface ConfirmProps {
  title: string
  message: JSX.Element
  confirmLabel: string
  onConfirm: () => void
  onCancel: () => void
  danger?: boolean
}

export function ConfirmDialog(props: ConfirmProps) {
  return (
    <Dialog title={props.title} onClose={props.onCancel} role="alertdialog">
      <div class="dialog-body">{props.message}</div>
      <div class="dialog-actions">
        <button type="button" class="button" onClick={() => props.onCancel()} data-autofocus>
          Cancel
        </button>
        <button
          type="button"
          class="button"
          classList={{ danger: props.danger, primary: !props.danger }}
          onClick={() => props.onConfirm()}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  )
}
