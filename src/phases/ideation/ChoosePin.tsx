import { createSignal, createUniqueId, onMount } from 'solid-js'
import { checkNewPin } from '../../domain/seat-pin'
import { PinField } from './PinField'

interface ChoosePinProps {
  name: string
  /** Seals the seat with this PIN; a rejection is shown and nothing is sealed. */
  onChoose: (pin: string) => Promise<void>
  onCancel: () => void
}

/**
 * The first "Done — pass it on" of a seat, when the workshop asks for seat PINs: the person
 * chooses four digits, twice, before their cards are sealed behind them.
 */
export function ChoosePin(props: ChoosePinProps) {
  const titleId = createUniqueId()
  const pinId = createUniqueId()
  const [pin, setPin] = createSignal('')
  const [again, setAgain] = createSignal('')
  const [problem, setProblem] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  let first: HTMLInputElement | undefined
  onMount(() => first?.focus())

  async function choose() {
    if (busy()) return
    const checked = checkNewPin(pin(), again())
    if (!checked.ok) {
      setProblem(checked.message)
      return first?.focus()
    }
    setBusy(true)
    try {
      await props.onChoose(pin())
    } catch (error) {
      setProblem(`${error instanceof Error ? error.message : String(error)} Nothing was sealed.`)
    } finally {
      setBusy(false)
    }
  }

  const onInput = (set: (value: string) => void) => (value: string) => {
    set(value)
    if (problem()) setProblem('')
  }

  return (
    <section class="panel choose-pin" aria-labelledby={titleId}>
      <h3 id={titleId}>{props.name}, choose your seat PIN</h3>
      <p class="muted">
        Four digits that only you know. Your cards are sealed behind them: to add more later, you will need this PIN.
      </p>
      <form
        novalidate
        onSubmit={event => {
          event.preventDefault()
          void choose()
        }}
      >
        <div class="pin-row">
          <PinField
            id={pinId}
            label="Seat PIN"
            value={pin()}
            problem={problem()}
            problemId={`${pinId}-problem`}
            ref={input => (first = input)}
            onInput={onInput(setPin)}
          />
          <PinField
            id={`${pinId}-again`}
            label="Same PIN again"
            value={again()}
            problem={problem()}
            problemId={`${pinId}-problem`}
            onInput={onInput(setAgain)}
          />
        </div>
        <p class="error" role="alert" id={`${pinId}-problem`}>
          {problem()}
        </p>
        <div class="seat-door-actions">
          <button type="button" class="button" onClick={() => props.onCancel()}>
            Back to my cards
          </button>
          <button type="submit" class="button primary" disabled={busy()}>
            Seal my cards with this PIN
          </button>
        </div>
      </form>
    </section>
  )
}
