import { createSignal, onCleanup, onMount, Show } from 'solid-js'
import { openCameraSession } from '../../exchange/camera'
import { holdsTheSame, type Handoff } from '../../exchange/handoff'
import { recordReceipt } from '../../store/commands/handoff'
import { useCommand } from '../../store/context'
import { ProblemText } from './ProblemText'
import type { Scanner } from './scanner'

/**
 * The sender's side of the "received" code: scans it, has the handoff check it is a genuine
 * receipt of a transfer shown here, and remembers what that tablet now holds.
 */
export function ReceiptScan(props: {
  workshopId: string
  handoff: Handoff
  scanner: Scanner
  /** `same`: the other tablet now holds exactly what this one holds. */
  onDone: (deviceId: string, same: boolean) => void
  onCancel: () => void
}) {
  const remember = useCommand(recordReceipt)
  const [message, setMessage] = createSignal('')
  let camera: HTMLDivElement | undefined
  let stop = () => {}
  let finished = false
  // Through a session like every scan; released when this closes.
  const cameraSession = openCameraSession()

  async function onText(text: string) {
    if (finished) return
    const taken = await props.handoff.takeReceipt(text)
    if (!taken.ok) return setMessage(taken.message)
    if (finished) return
    finished = true
    stop()
    const mine = await remember({ workshopId: props.workshopId, deviceId: taken.deviceId, held: taken.held })
    props.onDone(taken.deviceId, await holdsTheSame(taken, mine))
  }

  onMount(() => {
    stop = props.scanner(camera!, text => void onText(text), setMessage, { camera: cameraSession })
  })
  onCleanup(() => {
    stop()
    cameraSession.release()
  })

  return (
    <div class="receipt-scan">
      <div ref={camera} class="camera-view" />
      <p class="muted">Point this camera at the “received” code on the other tablet.</p>
      <Show when={message()}>
        <ProblemText message={message()} />
      </Show>
      <button type="button" class="button" onClick={() => props.onCancel()}>
        Stop scanning
      </button>
    </div>
  )
}
