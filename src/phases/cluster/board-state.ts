import { batch, createEffect, createMemo, createSignal, type Accessor } from 'solid-js'
import { createStore, produce, unwrap } from 'solid-js/store'
import type { Rec } from '../../domain/types'
import type { ClusterView } from '../../store/reads/cluster'

/** Where a card is going: a milestone's id, or null for the ungrouped cards. */
type Place = string | null

interface PendingMove {
  readonly place: Place
  /** The card's stamp of `milestoneId` when it was moved: a newer one means the write is live. */
  readonly before: string | undefined
  /** Set once the write is stored: from then on, the live record has the last word. */
  stored: boolean
}

const NO_CARDS: readonly Rec<'card'>[] = []

/**
 * The board as the room sees it: which cards are in which milestone, which are selected.
 *
 * A move shows at once, before IndexedDB answers, so a dropped card lands under the finger in
 * the same frame: the move is kept as pending until the live query brings the stored card
 * back, and undone if the write fails. Grouping is one pass over the cards (no search per
 * milestone), so 500 cards cost a few hundred steps per change.
 */
export function createBoard(view: Accessor<ClusterView | undefined>) {
  const [pending, setPending] = createSignal<ReadonlyMap<string, PendingMove>>(new Map())
  const [selected, setSelected] = createStore<Record<string, boolean>>({})

  const cards = () => view()?.cards ?? []
  const milestones = () => view()?.milestones ?? []

  const grouping = createMemo(() => {
    const live = new Set(milestones().map(milestone => milestone.id))
    const moves = pending()
    const byMilestone = new Map<string, Rec<'card'>[]>()
    const ungrouped: Rec<'card'>[] = []
    const placeOf = new Map<string, Place>()
    for (const card of cards()) {
      // A card's id never changes: read it without tracking; only where it is placed is watched.
      const id = unwrap(card).id
      const move = moves.get(id)
      const wanted = move ? move.place : card.fields.milestoneId
      // A card whose milestone was removed or merged on another tablet is ungrouped here.
      const place = wanted !== null && live.has(wanted) ? wanted : null
      placeOf.set(id, place)
      if (place === null) ungrouped.push(card)
      else {
        const list = byMilestone.get(place)
        if (list) list.push(card)
        else byMilestone.set(place, [card])
      }
    }
    return { byMilestone, ungrouped, placeOf }
  })

  // A stored move is dropped once the live card agrees with it, or once a later change on
  // another tablet has moved the card on: either way the live record is now the truth.
  createEffect(() => {
    const moves = pending()
    if (moves.size === 0) return
    const byId = new Map(cards().map(card => [card.id, card]))
    let next: Map<string, PendingMove> | null = null
    for (const [id, move] of moves) {
      const card = byId.get(id)
      const settled =
        card && move.stored && (card.fields.milestoneId === move.place || card.stamps.milestoneId !== move.before)
      if (!card || settled) {
        next ??= new Map(moves)
        next.delete(id)
      }
    }
    if (next) setPending(next)
  })

  // Most of the time nothing is selected: then no card needs to be looked at.
  const selectedIds = createMemo(() => {
    const chosen = Object.keys(selected).filter(id => selected[id])
    if (chosen.length === 0) return []
    const wanted = new Set(chosen)
    return cards().filter(card => wanted.has(card.id)).map(card => card.id)
  })

  return {
    cards,
    milestones,
    ungrouped: () => grouping().ungrouped,
    cardsIn: (milestoneId: string): readonly Rec<'card'>[] => grouping().byMilestone.get(milestoneId) ?? NO_CARDS,
    placeOf: (cardId: string): Place => grouping().placeOf.get(cardId) ?? null,
    isSelected: (cardId: string) => selected[cardId] === true,
    toggle: (cardId: string) => setSelected(cardId, value => !value),
    selectedIds,
    clearSelection: () => setSelected(produce(all => Object.keys(all).forEach(id => delete all[id]))),

    /**
     * Shows the cards in their new place now, runs `write`, and keeps the new place until
     * the stored cards come back (or puts them back where they were if the write fails).
     */
    async move(cardIds: readonly string[], place: Place, write: () => Promise<unknown>): Promise<boolean> {
      const before = new Map(cards().map(card => [card.id, card.stamps.milestoneId]))
      const moves = cardIds.map((id): [string, PendingMove] => [id, { place, before: before.get(id), stored: false }])
      setPending(current => new Map([...current, ...moves]))
      try {
        await write()
        batch(() => {
          for (const [, move] of moves) move.stored = true
          setPending(current => new Map(current))
        })
        return true
      } catch {
        setPending(current => {
          const next = new Map(current)
          for (const [id, move] of moves) if (next.get(id) === move) next.delete(id)
          return next
        })
        return false
      }
    },
  }
}

export type Board = ReturnType<typeof createBoard>
