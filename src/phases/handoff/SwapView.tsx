import { createResource, createSignal, onCleanup, onMount, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { openCameraSession } from '../../exchange/camera'
import { asHandoffFile } from '../../exchange/handoff-file'
import { holdsTheSame, makeHandoff, type Bundle, type IncomingTransfer, type ReceiveProgress } from '../../exchange/handoff'
import type { IncomingSummary as Summary } from '../../store/commands/incoming'
import { mergeHandoff, recordReceipt, thisDevice } from '../../store/commands/handoff'
import { useCommand } from '../../store/context'
import { previewHandoff, recordsToShare, type HandoffPreview } from '../../store/reads/handoff'
import { savedWords, type FileOut } from '../../ui/SaveFileButton'
import { keepScreenAwake } from '../../ui/wake'
import { AnimatedQr } from './AnimatedQr'
import { OpenHandoffFile, SaveHandoffFile } from './HandoffFiles'
import { HandoffPreviewSummary } from './IncomingSummary'
import { Overlay } from './Overlay'
import { ProblemText } from './ProblemText'
import { SlowerControl } from './SlowerControl'
import { createQrRoom, shownOrProblem } from './room'
import { cameraScanner, progressText, tabletName, type Scanner } from './scanner'

export interface SwapViewProps {
  workshop: Rec<'workshop'>
  onClose: () => void
  scanner?: Scanner
}

interface Received {
  readonly bundle: Bundle
  readonly transferId: number
  readonly preview: HandoffPreview
  /** Opened from the other tablet's file rather than read off its screen: no receipt code will come back. */
  readonly byFile?: boolean
}

interface Merged {
  readonly sender: string
  readonly summary: Summary
  /** This tablet's "received" code for the other's transfer, shown among its own frames. */
  readonly receipt: string | null
}

/**
 * Two tablets face to face, both ways at once: this tablet shows its workshop as an animated
 * code and, with the front camera (on the screen's side), reads the other's. The other's
 * records are previewed beside the code and merged on the person's word; then this tablet's
 * "received" code runs among its own frames, and the swap is done once the other's receipt
 * of this tablet's transfer has been read too.
 */
export default function SwapView(props: SwapViewProps) {
  const readShare = useCommand(recordsToShare)
  const device = useCommand(thisDevice)
  const preview = useCommand(previewHandoff)
  const merge = useCommand(mergeHandoff)
  const remember = useCommand(recordReceipt)
  const handoff = makeHandoff({ mode: 'sealed', workshopId: props.workshop.id, secret: props.workshop.fields.secret })
  const [slower, setSlower] = createSignal(false)
  const maxSize = createQrRoom(0.85)
  const [progress, setProgress] = createSignal<ReceiveProgress | null>(null)
  const [message, setMessage] = createSignal('')
  const [received, setReceived] = createSignal<Received | null>(null)
  const [merged, setMerged] = createSignal<Merged | null>(null)
  /** The other tablet's receipt of this tablet's transfer. */
  const [confirmed, setConfirmed] = createSignal<{ deviceId: string; same: boolean } | null>(null)
  const [busy, setBusy] = createSignal(false)
  let camera: HTMLDivElement | undefined
  let stopCamera = () => {}
  const cameraSession = openCameraSession()
  const receiver: IncomingTransfer = handoff.receive({ receipts: true })

  // Opened by a tap (the share menu readied the video for it): the screen stays on while the code shows.
  onCleanup(keepScreenAwake())

  // An object, not the flag itself: a resource whose source is false never loads.
  const [shared] = createResource(() => ({ slower: slower() }), async ({ slower }) => {
    const [records, sender] = await Promise.all([readShare({ workshopId: props.workshop.id, scope: 'everything' }), device()])
    return handoff.share({ workshopId: props.workshop.id, sender, records, slower })
  })
  const { shown, problem } = shownOrProblem(shared)

  // Where a camera fails, the same swap by file: this tablet's records, made beforehand so the
  // share sheet opens straight from the tap, and the other's file opened here.
  const [file] = createResource(async () => {
    try {
      const [records, sender] = await Promise.all([readShare({ workshopId: props.workshop.id, scope: 'everything' }), device()])
      const made = await handoff.file({ workshopId: props.workshop.id, title: props.workshop.fields.title, sender, records })
      return asHandoffFile(made.bytes, made.name)
    } catch {
      return null
    }
  })
  const [fileNote, setFileNote] = createSignal('')

  function fileDone(out: FileOut, name: string) {
    setFileNote(savedWords(out, name, 'The other tablet opens it with “Open a file” here.'))
  }

  async function onFile(chosen: File) {
    if (received()) return
    try {
      const opened = await handoff.openFile(chosen)
      if (!opened.ok) return setMessage(opened.message)
      setMessage('')
      const found = await preview(opened.bundle.workshopId, opened.bundle.records)
      if (!received()) setReceived({ bundle: opened.bundle, transferId: opened.transferId, preview: found, byFile: true })
    } catch {
      setMessage('This file could not be opened. Nothing was changed.')
    }
  }

  /** Texts are taken one after the other, so progress never steps back. */
  let taking: Promise<void> = Promise.resolve()
  function onText(text: string) {
    const at = performance.now()
    taking = taking
      .then(() => take(text, at))
      .catch(() => {
        setMessage('This code could not be read. Nothing was changed.')
      })
  }

  async function take(text: string, at: number): Promise<void> {
    const step = await receiver.push(text, at)
    if (step.status === 'receipt') {
      if (confirmed()) return
      const taken = step.receipt
      if (!taken.ok) {
        setMessage(taken.message)
        return
      }
      const mine = await remember({ workshopId: props.workshop.id, deviceId: taken.deviceId, held: taken.held })
      setConfirmed({ deviceId: taken.deviceId, same: await holdsTheSame(taken, mine) })
    } else if (received()) {
      // The other's records are here: its frames go on running, and are no news.
    } else if (step.status === 'progress') {
      setProgress(step.progress)
      setMessage('')
    } else if (step.status === 'rejected') {
      if (step.tell) setMessage(step.message)
    } else if (step.status === 'failed') {
      setMessage(step.message)
    } else if (step.status === 'done') {
      setMessage('')
      const found = await preview(step.bundle.workshopId, step.bundle.records)
      setReceived({ bundle: step.bundle, transferId: step.transferId, preview: found })
    }
  }

  async function mergeNow(current: Received) {
    setBusy(true)
    try {
      const done = await merge(current.preview)
      const receipt = await handoff.receipt({ transferId: current.transferId, deviceId: done.deviceId, held: done.held })
      setMerged({ sender: current.bundle.sender, summary: done.summary, receipt })
    } catch {
      setMessage('The transfer could not be merged, so nothing was changed.')
    } finally {
      setBusy(false)
    }
  }

  onMount(() => {
    stopCamera = (props.scanner ?? cameraScanner)(camera!, onText, setMessage, { facing: 'user', camera: cameraSession })
  })
  onCleanup(() => {
    stopCamera()
    cameraSession.release()
  })

  const status = () => {
    const done = merged()
    const theirs = confirmed()
    if (done && theirs) return 'Swap done: both tablets hold both sets of records.'
    const parts: string[] = []
    if (done) {
      parts.push(
        `${done.summary.newCount} new and ${done.summary.changedCount} changed records from ${tabletName(done.sender)} are now on this tablet.`,
      )
    } else if (!received()) parts.push(progressText(progress()))
    if (theirs) parts.push(`${tabletName(theirs.deviceId)} has received this tablet’s records.`)
    else if (done && received()?.byFile) parts.push('To finish the swap, the other tablet opens this tablet’s file (“Save as file” here).')
    else if (done) parts.push('Waiting for the other tablet to read this one’s “received” code…')
    return parts.join(' ')
  }

  return (
    <Overlay title="Swap with another tablet" onClose={props.onClose} closeLabel="Close">
      <div class="handoff-layout">
        <div class="handoff-stage" data-receipt={merged()?.receipt ?? undefined}>
          <Show when={shown()} fallback={<p class="muted">{problem() || 'Preparing the code…'}</p>}>
            {current => (
              <AnimatedQr
                transfer={current().transfer}
                fps={current().fps}
                maxSize={maxSize()}
                interleave={merged()?.receipt ?? undefined}
              />
            )}
          </Show>
        </div>
        <div class="handoff-side">
          <p class="handoff-lede">
            Hold the two tablets face to face, screens toward each other, an arm’s length apart. Each shows its code and
            reads the other’s with its front camera.
          </p>
          <div ref={camera} class="camera-view swap-camera" />
          <p class={merged() || confirmed() ? 'handoff-note' : 'scan-progress'} role="status">
            {status()}
          </p>
          <Show when={!received() && (progress()?.total ?? 0) > 0}>
            <progress class="scan-bar" max={progress()!.total} value={progress()!.solved} aria-label="Fragments received" />
          </Show>
          <Show when={message()}>
            <ProblemText message={message()} />
          </Show>
          <Show when={!merged() && received()}>
            {current => (
              <div class="swap-preview">
                <h3>From {tabletName(current().bundle.sender)}</h3>
                <HandoffPreviewSummary preview={current().preview} />
                <div class="handoff-buttons">
                  <button type="button" class="button primary" disabled={busy()} onClick={() => void mergeNow(current())}>
                    Merge into this tablet
                  </button>
                </div>
              </div>
            )}
          </Show>
          <div class="swap-file">
            <p class="muted small">No camera? Send this tablet’s records as a file, and open the other’s.</p>
            <div class="handoff-buttons">
              <SaveHandoffFile file={file() ?? null} onDone={fileDone} />
              <OpenHandoffFile disabled={!!received()} onFile={chosen => void onFile(chosen)} />
            </div>
            <Show when={fileNote()}>
              <p class="handoff-note" role="status">
                {fileNote()}
              </p>
            </Show>
          </div>
          <SlowerControl slower={slower()} onToggle={setSlower} />
        </div>
      </div>
    </Overlay>
  )
}
