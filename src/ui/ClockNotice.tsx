import { createSignal, onCleanup, onMount, Show } from 'solid-js'
import { formatSpan } from '../domain/notices'
import { useLive } from '../store/context'
import { clockHealth } from '../store/reads/conflicts'
import './notices.css'

/** Says so plainly when this tablet's date looks wrong, before its edits are stamped with it. */
export function ClockNotice() {
  // Read again when the person comes back from the tablet's settings, date put right.
  const [now, setNow] = createSignal(Date.now())
  const refresh = () => setNow(Date.now())
  onMount(() => {
    document.addEventListener('visibilitychange', refresh)
    window.addEventListener('focus', refresh)
  })
  onCleanup(() => {
    document.removeEventListener('visibilitychange', refresh)
    window.removeEventListener('focus', refresh)
  })
  const health = useLive(now, clockHealth)
  return (
    <Show when={(health()?.behind ?? 0) > 0}>
      <div class="merge-notice refused" role="alert">
        <p>
          <strong>This tablet’s date looks wrong:</strong> it holds edits stamped {formatSpan(health()!.behind)} later than
          its date and time now. Set the date and time in the tablet’s settings (automatic is best), then come back:
          until then, edits made here may lose to older ones.
        </p>
      </div>
    </Show>
  )
}
