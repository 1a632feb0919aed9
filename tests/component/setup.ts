import 'fake-indexeddb/auto'
import { cleanup, configure } from '@solidjs/testing-library'
import { afterEach } from 'vitest'

// findBy… and waitFor resolve the moment the screen shows what they look for; the deadline is
// only how long a busy two-core CI may take to get there (the default second is too tight).
configure({ asyncUtilTimeout: 5000 })

afterEach(() => {
  cleanup()
  location.hash = ''
})

// jsdom has <dialog> but not its modal methods: open and close it as a browser would, minus the top layer.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.show = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return
    this.removeAttribute('open')
    this.dispatchEvent(new Event('close'))
  }
  // Escape on a modal dialog fires its cancellable "cancel", then closes it unless prevented.
  document.addEventListener('keydown', event => {
    if (event.key !== 'Escape') return
    const top = [...document.querySelectorAll('dialog[open]')].at(-1) as HTMLDialogElement | undefined
    if (!top) return
    if (top.dispatchEvent(new Event('cancel', { cancelable: true }))) top.close()
  })
}
