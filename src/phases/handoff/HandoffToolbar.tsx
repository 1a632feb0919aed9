import { createSignal, lazy, Match, Suspense, Switch } from 'solid-js'
import type { Rec } from '../../domain/types'
import './handoff-toolbar.css'

// The QR and camera code loads only when a handoff starts: the first screen stays small.
const ShareView = lazy(() => import('./ShareView'))
const ReceiveView = lazy(() => import('./ReceiveView'))

type Open = 'share' | 'receive' | 'join' | null

/** The workshop's exchange buttons: share it, receive another tablet's copy, let tablets join. */
export function HandoffToolbar(props: { workshop: Rec<'workshop'> }) {
  const [open, setOpen] = createSignal<Open>(null)
  const close = () => setOpen(null)
  return (
    <div class="toolbar handoff-toolbar" role="group" aria-label="Exchange with other tablets">
      <button type="button" class="button" onClick={() => setOpen('share')}>
        Share by QR
      </button>
      <button type="button" class="button" onClick={() => setOpen('receive')}>
        Receive by QR
      </button>
      <button type="button" class="button" onClick={() => setOpen('join')}>
        Show join code
      </button>
      <Suspense>
        <Switch>
          <Match when={open() === 'share'}>
            <ShareView workshop={props.workshop} mode="share" onClose={close} />
          </Match>
          <Match when={open() === 'join'}>
            <ShareView workshop={props.workshop} mode="join" onClose={close} />
          </Match>
          <Match when={open() === 'receive'}>
            <ReceiveView workshop={props.workshop} onClose={close} />
          </Match>
        </Switch>
      </Suspense>
    </div>
  )
}
