import { createMemo, createSignal, For, onCleanup, Show } from 'solid-js'
import { titleFromCardText, type SuggestedGroup } from '../../domain/similarity'
import type { Rec } from '../../domain/types'
import {
  groupCards,
  mergeMilestones,
  newMilestoneFromCards,
  removeMilestone,
  ungroupCards,
  type NewMilestoneOptions,
} from '../../store/commands/cluster'
import { useActions, useCommand } from '../../store/context'
import { autoGrowFields } from '../../ui/autogrow'
import { ConfirmDialog } from '../../ui/Dialog'
import { createDragEngine, makeSidewaysPanGuard } from '../../ui/drag'
import type { Board } from './board-state'
import { CardList, MoreToCome } from './CardList'
import { createFilling } from './filling'
import {
  cardCount,
  milestoneOfDrop,
  NEW_MILESTONE_DROP,
  UNGROUPED_DROP,
  type ClusterKit,
  type DragCards,
} from './kit'
import { MilestoneChooser } from './MilestoneChooser'
import { MilestonePanel } from './MilestonePanel'
import { SelectionBar } from './SelectionBar'
import { createSuggestions, SuggestionList } from './Suggestions'
import './board.css'
import './milestones.css'

interface BoardProps {
  workshopId: string
  board: Board
  authorOf: ClusterKit['authorOf']
  hypothesisOf: ClusterKit['hypothesisOf']
}

type Choosing = { mode: 'add' } | { mode: 'merge'; milestone: Rec<'milestone'> }

/**
 * The cluster board: ungrouped cards on one side, milestones on the other. Every way of
 * grouping (drag, tap, suggestion) ends in one store command, one transaction.
 */
export function ClusterBoard(props: BoardProps) {
  const board = props.board
  const actions = useActions()
  const group = useCommand(groupCards)
  const makeMilestone = useCommand(newMilestoneFromCards)
  const ungroup = useCommand(ungroupCards)
  const merge = useCommand(mergeMilestones)
  const remove = useCommand(removeMilestone)
  const [fresh, setFresh] = createSignal<string | null>(null)
  const [choosing, setChoosing] = createSignal<Choosing | null>(null)
  const [removing, setRemoving] = createSignal<Rec<'milestone'> | null>(null)

  const numbers = createMemo(() => new Map(board.milestones().map((milestone, index) => [milestone.id, index + 1])))
  const duplicateTitles = createMemo(() => {
    const seen = new Map<string, number>()
    for (const milestone of board.milestones()) {
      const title = sameTitle(milestone.fields.title)
      if (title) seen.set(title, (seen.get(title) ?? 0) + 1)
    }
    return seen
  })
  const isDuplicate = (milestone: Rec<'milestone'>) =>
    (duplicateTitles().get(sameTitle(milestone.fields.title)) ?? 0) > 1

  /** Moves cards that are not there yet; shown at once, stored in one transaction. */
  async function moveTo(cardIds: readonly string[], place: string | null) {
    const moving = cardIds.filter(id => board.placeOf(id) !== place)
    if (moving.length === 0) return
    await board.move(moving, place, () => (place === null ? ungroup(moving) : group(moving, place)))
  }

  async function newMilestoneFrom(cardIds: readonly string[], options?: NewMilestoneOptions) {
    try {
      setFresh(await makeMilestone(props.workshopId, cardIds, options))
      board.clearSelection()
    } catch {
      // Already told to the person by the store; the cards stay where they were.
    }
  }

  const drag = createDragEngine<DragCards>({
    label: payload => payload.label,
    ghostClass: 'drag-ghost',
    onDrop: (payload, target) => {
      if (!target) return
      if (payload.cardIds.some(id => board.isSelected(id))) board.clearSelection()
      const milestoneId = milestoneOfDrop(target)
      if (target === NEW_MILESTONE_DROP) void newMilestoneFrom(payload.cardIds)
      else if (target === UNGROUPED_DROP) void moveTo(payload.cardIds, null)
      else if (milestoneId) void moveTo(payload.cardIds, milestoneId)
    },
  })

  const suggestions = createSuggestions({
    workshopId: () => props.workshopId,
    cards: () => board.ungrouped(),
    paused: () => drag.dragged() !== null,
  })
  const [showSuggestions, setShowSuggestions] = createSignal(false)

  const filling = createFilling(
    () => ({
      ungrouped: board.ungrouped().length,
      milestones: board.milestones().map(milestone => ({ id: milestone.id, cards: board.cardsIn(milestone.id).length })),
    }),
    fresh,
    () => drag.dragged() !== null,
  )
  const ungroupedShown = createMemo(() => {
    const allotment = filling.allotment()
    return allotment ? board.ungrouped().slice(0, allotment.ungrouped) : board.ungrouped()
  })
  const milestonesShown = createMemo(() => {
    const allotment = filling.allotment()
    return allotment ? board.milestones().filter(milestone => allotment.milestones.has(milestone.id)) : board.milestones()
  })
  const milestonesToCome = () => board.milestones().length - milestonesShown().length

  // Milestone titles fit their text where the browser cannot size a field to it by CSS alone.
  let milestoneColumn: HTMLElement | undefined
  const growTitles = autoGrowFields(() => milestoneColumn, milestonesShown)
  const cardsShownIn = (milestoneId: string) => filling.allotment()?.milestones.get(milestoneId)

  const kit: ClusterKit = {
    board,
    drag,
    authorOf: card => props.authorOf(card),
    hypothesisOf: card => props.hypothesisOf(card),
    press(event, card) {
      const withSelection = board.isSelected(card.id) && board.selectedIds().length > 1
      const payload = withSelection
        ? { cardIds: board.selectedIds(), label: cardCount(board.selectedIds().length) }
        : { cardIds: [card.id], label: titleFromCardText(card.fields.text, 60) }
      drag.start(event, payload)
    },
  }

  const groupedSelected = () => board.selectedIds().filter(id => board.placeOf(id) !== null)
  const choices = (except: string | null) =>
    board
      .milestones()
      .filter(milestone => milestone.id !== except)
      .map(milestone => ({
        milestone,
        number: numbers().get(milestone.id) ?? 0,
        count: board.cardsIn(milestone.id).length,
      }))
  /** "Add to…" leaves out the one milestone that already holds every selected card. */
  const addChoices = () => {
    const places = new Set(board.selectedIds().map(id => board.placeOf(id)))
    const [only] = places
    return choices(places.size === 1 && only ? only : null)
  }

  return (
    <>
      <SelectionBar
        count={board.selectedIds().length}
        groupedCount={groupedSelected().length}
        hasMilestones={board.milestones().length > 0}
        onNewMilestone={() => void newMilestoneFrom(board.selectedIds())}
        onAddTo={() => setChoosing({ mode: 'add' })}
        onUngroup={() => {
          void moveTo(groupedSelected(), null)
          board.clearSelection()
        }}
        onClear={() => board.clearSelection()}
      />

      <div
        ref={element => onCleanup(makeSidewaysPanGuard(element))}
        class="cluster-board"
        classList={{ dragging: drag.dragged() !== null, selecting: board.selectedIds().length > 0 }}
      >
        <section
          class="board-column ungrouped-column drop-target"
          classList={{ over: drag.isOver(UNGROUPED_DROP) }}
          data-drop={UNGROUPED_DROP}
          aria-labelledby="ungrouped-title"
        >
          <div class="column-head">
            <h3 id="ungrouped-title" class="column-title">
              Ungrouped <span class="tag">{board.ungrouped().length}</span>
            </h3>
            <button
              type="button"
              class="button suggestions-toggle"
              aria-pressed={showSuggestions()}
              disabled={!suggestions.ready()}
              onClick={() => setShowSuggestions(shown => !shown)}
            >
              Suggested groups <span class="tag">{suggestions.open().length}</span>
            </button>
          </div>
          <div class="column-scroll" aria-busy={filling.filling()}>
            <Show
              when={!showSuggestions()}
              fallback={
                <SuggestionList
                  model={suggestions}
                  onAccept={(suggestion: SuggestedGroup) =>
                    void newMilestoneFrom(suggestion.ids, { onlyUngrouped: true })
                  }
                />
              }
            >
              <Show
                when={board.ungrouped().length > 0}
                fallback={<p class="empty">Every card is in a milestone. Drag one back here to take it out.</p>}
              >
                <CardList cards={ungroupedShown()} kit={kit} label="Ungrouped cards" />
                <Show when={ungroupedShown().length < board.ungrouped().length}>
                  <MoreToCome count={board.ungrouped().length - ungroupedShown().length} />
                </Show>
              </Show>
            </Show>
          </div>
        </section>

        <section ref={milestoneColumn} class="board-column milestone-column" aria-labelledby="milestones-title" onInput={growTitles}>
          <h3 id="milestones-title" class="column-title">
            Milestones <span class="tag">{board.milestones().length}</span>
          </h3>
          <div
            class="new-milestone-zone drop-target"
            classList={{ over: drag.isOver(NEW_MILESTONE_DROP) }}
            data-drop={NEW_MILESTONE_DROP}
          >
            <span aria-hidden="true">＋</span> Drop cards here for a new milestone
          </div>
          <div class="column-scroll" aria-busy={filling.filling()}>
            <For
              each={milestonesShown()}
              fallback={<p class="empty">No milestone yet. Group the first cards that belong together.</p>}
            >
              {milestone => (
                <MilestonePanel
                  milestone={milestone}
                  number={numbers().get(milestone.id) ?? 0}
                  cardsShown={cardsShownIn(milestone.id)}
                  kit={kit}
                  duplicateTitle={isDuplicate(milestone)}
                  fresh={fresh() === milestone.id}
                  onRename={title => void actions.updateRecord(milestone.id, 'milestone', { title })}
                  onSplit={cardIds => void newMilestoneFrom(cardIds)}
                  onMerge={() => setChoosing({ mode: 'merge', milestone })}
                  onRemove={() => setRemoving(milestone)}
                />
              )}
            </For>
            <Show when={milestonesToCome() > 0}>
              <p class="more-to-come">
                {milestonesToCome()} more {milestonesToCome() === 1 ? 'milestone' : 'milestones'} on their way…
              </p>
            </Show>
          </div>
        </section>
      </div>

      <Show when={choosing()}>
        {current => {
          const mode = current()
          return mode.mode === 'add' ? (
            <MilestoneChooser
              title={`Add ${cardCount(board.selectedIds().length)} to a milestone`}
              choices={addChoices()}
              onClose={() => setChoosing(null)}
              onChoose={milestoneId => {
                setChoosing(null)
                void moveTo(board.selectedIds(), milestoneId)
                board.clearSelection()
              }}
            />
          ) : (
            <MilestoneChooser
              title={`Merge “${mode.milestone.fields.title || 'Untitled milestone'}” into…`}
              choices={choices(mode.milestone.id)}
              onClose={() => setChoosing(null)}
              onChoose={async intoId => {
                setChoosing(null)
                try {
                  await merge(props.workshopId, mode.milestone.id, intoId)
                  setFresh(intoId)
                } catch {
                  // Told to the person by the store; nothing was changed.
                }
              }}
            />
          )
        }}
      </Show>

      <Show when={removing()}>
        {milestone => (
          <ConfirmDialog
            title="Remove this milestone?"
            danger
            message={
              <p>
                “{milestone().fields.title || 'Untitled milestone'}” will be removed. Its{' '}
                {cardCount(board.cardsIn(milestone().id).length)} go back to Ungrouped, as they were written.
              </p>
            }
            confirmLabel="Remove milestone"
            onCancel={() => setRemoving(null)}
            onConfirm={async () => {
              const id = milestone().id
              setRemoving(null)
              await remove(props.workshopId, id).catch(() => undefined)
            }}
          />
        )}
      </Show>
    </>
  )
}

/** Titles that a person would read as the same. */
function sameTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase()
}
