import { createEffect, createMemo, createSignal, For, onCleanup, Show } from 'solid-js'
import { suggestGroups, type SimilarText, type SuggestedGroup } from '../../domain/similarity'
import type { Rec } from '../../domain/types'
import { cardCount } from './kit'

/** Suggestions wait until the board has been still this long, so a drop never waits for them. */
const SETTLE_MS = 250
/** Beyond this, the oldest ungrouped cards are compared; the rest wait for the next round. */
const MAX_CARDS = 400
const SHOWN_AT_FIRST = 3
const TEXTS_PER_GROUP = 4

interface SuggestionSource {
  workshopId: () => string
  /** The ungrouped cards: only they are suggested. */
  cards: () => readonly Rec<'card'>[]
  /** True while a card is dragged: nothing is recomputed under the finger. */
  paused: () => boolean
}

/**
 * Groups of ungrouped cards that share words, worked out on this tablet once the board has
 * been still for a moment. Dismissing hides one for this session only: it is a view, not a
 * decision of the room, so nothing about it is stored with the workshop.
 */
export function createSuggestions(source: SuggestionSource) {
  const [input, setInput] = createSignal<SimilarText[] | null>(null)
  createEffect(() => {
    const cards = source
      .cards()
      .slice(0, MAX_CARDS)
      .map(card => ({ id: card.id, text: card.fields.text }))
    if (source.paused()) return
    const timer = setTimeout(() => setInput(cards), SETTLE_MS)
    onCleanup(() => clearTimeout(timer))
  })
  const groups = createMemo(() => {
    const cards = input()
    return cards ? suggestGroups(cards, { maxCards: MAX_CARDS }) : null
  })
  const texts = createMemo(() => new Map((input() ?? []).map(card => [card.id, card.text])))
  const [dismissed, setDismissed] = createSignal(loadDismissed(source.workshopId()))
  const open = createMemo(() => (groups() ?? []).filter(group => !dismissed().has(group.key)))
  return {
    /** Null until first worked out. */
    ready: () => groups() !== null,
    open,
    textOf: (cardId: string) => texts().get(cardId) ?? '',
    dismiss(group: SuggestedGroup) {
      const next = new Set(dismissed()).add(group.key)
      setDismissed(next)
      saveDismissed(source.workshopId(), next)
    },
  }
}

export type SuggestionModel = ReturnType<typeof createSuggestions>

/**
 * The suggested groups, each naming the words its cards share so the room can judge it at a
 * glance. Shown instead of the ungrouped cards (not above them), so a suggestion appearing
 * or going never moves a card from under a finger.
 */
export function SuggestionList(props: { model: SuggestionModel; onAccept: (group: SuggestedGroup) => void }) {
  const [showAll, setShowAll] = createSignal(false)
  const shown = () => (showAll() ? props.model.open() : props.model.open().slice(0, SHOWN_AT_FIRST))

  return (
    <section class="suggestions" aria-label="Suggested groups">
      <Show
        when={props.model.open().length > 0}
        fallback={<p class="muted">No suggestion: no two ungrouped cards share enough words.</p>}
      >
        <p class="muted suggestions-lede">Cards that share words. Accept a group to make it a milestone.</p>
        <ol class="suggestion-list">
          <For each={shown()}>
            {(group, index) => {
              const name = () => `suggested group ${index() + 1}`
              const extra = () => group.ids.length - TEXTS_PER_GROUP
              return (
                <li class="suggestion" aria-label={`Suggested group ${index() + 1}: ${cardCount(group.ids.length)}`}>
                  <p class="suggestion-shared">
                    <strong>shared:</strong> {group.shared.join(', ')}
                  </p>
                  <ul class="suggestion-cards">
                    <For each={group.ids.slice(0, TEXTS_PER_GROUP)}>{id => <li>{props.model.textOf(id)}</li>}</For>
                    <Show when={extra() > 0}>
                      <li class="muted">and {cardCount(extra())} more</li>
                    </Show>
                  </ul>
                  <div class="suggestion-actions">
                    <button
                      type="button"
                      class="button primary"
                      aria-label={`Accept ${name()}`}
                      onClick={() => props.onAccept(group)}
                    >
                      Accept
                    </button>
                    <button
                      type="button"
                      class="button"
                      aria-label={`Dismiss ${name()}`}
                      onClick={() => props.model.dismiss(group)}
                    >
                      Dismiss
                    </button>
                  </div>
                </li>
              )
            }}
          </For>
        </ol>
        <Show when={props.model.open().length > SHOWN_AT_FIRST}>
          <button type="button" class="button" onClick={() => setShowAll(all => !all)}>
            {showAll() ? 'Show fewer suggestions' : `Show all ${props.model.open().length} suggestions`}
          </button>
        </Show>
      </Show>
    </section>
  )
}

const storageKey = (workshopId: string) => `okra-harvest:dismissed-suggestions:${workshopId}`

/** Dismissals live in this tab's session only: they are a view, not a decision of the room. */
function loadDismissed(workshopId: string): ReadonlySet<string> {
  try {
    const stored = sessionStorage.getItem(storageKey(workshopId))
    const keys: unknown = stored ? JSON.parse(stored) : []
    return new Set(Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : [])
  } catch {
    return new Set()
  }
}

function saveDismissed(workshopId: string, keys: ReadonlySet<string>) {
  try {
    sessionStorage.setItem(storageKey(workshopId), JSON.stringify([...keys]))
  } catch {
    // Private browsing may refuse storage; the dismissal still holds until the screen closes.
  }
}
