import { createSignal, createUniqueId, For, onMount, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { addCard, passOn } from '../../store/commands/ideation'
import { useCommand } from '../../store/context'
import { HypothesisChoice } from './HypothesisChoice'
import { IdeaCard } from './IdeaCard'
import { commitDraft, createStoredDraft } from '../../ui/draft'

interface SeatCardsProps {
  workshopId: string
  seatId: string
  name: string
  /** This seat's cards only. */
  cards: readonly Rec<'card'>[]
  hypotheses: readonly Rec<'hypothesis'>[]
  onPassed: () => void
}

/**
 * One person's turn with the tablet. What they type in "New card" is theirs until they add it,
 * and passing the tablet on adds it too: neither the time running out nor the handover loses it.
 */
export function SeatCards(props: SeatCardsProps) {
  const add = useCommand(addCard)
  const pass = useCommand(passOn)
  const draftId = createUniqueId()
  // Unfinished words stay with this seat on this tablet, through a reload or a crash.
  const [draft, setDraft] = createStoredDraft(`card:${props.workshopId}:${props.seatId}`)
  const [hypothesisId, setHypothesisId] = createSignal<string | null>(null)
  const [problem, setProblem] = createSignal('')
  const [busy, setBusy] = createSignal(false)
  let input: HTMLTextAreaElement | undefined

  onMount(() => input?.focus())

  async function addDraft() {
    const text = draft().trim()
    if (!text) {
      setProblem('Write an idea on the card before adding it.')
      return input?.focus()
    }
    setProblem('')
    input?.focus()
    await commitDraft(draft, setDraft, card => add(props.workshopId, props.seatId, { text: card, hypothesisId: hypothesisId() }))
  }

  async function passTheTabletOn() {
    if (busy()) return
    setBusy(true)
    try {
      await pass(props.workshopId, props.seatId, { text: draft(), hypothesisId: hypothesisId() })
      setDraft('')
      props.onPassed()
    } finally {
      setBusy(false)
    }
  }

  return (
    <div class="panel seat-cards" data-work-surface>
      <div class="seat-head">
        <div class="seat-intro">
          <h3>{props.name}’s cards</h3>
          <p class="muted">Only you see these. One idea per card: a milestone that would prove or validate a hypothesis.</p>
        </div>
        <div class="pass-on">
          <button
            type="button"
            class="button primary pass-on-button"
            disabled={busy()}
            onClick={() => void passTheTabletOn()}
          >
            Done — pass it on
          </button>
          <p class="muted">Your cards are then sealed: the next person sees only how many you wrote.</p>
        </div>
      </div>

      <form
        class="new-card"
        novalidate
        onSubmit={event => {
          event.preventDefault()
          void addDraft()
        }}
      >
        <div class="field new-card-text">
          <label for={draftId}>New card</label>
          <textarea
            id={draftId}
            ref={input}
            rows={3}
            maxLength={500}
            value={draft()}
            placeholder="e.g. Email a short feedback form after each match"
            aria-describedby={`${draftId}-help`}
            aria-invalid={problem() ? true : undefined}
            onInput={event => {
              setDraft(event.currentTarget.value)
              if (problem()) setProblem('')
            }}
            onKeyDown={event => {
              // Enter adds the card; Shift+Enter is a new line; an input method composing a word keeps its Enter.
              if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault()
                void addDraft()
              }
            }}
          />
          <span class="muted help" id={`${draftId}-help`}>
            Enter adds the card.
          </span>
        </div>
        <HypothesisChoice
          label="Hypothesis it would test"
          hypotheses={props.hypotheses}
          value={hypothesisId()}
          onChange={setHypothesisId}
        />
        <button type="submit" class="button primary add-card">
          Add card
        </button>
      </form>
      <p class="error" role="alert">
        {problem()}
      </p>

      <Show when={props.cards.length > 0} fallback={<p class="empty">No card yet. Write your first idea above.</p>}>
        <ol class="idea-cards" aria-label={`${props.name}’s cards`}>
          <For each={props.cards}>
            {(card, index) => <IdeaCard card={card} number={index() + 1} hypotheses={props.hypotheses} />}
          </For>
        </ol>
      </Show>

    </div>
  )
}
