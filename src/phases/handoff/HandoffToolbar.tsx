import { createEffect, createSignal, createUniqueId, lazy, Match, onCleanup, Suspense, Switch } from 'solid-js'
import type { Rec } from '../../domain/types'
import { readyScreenAwake } from '../../ui/wake'
import './handoff-toolbar.css'

// The QR and camera code loads only when a handoff starts: the first screen stays small.
const ShareView = lazy(() => import('./ShareView'))
const ReceiveView = lazy(() => import('./ReceiveView'))
const SwapView = lazy(() => import('./SwapView'))

type Open = 'share' | 'receive' | 'swap' | 'join' | null

const ACTIONS: readonly { open: Exclude<Open, null>; label: string }[] = [
  { open: 'join', label: 'Show join code' },
  { open: 'share', label: 'Share by QR' },
  { open: 'receive', label: 'Receive by QR' },
  { open: 'swap', label: 'Swap by QR' },
]

/**
 * The one "Share" button of the workshop bar: a disclosure of the exchanges with other tablets
 * (let them join, share, receive, or swap face to face). Chosen, an exchange opens full screen over everything.
 */
export function HandoffToolbar(props: { workshop: Rec<'workshop'> }) {
  const [open, setOpen] = createSignal<Open>(null)
  const [expanded, setExpanded] = createSignal(false)
  const menuId = createUniqueId()
  let root: HTMLDivElement | undefined
  let toggle: HTMLButtonElement | undefined
  const close = () => setOpen(null)
  const choose = (next: Exclude<Open, null>) => {
    // The code's screen loads first: the tap readies what keeps the screen on while it shows.
    if (next !== 'receive') readyScreenAwake()
    setExpanded(false)
    setOpen(next)
  }

  // Open, the menu leaves on Escape (focus back on "Share") or on a touch anywhere else.
  createEffect(() => {
    if (!expanded()) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      event.preventDefault()
      setExpanded(false)
      toggle?.focus()
    }
    const onPointerDown = (event: PointerEvent) => {
      if (!root?.contains(event.target as Node)) setExpanded(false)
    }
    document.addEventListener('keydown', onKeyDown)
    document.addEventListener('pointerdown', onPointerDown)
    onCleanup(() => {
      document.removeEventListener('keydown', onKeyDown)
      document.removeEventListener('pointerdown', onPointerDown)
    })
  })

  return (
    <div class="share-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        class="button share-toggle"
        aria-expanded={expanded()}
        aria-controls={menuId}
        onClick={() => setExpanded(!expanded())}
      >
        Share <span aria-hidden="true">▾</span>
      </button>
      <div id={menuId} class="share-panel" hidden={!expanded()}>
        <ul role="list" aria-label="Exchange with other tablets">
          {ACTIONS.map(action => (
            <li>
              <button type="button" class="share-item" onClick={() => choose(action.open)}>
                {action.label}
              </button>
            </li>
          ))}
        </ul>
      </div>
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
          <Match when={open() === 'swap'}>
            <SwapView workshop={props.workshop} onClose={close} />
          </Match>
        </Switch>
      </Suspense>
    </div>
  )
}
