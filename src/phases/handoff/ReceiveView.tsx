import { createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js'
import type { Rec } from '../../domain/types'
import { openCameraSession } from '../../exchange/camera'
import { makeHandoff, type Bundle, type IncomingTransfer, type ReceiveProgress } from '../../exchange/handoff'
import { drawQr } from '../../exchange/qr'
import type { IncomingSummary as Summary } from '../../store/commands/incoming'
import { mergeHandoff } from '../../store/commands/handoff'
import { useCommand } from '../../store/context'
import { previewHandoff, type HandoffPreview } from '../../store/reads/handoff'
import { OpenHandoffFile } from './HandoffFiles'
import { HandoffPreviewSummary } from './IncomingSummary'
import { Overlay } from './Overlay'
import { ProblemText } from './ProblemText'
import { cameraScanner, formatDay, progressText, tabletName, type Scanner } from './scanner'

export interface ReceiveViewProps {
  /** The workshop to receive into; without it, this tablet is joining one. */
  workshop?: Rec<'workshop'>
  onClose: () => void
  /** After a join: open the workshop. */
  onJoined?: (workshopId: string) => void
  scanner?: Scanner
}

type State =
  | { step: 'scanning'; progress: ReceiveProgress | null; message: string }
  | { step: 'refused'; message: string }
  | { step: 'preview'; bundle: Bundle; transferId: number; preview: HandoffPreview }
  | { step: 'merged'; bundle: Bundle; summary: Summary; receipt: string | null }

/**
 * Receives a workshop by camera (or file): progress while scanning, a preview of what is new,
 * changed or flagged, one merge, then the "received" code for the sender. Every refusal
 * writes nothing.
 */
export default function ReceiveView(props: ReceiveViewProps) {
  const joining = () => !props.workshop
  const preview = useCommand(previewHandoff)
  const merge = useCommand(mergeHandoff)
  const handoff = makeHandoff(
    props.workshop ? { mode: 'sealed', workshopId: props.workshop.id, secret: props.workshop.fields.secret } : { mode: 'join' },
  )
  const [state, setState] = createSignal<State>({ step: 'scanning', progress: null, message: '' })
  const [busy, setBusy] = createSignal(false)
  let camera: HTMLDivElement | undefined
  let stopCamera = () => {}
  let receiver: IncomingTransfer | undefined
  // One stream for every tablet received from while this screen is open: asked for once.
  const cameraSession = openCameraSession()

  function startScanning() {
    stopCamera()
    receiver = handoff.receive()
    setState({ step: 'scanning', progress: null, message: '' })
    const mine = receiver
    // The camera's container is in the DOM once the scanning step has rendered.
    queueMicrotask(() => {
      if (mine !== receiver || !camera) return
      stopCamera = (props.scanner ?? cameraScanner)(
        camera,
        text => void onText(mine, text),
        message => {
          if (mine === receiver) refused(message)
        },
        { camera: cameraSession },
      )
    })
  }

  /** Texts are taken one after the other, so progress never steps back. */
  let taking: Promise<void> = Promise.resolve()
  function onText(from: IncomingTransfer, text: string): Promise<void> {
    const at = performance.now()
    taking = taking.then(() => take(from, text, at))
    return taking
  }

  async function take(from: IncomingTransfer, text: string, at: number) {
    const step = await from.push(text, at)
    const now = state()
    if (from !== receiver || now.step !== 'scanning') return
    if (step.status === 'progress') setState({ ...now, progress: step.progress, message: '' })
    else if (step.status === 'rejected') {
      if (step.tell) setState({ ...now, message: step.message })
    } else if (step.status === 'failed') refused(step.message)
    else if (step.status === 'done') {
      receiver = undefined
      stopCamera()
      await showPreview(step.bundle, step.transferId)
    }
  }

  function refused(message: string) {
    receiver = undefined
    stopCamera()
    setState({ step: 'refused', message })
  }

  async function showPreview(bundle: Bundle, transferId: number) {
    const found = await preview(bundle.workshopId, bundle.records)
    setState({ step: 'preview', bundle, transferId, preview: found })
  }

  async function onFile(file: File) {
    receiver = undefined
    stopCamera()
    const opened = await handoff.openFile(file)
    if (!opened.ok) return setState({ step: 'refused', message: opened.message })
    await showPreview(opened.bundle, opened.transferId)
  }

  async function mergeNow(shown: Extract<State, { step: 'preview' }>) {
    setBusy(true)
    try {
      const merged = await merge(shown.preview)
      if (joining()) {
        props.onJoined?.(shown.bundle.workshopId)
        return
      }
      const receipt = await handoff.receipt({ transferId: shown.transferId, deviceId: merged.deviceId, held: merged.held })
      setState({ step: 'merged', bundle: shown.bundle, summary: merged.summary, receipt })
    } catch {
      setState({ step: 'refused', message: 'The transfer could not be merged, so nothing was changed.' })
    } finally {
      setBusy(false)
    }
  }

  onMount(startScanning)
  onCleanup(() => {
    receiver = undefined
    stopCamera()
    cameraSession.release()
  })

  const workshopOf = (bundle: Bundle) =>
    bundle.records.find((record): record is Rec<'workshop'> => record.kind === 'workshop' && record.id === bundle.workshopId)

  return (
    <Overlay title={joining() ? 'Join a workshop' : 'Receive by QR'} onClose={props.onClose}>
      <div class="handoff-layout">
        <Switch>
          <Match when={state().step === 'scanning' && (state() as Extract<State, { step: 'scanning' }>)}>
            {scanning => (
              <>
                <div class="handoff-stage">
                  <div ref={camera} class="camera-view" />
                </div>
                <div class="handoff-side">
                  <p class="handoff-lede">
                    {joining()
                      ? 'Point the camera at the join code on the facilitator’s tablet (“Show join code”).'
                      : 'Point the camera at the other tablet’s code (“Share by QR”).'}
                  </p>
                  <p class="scan-progress" role="status">
                    {progressText(scanning().progress)}
                  </p>
                  <progress
                    class="scan-bar"
                    max={Math.max(1, scanning().progress?.total ?? 0)}
                    value={scanning().progress?.solved ?? 0}
                    aria-label="Fragments received"
                  />
                  <Show when={scanning().message}>
                    <ProblemText message={scanning().message} />
                  </Show>
                  <FileAndCancel />
                </div>
              </>
            )}
          </Match>
          <Match when={state().step === 'refused' && (state() as Extract<State, { step: 'refused' }>)}>
            {refusal => (
              <div class="handoff-side wide">
                <ProblemText message={refusal().message} />
                <div class="handoff-buttons">
                  <button type="button" class="button primary" onClick={startScanning}>
                    Scan again
                  </button>
                </div>
                <FileAndCancel />
              </div>
            )}
          </Match>
          <Match when={state().step === 'preview' && (state() as Extract<State, { step: 'preview' }>)}>
            {shown => {
              const workshop = () => workshopOf(shown().bundle)
              return (
                <div class="handoff-side wide">
                  <h3>
                    {joining()
                      ? `Join “${workshop()?.fields.title ?? 'Untitled workshop'}” (${formatDay(workshop()?.fields.date ?? '')})?`
                      : `From ${tabletName(shown().bundle.sender)}`}
                  </h3>
                  <HandoffPreviewSummary preview={shown().preview} />
                  <div class="dialog-actions">
                    <button type="button" class="button" onClick={() => props.onClose()}>
                      Cancel
                    </button>
                    <button
                      type="button"
                      class="button primary"
                      disabled={busy()}
                      onClick={() => void mergeNow(shown())}
                    >
                      {joining() ? 'Join workshop' : 'Merge into this tablet'}
                    </button>
                  </div>
                </div>
              )
            }}
          </Match>
          <Match when={state().step === 'merged' && (state() as Extract<State, { step: 'merged' }>)}>
            {merged => (
              <>
                <div class="handoff-stage">
                  <Show when={merged().receipt}>{text => <ReceiptQr text={text()} />}</Show>
                </div>
                <div class="handoff-side">
                  <p class="handoff-note" role="status">
                    {merged().summary.newCount} new and {merged().summary.changedCount} changed records from{' '}
                    {tabletName(merged().bundle.sender)} are now on this tablet.
                  </p>
                  <p>
                    Show this “received” code to the sending tablet: it taps “Scan the receipt”, and next time sends only
                    what this tablet lacks.
                  </p>
                  <div class="handoff-buttons">
                    <button type="button" class="button primary" onClick={startScanning}>
                      Receive from the next tablet
                    </button>
                    <button type="button" class="button" onClick={() => props.onClose()}>
                      Done
                    </button>
                  </div>
                </div>
              </>
            )}
          </Match>
        </Switch>
      </div>
    </Overlay>
  )

  function FileAndCancel() {
    return (
      <div class="handoff-buttons">
        <OpenHandoffFile onFile={file => void onFile(file)} />
        <button type="button" class="button" onClick={() => props.onClose()}>
          Cancel
        </button>
      </div>
    )
  }
}

/** The short, single "received" code. */
function ReceiptQr(props: { text: string }) {
  let canvas: HTMLCanvasElement | undefined
  onMount(() => {
    try {
      drawQr(canvas!, props.text, { maxSize: 320 })
    } catch {
      // No canvas (a test's DOM): the code's text is still on the canvas's data attribute.
    }
  })
  return (
    <figure class="animated-qr">
      <canvas ref={canvas} class="qr-canvas" role="img" aria-label="“Received” code for the sending tablet" data-receipt={props.text} />
      <figcaption class="frame-counter">received</figcaption>
    </figure>
  )
}
