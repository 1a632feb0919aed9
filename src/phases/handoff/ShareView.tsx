import { createEffect, createMemo, createResource, createSignal, For, on, onCleanup, onMount, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { holdingsDigest, holdingsOf, type Holdings } from '../../exchange/delta'
import { handoffFileName, saveHandoffFile } from '../../exchange/handoff-file'
import { deriveSession } from '../../exchange/keys'
import { sealBundle } from '../../exchange/codec'
import { ExchangeError } from '../../exchange/refusal'
import { DEFAULT_DENSITY, DENSITIES, JOIN_SESSION, makeBundle, makeTransfer, type Transfer } from '../../exchange/transfer'
import { newTransferId } from '../../exchange/wire'
import { thisDevice } from '../../store/commands/handoff'
import { useCommand, useLive } from '../../store/context'
import { knownPeers, recordsToShare } from '../../store/reads/handoff'
import { AnimatedQr, holdWakeLock } from './AnimatedQr'
import { Overlay } from './Overlay'
import { ReceiptScan } from './ReceiptScan'
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
  const [density, setDensity] = createSignal(DEFAULT_DENSITY)
  const [fps, setFps] = createSignal(8)
  const [scanningReceipt, setScanningReceipt] = createSignal(false)
  const [note, setNote] = createSignal('')
  const [maxSize, setMaxSize] = createSignal(qrRoom())
  /** What each transfer shown (or file saved) here carried, so a receipt can say what its tablet holds. */
  const sent = new Map<number, Holdings>()

  const onResize = () => setMaxSize(qrRoom())
  onMount(() => window.addEventListener('resize', onResize))
  onCleanup(() => window.removeEventListener('resize', onResize))
  onCleanup(holdWakeLock())

  const session = () =>
    props.mode === 'join' ? Promise.resolve(JOIN_SESSION) : deriveSession(props.workshop.id, props.workshop.fields.secret)

  const [bundle] = createResource(
    () => ({ scope: scope() }),
    async ({ scope }) => {
      const [records, sender] = await Promise.all([
        readShare({ workshopId: props.workshop.id, scope: props.mode === 'join' ? 'join' : scope }),
        device(),
      ])
      return { bundle: makeBundle({ workshopId: props.workshop.id, sender, records }), records }
    },
  )

  const [transfer] = createResource(
    () => {
      const made = bundle()
      return made ? { made, density: density() } : undefined
    },
    async ({ made, density }): Promise<Transfer | { problem: string }> => {
      const current = scope()
      if (made.records.length === 0 && typeof current === 'object') {
        return { problem: `Nothing to send: ${tabletName(current.peer)} already holds everything on this tablet.` }
      }
      try {
        const fragmentSize = DENSITIES[density]!.fragmentSize
        const input =
          props.mode === 'join'
            ? ({ mode: 'join', bundle: made.bundle } as const)
            : ({ mode: 'sealed', bundle: made.bundle, secret: props.workshop.fields.secret } as const)
        const shown = await makeTransfer(input, { fragmentSize })
        sent.set(shown.transferId, holdingsOf(made.records))
        return shown
      } catch (error) {
        return { problem: error instanceof ExchangeError ? error.message : 'This workshop cannot be shown as a QR code. Save it as a file.' }
      }
    },
  )
  const shownTransfer = createMemo(() => {
    const current = transfer()
    return current && 'k' in current ? current : undefined
  })
  const problem = () => {
    const current = transfer()
    return current && 'problem' in current ? current.problem : ''
  }

  createEffect(on(scope, () => setNote('')))

  async function saveFile() {
    const made = bundle()
    if (!made) return
    const transferId = newTransferId()
    const bytes = await sealBundle(made.bundle, await session(), transferId)
    sent.set(transferId, holdingsOf(made.records))
    const outcome = await saveHandoffFile(bytes, handoffFileName(props.workshop.fields.title, props.mode === 'join' ? 'join' : 'handoff'))
    if (outcome === 'saved') setNote('The file is in this tablet’s downloads: send it to the other tablet, which opens it with “Open a file”.')
  }

  async function onReceipt(deviceId: string, digest: string) {
    setScanningReceipt(false)
    const mine = await holdingsDigest(holdingsOf(bundle()?.records ?? []))
    setNote(
      `Handoff done: ${tabletName(deviceId)} has received it.` +
        (digest === mine ? ' Both tablets now hold the same workshop.' : ' It also holds records this tablet does not have.'),
    )
  }

  const densityInfo = () => DENSITIES[density()]!
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
              workshop={props.workshop}
              sent={sent}
              scanner={props.scanner ?? cameraScanner}
              onDone={(deviceId, digest) => void onReceipt(deviceId, digest)}
              onCancel={() => setScanningReceipt(false)}
            />
          }>
            <Show when={shownTransfer()} fallback={<p class="muted">{problem() || 'Preparing the code…'}</p>}>
              {current => <AnimatedQr transfer={current()} fps={fps()} maxSize={maxSize()} />}
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
            <button type="button" class="button" disabled={!bundle()} onClick={() => void saveFile()}>
              Save as file
            </button>
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
          <div class="handoff-control">
            <label for="share-speed">Speed: {fps()} frames a second</label>
            <input
              id="share-speed"
              type="range"
              min="4"
              max="12"
              step="1"
              value={fps()}
              onInput={event => setFps(Number(event.currentTarget.value))}
            />
          </div>
          <div class="handoff-control">
            <span id="share-density">
              QR version {densityInfo().qrVersion} · {densityInfo().fragmentSize} bytes a frame
            </span>
            <div class="handoff-buttons" role="group" aria-labelledby="share-density">
              <button type="button" class="button" disabled={density() === 0} onClick={() => setDensity(density() - 1)}>
                Sparser
              </button>
              <button
                type="button"
                class="button"
                disabled={density() === DENSITIES.length - 1}
                onClick={() => setDensity(density() + 1)}
              >
                Denser
              </button>
            </div>
            <p class="muted small">Sparser codes read better on a poor camera; denser ones finish sooner.</p>
          </div>
        </div>
      </div>
    </Overlay>
  )
}

/** The largest code the screen has room for beside (landscape) or above (portrait) the controls. */
function qrRoom(): number {
  const width = window.innerWidth || 1024
  const height = window.innerHeight || 768
  return width > height ? Math.min(width - 380, height - 110) : Math.min(width - 40, height - 420)
}

