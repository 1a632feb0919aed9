import { Show } from 'solid-js'
import type { Rec } from '../../domain/types'

interface CardTileProps {
  card: Rec<'card'>
  /** The author's name, or null while the workshop is anonymous. */
  author: string | null
  /** "H2", when the card was written for a hypothesis. */
  hypothesis: { label: string; text: string } | null
  selected: boolean
  onToggle: () => void
  /** A press that may become a drag of this card. */
  onPress: (event: PointerEvent) => void
  dragging: boolean
}

/**
 * One card on the board. A tap selects it (for the buttons that group selected cards); a drag
 * moves it: with a mouse from anywhere on the card, with a finger from its grip, so a finger
 * on the rest of the card still scrolls the list.
 */
export function CardTile(props: CardTileProps) {
  return (
    <li
      class="card-tile"
      classList={{ selected: props.selected, dragging: props.dragging }}
      data-card-id={props.card.id}
      onPointerDown={event => {
        const fromGrip = (event.target as Element).closest('.card-grip') !== null
        if (event.pointerType === 'mouse' || fromGrip) props.onPress(event)
      }}
    >
      <span class="card-grip" aria-hidden="true" title="Drag to a milestone">
        ⠿
      </span>
      <button type="button" class="card-body" aria-pressed={props.selected} onClick={() => props.onToggle()}>
        <span class="card-text">{props.card.fields.text}</span>
        <Show when={props.author !== null || props.hypothesis !== null}>
          <span class="card-meta">
            <Show when={props.author}>{author => <span class="card-author">{author()}</span>}</Show>
            <Show when={props.hypothesis}>
              {hypothesis => (
                <span class="tag" title={hypothesis().text}>
                  {hypothesis().label}
                </span>
              )}
            </Show>
          </span>
        </Show>
      </button>
    </li>
  )
}
