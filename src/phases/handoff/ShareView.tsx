import { createEffect, createResource, createSignal, For, on, onCleanup, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { makeHandoff } from '../../exchange/handoff'
import { asHandoffFile } from '../../exchange/handoff-file'
import { thisDevice } from '../../store/commands/handoff'
import { useCommand, useLive } from '../../store/context'
import { knownPeers, recordsToShare } from '../../store/reads/handoff'
import { savedWords, type FileOut } from '../../ui/SaveFileButton'
import { keepScreenAwake } from '../../ui/wake'
import { AnimatedQr } from './AnimatedQr'
import { SaveHandoffFile } from './HandoffFiles'
import { Overlay } from './Overlay'
import { SlowerControl } from './SlowerControl'
import { ReceiptScan } from './ReceiptScan'
import { createQrRoom, shownOrProblem } from './room'
import { cameraScanner, formatDay, tabletName, type Scanner } from './scanner'

type Scope = 'everything' | { peer: string }

export interface ShareViewProps {
  workshop: Rec<'workshop'>
  /** 'share': a sealed handoff or broadcast; 'join': the join code, which carries the secret. */
  mode: 'share' | 'join'
  onClose: () => void
  scanner?: Scanner
}

/** Shows this tablet's workshop as an animated QR code, for another tablet's camera. */
export default function ShareView(props: ShareViewProps) {
  const readShare = useCommand(recordsToShare)
  const device = useCommand(thisDevice)
  const peers = useLive(
    () => (props.mode === 'share' ? props.workshop.id : null),
    (db, id) => (id ? knownPeers(db, id) : Promise.resolve([])),
  )
  const [scope, setScope] = createSignal<Scope>('everything')
  const [slower, setSlower] = createSignal(false)
  const [scanningReceipt, setScanningReceipt] = createSignal(false)
  const [note, setNote] = createSignal('')
  const maxSize = createQrRoom()
  // The workshop's keys, and what each transfer shown or saved here carried, for its receipt.
  const handoff = makeHandoff(
    props.mode === 'join' ? { mode: 'join' } : { mode: 'sealed', workshopId: props.workshop.id, secret: props.workshop.fields.secret },
  )

  // Opened by a tap (the share menu readied the video for it): the screen stays on while the code shows.
  onCleanup(keepScreenAwake())

  const chosen = async (current: Scope) => {
    const [records, sender] = await Promise.all([
      readShare({ workshopId: props.workshop.id, scope: props.mode === 'join' ? 'join' : current }),
      device(),
    ])
    return { workshopId: props.workshop.id, records, sender }
  }

  const [shared] = createResource(
    () => ({ scope: scope(), slower: slower() }),
    async ({ scope, slower }) => {
      const input = await chosen(scope)
      if (input.records.length === 0 && typeof scope === 'object') {
        return { problem: `Nothing to send: ${tabletName(scope.peer)} already holds everything on this tablet.` }
      }
      return handoff.share({ ...input, slower })
    },
  )
  const { shown, problem } = shownOrProblem(shared)

  createEffect(on(scope, () => setNote('')))

  // The same records as a file, made beforehand: an iPad opens its share sheet only straight from the tap.
  const [file] = createResource(scope, async current => {
    try {
      const made = await handoff.file({ ...(await chosen(current)), title: props.workshop.fields.title })
      return asHandoffFile(made.bytes, made.name)
    } catch {
      return null
    }
  })

  function fileDone(out: FileOut, name: string) {
    const opens = props.mode === 'join' ? '“Join a workshop”, then “Open a file”' : '“Receive by QR”, then “Open a file”'
    const then =
      out.outcome === 'saved'
        ? ` Send it to the other tablet, which opens it with ${opens}.`
        : out.outcome === 'shared'
          ? ` The other tablet opens it with ${opens}.`
          : ''
    setNote(savedWords(out, name) + then)
  }

  function onReceipt(deviceId: string, same: boolean) {
    setScanningReceipt(false)
    setNote(
      `Handoff done: ${tabletName(deviceId)} has received it.` +
        (same ? ' Both tablets now hold the same workshop.' : ' It also holds records this tablet does not have.'),
    )
  }

  const title = () =>
    props.mode === 'join'
      ? `Join code for “${props.workshop.fields.title}” (${formatDay(props.workshop.fields.date)})`
      : `Share “${props.workshop.fields.title}” by QR`

  return (
    <Overlay title={title()} onClose={props.onClose} closeLabel="Close">
      <div class="handoff-layout">
        <div class="handoff-stage">
          <Show when={!scanningReceipt()} fallback={
            <ReceiptScan
              workshopId={props.workshop.id}
              handoff={handoff}
              scanner={props.scanner ?? cameraScanner}
              onDone={onReceipt}
              onCancel={() => setScanningReceipt(false)}
            />
          }>
            <Show when={shown()} fallback={<p class="muted">{problem() || 'Preparing the code…'}</p>}>
              {current => <AnimatedQr transfer={current().transfer} fps={current().fps} maxSize={maxSize()} />}
            </Show>
          </Show>
        </div>
        <div class="handoff-side">
          <Show
            when={props.mode === 'join'}
            fallback={
              <p class="handoff-lede">
                On the other tablet, open this workshop and tap “Receive by QR”. Every tablet that scans this gets the
                workshop as it is now.
              </p>
            }
          >
            <p class="handoff-lede">
              On each new tablet, tap “Join a workshop” on the first screen and point it here. Anyone who sees this code can
              join: close it once everyone has.
            </p>
          </Show>
          <Show when={problem()}>
            <p class="error" role="alert">
              {problem()}
            </p>
          </Show>
          <Show when={note()}>
            <p class="handoff-note" role="status">
              {note()}
            </p>
          </Show>
          <div class="handoff-buttons">
            <Show when={props.mode === 'share'}>
              <button type="button" class="button" disabled={scanningReceipt()} onClick={() => setScanningReceipt(true)}>
                Scan the receipt
              </button>
            </Show>
            <SaveHandoffFile file={file() ?? null} onDone={fileDone} />
          </div>
          <Show when={props.mode === 'share' && (peers()?.length ?? 0) > 0}>
            <fieldset class="handoff-scope">
              <legend>Send</legend>
              <label class="choice">
                <input type="radio" name="share-scope" checked={scope() === 'everything'} onChange={() => setScope('everything')} />
                Everything
              </label>
              <For each={peers()}>
                {peer => (
                  <label class="choice">
                    <input
                      type="radio"
                      name="share-scope"
                      checked={typeof scope() === 'object' && (scope() as { peer: string }).peer === peer.deviceId}
                      onChange={() => setScope({ peer: peer.deviceId })}
                    />
                    Only what {tabletName(peer.deviceId)} lacks ({peer.lacking} {peer.lacking === 1 ? 'record' : 'records'})
                  </label>
                )}
              </For>
            </fieldset>
          </Show>
          <SlowerControl slower={slower()} onToggle={setSlower}>
            <Show when={shown()}>
              {current => (
                <p class="muted small">
                  {current().fps} frames a second · QR version {current().density.qrVersion} ·{' '}
                  {current().density.fragmentSize} bytes a frame
                </p>
              )}
            </Show>
            <p class="muted small">“Slower” shows sparser codes at 8 a second, for an old tablet or a poor camera.</p>
          </SlowerControl>
        </div>
      </div>
    </Overlay>
  )
}
