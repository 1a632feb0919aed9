import { createResource, createSignal, Match, Show, Switch, type JSX } from 'solid-js'
import { cameraPermission, tryCamera } from '../../exchange/camera'
import { formatBytes, requestPersistentStorage, storageHealth } from '../../store/persist'
import { Dialog } from '../../ui/Dialog'
import { ProblemText } from '../handoff/ProblemText'
import { screenKeeper, type AwakeHow } from '../../ui/wake'
import './tablet-health.css'

/** Whether the app runs from the Home Screen (an installed web app), not in a browser tab. */
export function isInstalled(): boolean {
  const standalone = typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches
  return standalone || (navigator as { standalone?: boolean }).standalone === true
}

/**
 * "This tablet": whether the app is installed, its data kept, how much it holds, the camera
 * allowed and the screen kept on, each in plain words with the one action that fixes it.
 */
export default function TabletHealth(props: { onClose: () => void }) {
  const installed = isInstalled()
  const [storage, { refetch: readStorage }] = createResource(() => storageHealth())
  const [camera, { mutate: setCamera }] = createResource(() => cameraPermission())
  const [keepNote, setKeepNote] = createSignal('')
  const [cameraNote, setCameraNote] = createSignal<{ ok: boolean; text: string } | null>(null)
  const [trying, setTrying] = createSignal(false)
  const [checking, setChecking] = createSignal(false)
  const keeper = screenKeeper()

  async function keepData() {
    const kept = await requestPersistentStorage()
    await readStorage()
    setKeepNote(
      kept
        ? 'Done: the browser will keep this tablet’s data.'
        : 'The browser said no. Add the app to the Home Screen (above), and save a backup file after each session.',
    )
  }

  async function checkCamera() {
    setTrying(true)
    try {
      const result = await tryCamera()
      setCameraNote(result.ok ? { ok: true, text: 'The camera works.' } : { ok: false, text: result.message })
      setCamera(await cameraPermission())
    } finally {
      setTrying(false)
    }
  }

  function checkScreen() {
    setChecking(true)
    // Started within this tap: a video that keeps the screen on may only start from one.
    void keeper.check().finally(() => setChecking(false))
  }

  return (
    <Dialog title="This tablet" onClose={props.onClose}>
      <ul class="health-list" aria-label="How this tablet keeps the workshop">
        <Item title="Installed" good={installed}>
          <Show
            when={installed}
            fallback={
              <>
                <p>Not installed: the app runs in a browser tab.</p>
                <p class="health-fix">
                  <strong>Add to Home Screen so your data is kept.</strong> An iPad clears a website’s data after 7 days
                  without use; an app on the Home Screen keeps it.
                </p>
                <ul class="health-steps">
                  <li>On an iPad, in Safari: tap Share (the square with an arrow) › Add to Home Screen › Add.</li>
                  <li>On Android, in Chrome: tap the menu ⋮ › Add to Home screen (or Install app) › Install.</li>
                </ul>
                <p class="muted small">Then open the app from its icon; its data stays with the browser it was added from.</p>
              </>
            }
          >
            <p>Yes: the app opens from the Home Screen.</p>
          </Show>
        </Item>

        <Item title="Data kept on this tablet" good={storage()?.persistence === 'persistent'}>
          <Switch fallback={<p>Checking…</p>}>
            <Match when={storage()?.persistence === 'persistent'}>
              <p>Yes: the browser will not clear it to free space.</p>
            </Match>
            <Match when={storage()?.persistence === 'may be cleared'}>
              <p>Not promised: the browser may clear it when the tablet runs short of space.</p>
            </Match>
            <Match when={storage()?.persistence === 'unknown'}>
              <p>
                This browser cannot promise to keep it. Add the app to the Home Screen, and save a backup file after each
                session.
              </p>
            </Match>
          </Switch>
          <Show when={storage()?.canAsk && storage()?.persistence !== 'persistent'}>
            <button type="button" class="button" onClick={() => void keepData()}>
              Keep data on this tablet
            </button>
          </Show>
          <Show when={keepNote()}>
            <p role="status">{keepNote()}</p>
          </Show>
        </Item>

        <Item title="Space used">
          <Show when={storage()} fallback={<p>Checking…</p>}>
            {found => (
              <Show when={found().usage !== undefined} fallback={<p>This browser does not say.</p>}>
                <p>
                  {formatBytes(found().usage!)} used
                  <Show when={found().quota}>{quota => <> of about {formatBytes(quota())} it allows</>}</Show>.
                </p>
              </Show>
            )}
          </Show>
        </Item>

        <Item title="Camera" good={camera() === 'granted' || cameraNote()?.ok === true}>
          <Show when={!cameraNote()}>
            <Switch fallback={<p>Checking…</p>}>
              <Match when={camera() === 'granted'}>
                <p>Allowed.</p>
              </Match>
              <Match when={camera() === 'denied'}>
                <p>Blocked: this tablet cannot scan codes until the camera is allowed.</p>
              </Match>
              <Match when={camera() === 'prompt' || camera() === 'unknown'}>
                <p>Asked when you scan.</p>
              </Match>
            </Switch>
          </Show>
          <Show when={cameraNote()}>
            {note => (
              <Show when={note().ok} fallback={<ProblemText message={note().text} />}>
                <p role="status">{note().text}</p>
              </Show>
            )}
          </Show>
          <button type="button" class="button" disabled={trying()} onClick={() => void checkCamera()}>
            Try the camera
          </button>
        </Item>

        <Item title="Screen kept on" good={keeper.last() === 'wake lock' || keeper.last() === 'video'}>
          <p>{screenWords(keeper.last())}</p>
          <Show when={keeper.last() === 'not possible'}>
            <p class="health-fix">
              Set the screen to stay on longer while you send: on an iPad, Settings › Display &amp; Brightness › Auto-Lock;
              on Android, Settings › Display › Screen timeout.
            </p>
          </Show>
          <button type="button" class="button" disabled={checking()} onClick={checkScreen}>
            Check the screen
          </button>
        </Item>
      </ul>
      <div class="dialog-actions">
        <button type="button" class="button primary" onClick={() => props.onClose()}>
          Close
        </button>
      </div>
    </Dialog>
  )
}

function screenWords(how: AwakeHow | undefined): string {
  switch (how) {
    case 'wake lock':
      return 'Yes: the browser keeps the screen on while a code shows or a time-box runs.'
    case 'video':
      return 'Yes: a tiny silent video keeps the screen on while a code shows or a time-box runs (this browser refuses the usual way).'
    case 'not possible':
      return 'No: this browser lets the screen dim, even while a code shows.'
    default:
      return 'Not checked yet: “Check the screen” tries it for a moment.'
  }
}

function Item(props: { title: string; good?: boolean; children: JSX.Element }) {
  return (
    <li class="health-item" classList={{ 'health-good': props.good === true }}>
      <h3>
        <span class="health-mark" aria-hidden="true">
          {props.good ? '✓' : '•'}
        </span>{' '}
        {props.title}
      </h3>
      {props.children}
    </li>
  )
}
