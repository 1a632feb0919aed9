import { createUniqueId, type JSX } from 'solid-js'
import { Portal } from 'solid-js/web'
import { onDialogCancel, useModalDialog } from './modal'

interface DialogProps {
  title: string
  onClose: () => void
  children: JSX.Element
  /** 'alertdialog' for a question that needs an answer, such as a confirmation. */
  role?: 'dialog' | 'alertdialog'
}

/**
 * A modal dialog, the browser's own: its backdrop covers the whole screen and Tab cannot leave
 * it. Focus moves in, Escape or a tap on the backdrop closes it, focus returns after.
 */
export function Dialog(props: DialogProps) {
  const titleId = createUniqueId()
  let dialog: HTMLDialogElement | undefined
  useModalDialog(() => dialog, () => props.onClose(), 'input, textarea, select, [data-autofocus], button')

  return (
    <Portal>
      <dialog
        ref={dialog}
        class="dialog"
        // Said outright, so code that asks "is this inside a dialog?" by role finds it too.
        role={props.role ?? 'dialog'}
        aria-labelledby={titleId}
        onCancel={onDialogCancel(() => props.onClose())}
        // The panel fills the dialog's box, so a click on the dialog itself fell on its backdrop.
        onClick={event => event.target === event.currentTarget && props.onClose()}
      >
        <div class="dialog-panel">
          <h2 id={titleId}>{props.title}</h2>
          {props.children}
        </div>
      </dialog>
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
