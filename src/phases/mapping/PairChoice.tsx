import { createUniqueId, For, Show } from 'solid-js'
import { WHOLE_TEAM } from '../../domain/coverage-mapping'

interface PairChoiceProps {
  pairs: readonly string[]
  selected: string | null
  members: (pair: string) => string[]
  itemCount: (pair: string) => number
  onPick: (pair: string) => void
}

/** The first thing a pair does with the tablet: say which pair it is. */
export function PairChoice(props: PairChoiceProps) {
  const titleId = createUniqueId()
  return (
    <div class="panel pair-choice" role="group" aria-labelledby={titleId}>
      <h3 id={titleId}>Which pair is adding?</h3>
      <Show when={props.pairs.length === 1 && props.pairs[0] === WHOLE_TEAM}>
        <p class="muted">No pairs are set in the roster, so the whole team maps its scope together.</p>
      </Show>
      <ul class="pair-buttons">
        <For each={props.pairs}>
          {pair => {
            const detailId = createUniqueId()
            const detail = () => {
              const names = props.members(pair).filter(Boolean)
              const count = props.itemCount(pair)
              const owned = `${count} owned ${count === 1 ? 'item' : 'items'}`
              return names.length > 0 ? `${names.join(' & ')} · ${owned}` : owned
            }
            return (
              // The detail sits on the tile but outside the button: the button's words are its whole name.
              <li class="pair-tile">
                <button
                  type="button"
                  class="tile pair-button"
                  aria-pressed={props.selected === pair}
                  aria-describedby={detailId}
                  onClick={() => props.onPick(pair)}
                >
                  <span class="pair-name">{pair}</span>
                </button>
                <span class="pair-detail" id={detailId}>
                  {detail()}
                </span>
              </li>
            )
          }}
        </For>
      </ul>
    </div>
  )
}
