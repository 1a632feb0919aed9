import { Show } from 'solid-js'
import { cardCount } from './kit'

interface SelectionBarProps {
  count: number
  /** How many of the selected cards are in a milestone now. */
  groupedCount: number
  hasMilestones: boolean
  onNewMilestone: () => void
  onAddTo: () => void
  onUngroup: () => void
  onClear: () => void
}

/**
 * Grouping by tap, for anyone who would rather not drag: select cards, then one button. The
 * bar floats over the foot of the screen while cards are selected, so selecting a card never
 * moves the board under the finger.
 */
export function SelectionBar(props: SelectionBarProps) {
  return (
    <Show when={props.count > 0}>
      <div class="selection-bar" role="region" aria-label="Selected cards">
        <p class="selection-count" role="status">
          {cardCount(props.count)} selected
        </p>
        <div class="selection-actions">
          <button type="button" class="button primary" onClick={() => props.onNewMilestone()}>
            New milestone from {cardCount(props.count)}
          </button>
          <Show when={props.hasMilestones}>
            <button type="button" class="button" onClick={() => props.onAddTo()}>
              Add to…
            </button>
          </Show>
          <Show when={props.groupedCount > 0}>
            <button type="button" class="button" onClick={() => props.onUngroup()}>
              Remove from milestone
            </button>
          </Show>
          <button type="button" class="button" onClick={() => props.onClear()}>
            Clear selection
          </button>
        </div>
      </div>
    </Show>
  )
}
