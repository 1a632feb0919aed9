import { createUniqueId, For, Show } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { Rec } from '../domain/types'
import './seats.css'

export interface SeatPickerProps {
  /** The question, e.g. "Who is holding the tablet?". */
  title: string
  participants: readonly Rec<'participant'>[]
  onPick: (participantId: string) => void
  /** A short public line under a name, e.g. "3 cards" or "voted": never anything private. */
  detail?: (participantId: string) => string | undefined
  /** The heading level of the question within its screen. */
  level?: 3 | 4
}

/** One big button per person, for a tablet passed around the room: the holder taps their name. */
export function SeatPicker(props: SeatPickerProps) {
  const titleId = createUniqueId()
  return (
    <div class="seat-picker" role="group" aria-labelledby={titleId}>
      <Dynamic component={props.level === 4 ? 'h4' : 'h3'} id={titleId} class="seat-title">
        {props.title}
      </Dynamic>
      <Show
        when={props.participants.length > 0}
        fallback={<p class="empty">No one is on the roster yet. Add the participants in Prepare.</p>}
      >
        <ul class="seats">
          <For each={props.participants}>
            {participant => {
              const detailId = createUniqueId()
              const detail = () => props.detail?.(participant.id)
              return (
                // The detail sits on the tile but outside the button: the button's words are its whole name.
                <li class="seat-tile">
                  <button
                    type="button"
                    class="tile seat"
                    classList={{ 'seat-described': Boolean(detail()) }}
                    aria-describedby={detail() ? detailId : undefined}
                    onClick={() => props.onPick(participant.id)}
                  >
                    <span class="seat-name">{participant.fields.name || 'Unnamed'}</span>
                  </button>
                  <Show when={detail()}>
                    <span class="seat-detail" id={detailId}>
                      {detail()}
                    </span>
                  </Show>
                </li>
              )
            }}
          </For>
        </ul>
      </Show>
    </div>
  )
}
