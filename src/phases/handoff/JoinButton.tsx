import { createSignal, lazy, Show, Suspense } from 'solid-js'

const ReceiveView = lazy(() => import('./ReceiveView'))

/** "Join a workshop": scans the facilitator's join code, then opens the workshop it brought. */
export function JoinButton(props: { onJoined: (workshopId: string) => void }) {
  const [open, setOpen] = createSignal(false)
  return (
    <>
      <button type="button" class="button" onClick={() => setOpen(true)}>
        Join a workshop
      </button>
      <Suspense>
        <Show when={open()}>
          <ReceiveView
            onClose={() => setOpen(false)}
            onJoined={id => {
              setOpen(false)
              props.onJoined(id)
            }}
          />
        </Show>
      </Suspense>
    </>
  )
}
