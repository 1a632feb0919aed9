import { For, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { Dialog } from '../../ui/Dialog'
import { cardCount } from './kit'

interface ChooserProps {
  title: string
  /** The milestones that can be chosen, each with its number on the board. */
  choices: readonly { milestone: Rec<'milestone'>; number: number; count: number }[]
  onChoose: (milestoneId: string) => void
  onClose: () => void
}

/** A list of milestones to tap, for "Add to…" and "Merge into…": big targets, no dragging. */
export function MilestoneChooser(props: ChooserProps) {
  return (
    <Dialog title={props.title} onClose={props.onClose}>
      <Show when={props.choices.length > 0} fallback={<p class="dialog-body">There is no other milestone yet.</p>}>
        <ul class="chooser-list">
          <For each={props.choices}>
            {choice => (
              <li>
                <button
                  type="button"
                  class="button chooser-choice"
                  onClick={() => props.onChoose(choice.milestone.id)}
                >
                  <span class="chooser-number">
                    <span class="visually-hidden">Milestone</span> {choice.number}
                  </span>{' '}
                  <span class="chooser-title">{title(choice.milestone)}</span>{' '}
                  <span class="tag">{cardCount(choice.count)}</span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="dialog-actions">
        <button type="button" class="button" onClick={() => props.onClose()}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}

function title(milestone: Rec<'milestone'>): string {
  return milestone.fields.title || 'Untitled milestone'
}
