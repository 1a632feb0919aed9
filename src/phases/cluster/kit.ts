import type { Rec } from '../../domain/types'
import type { DragEngine } from '../../ui/drag'
import type { Board } from './board-state'

/** What a drag carries: one card, or every selected card when a selected one is dragged. */
export interface DragCards {
  readonly cardIds: readonly string[]
  readonly label: string
}

export type CardDrag = DragEngine<DragCards>

/** What every part of the board needs to show and move a card. */
export interface ClusterKit {
  readonly board: Board
  readonly drag: CardDrag
  /** The author's name, or null while the workshop is anonymous. */
  authorOf(card: Rec<'card'>): string | null
  hypothesisOf(card: Rec<'card'>): { label: string; text: string } | null
  /** Starts a possible drag of this card (with the selection, if the card is selected). */
  press(event: PointerEvent, card: Rec<'card'>): void
}

const MILESTONE_PREFIX = 'milestone:'

/** The drop key of a milestone, as its `data-drop` attribute carries it. */
export const milestoneDrop = (milestoneId: string) => `${MILESTONE_PREFIX}${milestoneId}`
/** The milestone a drop key names, or null for another target. */
export const milestoneOfDrop = (key: string) =>
  key.startsWith(MILESTONE_PREFIX) ? key.slice(MILESTONE_PREFIX.length) : null
export const UNGROUPED_DROP = 'ungrouped'
export const NEW_MILESTONE_DROP = 'new'

export function cardCount(count: number): string {
  return `${count} ${count === 1 ? 'card' : 'cards'}`
}
