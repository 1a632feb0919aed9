import { createEffect, onCleanup, Show } from 'solid-js'
import { useRegisterSW } from 'virtual:pwa-register/solid'

/**
 * Tells the person when the app is ready to work offline, and when a new version is waiting.
 * The new version is applied only when they say so, never in the middle of typing.
 */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisterError(error) {
      console.warn('The service worker could not be registered', error)
    },
  })

  // The offline notice is good news, not a question: it leaves by itself after a while.
  createEffect(() => {
    if (!offlineReady()) return
    const timeout = setTimeout(() => setOfflineReady(false), 8000)
    onCleanup(() => clearTimeout(timeout))
  })

  return (
    <div class="notices" role="status" aria-live="polite">
      <Show when={offlineReady()}>
        <div class="notice">
          <span>Ready to work offline: this tablet no longer needs the network.</span>
          <button type="button" class="button" onClick={() => setOfflineReady(false)}>
            OK
          </button>
        </div>
      </Show>
      <Show when={needRefresh()}>
        <div class="notice">
          <span>A new version of OKRA Harvest is ready. Your work is saved.</span>
          <button type="button" class="button primary" onClick={() => void updateServiceWorker(true)}>
            Reload to update
          </button>
          <button type="button" class="button" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </div>
      </Show>
    </div>
  )
}
