import { createSignal, onCleanup, onMount, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import type { Holdings } from '../../exchange/delta'
import { deriveSession } from '../../exchange/keys'
import { readReceipt } from '../../exchange/receipt'
import { recordReceipt } from '../../store/commands/handoff'
import { useCommand } from '../../store/context'
import type { Scanner } from './scanner'

/**
 * The sender's side of the "received" code: scans it, checks it is a genuine receipt of a
 * transfer shown here, and remembers what that tablet now holds.
 */
export function ReceiptScan(props: {
  workshop: Rec<'workshop'>
  /** What each transfer shown here carried, by transfer id. */
  sent: ReadonlyMap<number, Holdings>
  scanner: Scanner
  onDone: (deviceId: string, digest: string) => void
  onCancel: () => void
}) {
  const remember = useCommand(recordReceipt)
  const [message, setMessage] = createSignal('')
  let camera: HTMLDivElement | undefined
  let stop = () => {}
  let finished = false
  const session = deriveSession(props.workshop.id, props.workshop.fields.secret)

  async function onText(text: string) {
    if (finished) return
    const result = await readReceipt(text, await session)
    if (!result.ok) return setMessage(result.message)
    const held = props.sent.get(result.receipt.transferId)
    if (!held) return setMessage('This receipt is for another transfer than the one shown here. Nothing was changed.')
    if (finished) return
    finished = true
    stop()
    await remember({ workshopId: props.workshop.id, deviceId: result.receipt.deviceId, held })
    props.onDone(result.receipt.deviceId, result.receipt.digest)
  }

  onMount(() => {
    stop = props.scanner(camera!, text => void onText(text), setMessage)
  })
  onCleanup(() => stop())

  return (
    <div class="receipt-scan">
      <div ref={camera} class="camera-view" />
      <p class="muted">Point this camera at the “received” code on the other tablet.</p>
      <Show when={message()}>
        <p class="error" role="alert">
          {message()}
        </p>
      </Show>
      <button type="button" class="button" onClick={() => props.onCancel()}>
        Stop scanning
      </button>
    </div>
  )
}
