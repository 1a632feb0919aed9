import { createEffect, createMemo, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { TextField } from '../../ui/TextField'
import { CardList, MoreToCome } from './CardList'
import { cardCount, milestoneDrop, type ClusterKit } from './kit'

interface MilestonePanelProps {
  milestone: Rec<'milestone'>
  /** Its number on the board, 1 for the oldest. */
  number: number
  /** How many of its cards are drawn while the board fills in; undefined once all are. */
  cardsShown?: number | undefined
  kit: ClusterKit
  /** Another milestone has the same title: flagged, never silently renamed. */
  duplicateTitle: boolean
  /** Just made: scrolled into view and marked, so the room sees where the cards went. */
  fresh: boolean
  onRename: (title: string) => void
  onSplit: (cardIds: readonly string[]) => void
  onMerge: () => void
  onRemove: () => void
}

/** One cluster: its title (from its first card, renamed by the room), its cards, and what can be done to it. */
export function MilestonePanel(props: MilestonePanelProps) {
  let panel: HTMLElement | undefined
  const cards = () => props.kit.board.cardsIn(props.milestone.id)
  const limit = createMemo(() => props.cardsShown)
  const shown = () => {
    const max = limit()
    return max === undefined || max >= cards().length ? cards() : cards().slice(0, max)
  }
  const selectedHere = () => cards().filter(card => props.kit.board.isSelected(card.id))
  const canSplit = () => selectedHere().length > 0 && selectedHere().length < cards().length
  const name = () => `milestone ${props.number}`

  createEffect(() => {
    if (props.fresh) panel?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' })
  })

  return (
    <section
      ref={panel}
      class="milestone-panel"
      classList={{ over: props.kit.drag.isOver(milestoneDrop(props.milestone.id)), fresh: props.fresh }}
      data-drop={milestoneDrop(props.milestone.id)}
      data-milestone-id={props.milestone.id}
      // Named on itself, not by its heading: a panel far off screen is not rendered (content-visibility),
      // and WebKit then finds no name in it.
      aria-label={`Milestone ${props.number}`}
    >
      <div class="milestone-head">
        <h4>Milestone {props.number}</h4>
        <span class="tag">{cardCount(cards().length)}</span>
      </div>
      {/* Several lines, so a long title shows whole on a narrow column; Enter ends the edit. */}
      <div class="milestone-title grow-text" onKeyDown={finishOnEnter}>
        <TextField
          label={`Milestone ${props.number} title`}
          hideLabel
          multiline
          value={props.milestone.fields.title}
          placeholder="Name this milestone"
          maxLength={200}
          onInput={title => props.onRename(title.replace(/\s*\n\s*/g, ' '))}
        />
      </div>
      <Show when={!props.milestone.fields.title.trim()}>
        <p class="milestone-flag">This milestone has no title yet.</p>
      </Show>
      <Show when={props.duplicateTitle}>
        <p class="milestone-flag">Another milestone has the same title: merge them, or tell them apart.</p>
      </Show>
      <Show
        when={cards().length > 0}
        fallback={
          <p class="milestone-empty">No cards yet. Drop cards here, or select cards and use “Add to…”.</p>
        }
      >
        <CardList cards={shown()} kit={props.kit} label={`Cards in milestone ${props.number}`} />
        <Show when={shown().length < cards().length}>
          <MoreToCome count={cards().length - shown().length} />
        </Show>
      </Show>
      <div class="milestone-actions">
        <Show when={canSplit()}>
          <button
            type="button"
            class="button"
            aria-label={`Split off ${selectedHere().length} selected from ${name()} into a new milestone`}
            onClick={() => props.onSplit(selectedHere().map(card => card.id))}
          >
            Split off {selectedHere().length} selected
          </button>
        </Show>
        <button
          type="button"
          class="button"
          aria-label={`Merge into… another milestone: ${name()}`}
          onClick={() => props.onMerge()}
        >
          Merge into…
        </button>
        <button
          type="button"
          class="button danger-quiet"
          aria-label={`Remove ${name()}`}
          onClick={() => props.onRemove()}
        >
          Remove
        </button>
      </div>
    </section>
  )
}

/** A title is one line: Enter leaves the field instead of starting a second line. */
function finishOnEnter(event: KeyboardEvent) {
  const field = event.target
  if (event.key === 'Enter' && field instanceof HTMLTextAreaElement) {
    event.preventDefault()
    field.blur()
  }
}
