import { onCleanup, onMount, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { makeSidewaysPanGuard } from '../../ui/drag'

interface ReadModeProps {
  cards: readonly Rec<'card'>[]
  /** The card being read, kept by the screen so switching to the board and back keeps the place. */
  index: number
  onIndex: (index: number) => void
  authorOf: (card: Rec<'card'>) => string | null
  hypothesisOf: (card: Rec<'card'>) => { label: string; text: string } | null
  /** The title of the card's milestone, or null while it is ungrouped. */
  milestoneOf: (card: Rec<'card'>) => string | null
}

/** A swipe shorter than this is a tap, not a turn of the page. */
const SWIPE_PX = 60

/**
 * "Tell": the cards one at a time, in type large enough to read across a table. Next and
 * Previous by button, arrow key or swipe.
 */
export function ReadMode(props: ReadModeProps) {
  const total = () => props.cards.length
  // A card removed on another tablet must not leave the reader past the end.
  const index = () => Math.max(0, Math.min(props.index, total() - 1))
  const current = () => props.cards[index()]
  const go = (step: number) => props.onIndex(Math.max(0, Math.min(total() - 1, index() + step)))

  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null
    if (target?.closest('input, textarea, select, [contenteditable], [role="dialog"], [role="alertdialog"]')) return
    if (event.key === 'ArrowRight') {
      event.preventDefault()
      go(1)
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault()
      go(-1)
    }
  }
  onMount(() => window.addEventListener('keydown', onKey))
  onCleanup(() => window.removeEventListener('keydown', onKey))

  let swipe: { id: number; x: number; y: number } | null = null
  const onPointerDown = (event: PointerEvent) => {
    swipe = { id: event.pointerId, x: event.clientX, y: event.clientY }
  }
  const onPointerUp = (event: PointerEvent) => {
    if (!swipe || swipe.id !== event.pointerId) return
    const dx = event.clientX - swipe.x
    const dy = event.clientY - swipe.y
    swipe = null
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy)) go(dx < 0 ? 1 : -1)
  }

  return (
    <Show when={current()} fallback={<p class="empty">No card was written in this workshop.</p>}>
      {card => (
        <section class="read-mode" aria-label="Read the cards one by one">
          <p class="read-position" aria-live="polite">
            Card {index() + 1} of {total()}
          </p>
          <article
            ref={element => onCleanup(makeSidewaysPanGuard(element))}
            class="read-card"
            onPointerDown={onPointerDown}
            onPointerUp={onPointerUp}
            onPointerCancel={() => (swipe = null)}
          >
            <p class="read-text">{card().fields.text}</p>
            <Show when={props.authorOf(card())}>{author => <p class="read-author">— {author()}</p>}</Show>
            <Show when={props.hypothesisOf(card())}>
              {hypothesis => (
                <p class="read-hypothesis">
                  <span class="tag">{hypothesis().label}</span> {hypothesis().text}
                </p>
              )}
            </Show>
            <p class="read-place muted">
              {props.milestoneOf(card()) === null ? 'Not grouped yet' : `In “${props.milestoneOf(card())}”`}
            </p>
          </article>
          <div class="read-nav">
            <button type="button" class="button" disabled={index() === 0} onClick={() => go(-1)}>
              <span aria-hidden="true">←</span> Previous
            </button>
            <button type="button" class="button primary" disabled={index() >= total() - 1} onClick={() => go(1)}>
              Next <span aria-hidden="true">→</span>
            </button>
          </div>
        </section>
      )}
    </Show>
  )
}
