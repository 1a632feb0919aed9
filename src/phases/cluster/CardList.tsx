import { For } from 'solid-js'
import type { Rec } from '../../domain/types'
import { CardTile } from './CardTile'
import type { ClusterKit } from './kit'

/** A list of cards on the board, keyed by record so a moved card only touches its own DOM. */
export function CardList(props: { cards: readonly Rec<'card'>[]; kit: ClusterKit; label: string }) {
  const dragging = (cardId: string) => props.kit.drag.dragged()?.cardIds.includes(cardId) ?? false
  return (
    <ul class="card-list" aria-label={props.label}>
      <For each={props.cards}>
        {card => (
          <CardTile
            card={card}
            author={props.kit.authorOf(card)}
            hypothesis={props.kit.hypothesisOf(card)}
            selected={props.kit.board.isSelected(card.id)}
            dragging={dragging(card.id)}
            onToggle={() => props.kit.board.toggle(card.id)}
            onPress={event => props.kit.press(event, card)}
          />
        )}
      </For>
    </ul>
  )
}

/** Said where the board is still drawing cards, so nobody takes a short list for the whole. */
export function MoreToCome(props: { count: number }) {
  return (
    <p class="more-to-come">
      {props.count} more {props.count === 1 ? 'card' : 'cards'} on their way…
    </p>
  )
}
