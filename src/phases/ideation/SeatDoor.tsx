import { createSignal, createUniqueId, onMount, Show } from 'solid-js'
import { checkPin } from '../../domain/seat-pin'
import { PinField } from './PinField'

interface SeatDoorProps {
  name: string
  /** How many cards wait behind the door: a public count, never their words. */
  count: number
  /** The seat has a PIN, so the door asks for it. */
  pinned: boolean
  /** Whether the PIN opens this seat; checked against its stored hash. */
  tryPin: (pin: string) => Promise<boolean>
  onOpen: () => void
  onBack: () => void
}

/**
 * Between a tap on a sealed seat and that person's cards. A tap alone opens nothing: the
 * screen names who should hold the tablet, and only a second, explicit button (with the PIN,
 * when the seat has one) opens it. No card text is on the page until then.
 */
export function SeatDoor(props: SeatDoorProps) {
  const titleId = createUniqueId()
  const pinId = createUniqueId()
  const [pin, setPin] = createSignal('')
  const [problem, setProblem] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  let heading: HTMLHeadingElement | undefined
  let pinInput: HTMLInputElement | undefined
  onMount(() => heading?.focus())

  async function open() {
    if (busy()) return
    if (!props.pinned) return props.onOpen()
    const checked = checkPin(pin())
    if (!checked.ok) {
      setProblem(checked.message)
      return pinInput?.focus()
    }
    setBusy(true)
    try {
      if (await props.tryPin(pin())) return props.onOpen()
      setPin('')
      setProblem(`That PIN does not open ${props.name}’s seat. Nothing was opened: try again.`)
      pinInput?.focus()
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section class="privacy-screen seat-door" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1} class="privacy-title">
        Hand the tablet to {props.name} — only {props.name} should look
      </h3>
      <p class="privacy-message">
        {props.count === 0
          ? `${props.name} has an unfinished card.`
          : `${props.name}’s ${props.count === 1 ? 'card is' : `${props.count} cards are`} sealed.`}{' '}
        {props.pinned ? `The seat opens with ${props.name}’s PIN.` : `Open the seat only if you are ${props.name}.`}
      </p>
      <form
        class="seat-door-form"
        novalidate
        onSubmit={event => {
          event.preventDefault()
          void open()
        }}
      >
        <Show when={props.pinned}>
          <PinField
            id={pinId}
            label={`${props.name}’s seat PIN`}
            value={pin()}
            problem={problem()}
            problemId={`${pinId}-problem`}
            ref={input => (pinInput = input)}
            onInput={value => {
              setPin(value)
              if (problem()) setProblem('')
            }}
          />
        </Show>
        <p class="error" role="alert" id={`${pinId}-problem`}>
          {problem()}
        </p>
        <div class="seat-door-actions">
          <button type="button" class="button" onClick={() => props.onBack()}>
            Back to the seats
          </button>
          <button type="submit" class="button primary" disabled={busy()}>
            I am {props.name} — open my cards
          </button>
        </div>
      </form>
      <Show when={props.pinned}>
        <p class="muted seat-door-note">
          Forgot the PIN? Nothing is lost: every card is shown to the room when the cards are revealed in Read &amp;
          cluster.
        </p>
      </Show>
    </section>
  )
}
