import { createEffect, createMemo, createSelector, createSignal, createUniqueId, For, Show } from 'solid-js'
import { missingParts } from '../../domain/coverage'
import type { Okrs } from '../../domain/labels'
import { addMilestone } from '../../store/commands/validate'
import { useCommand, useLive } from '../../store/context'
import { validationCards, validationContext, validationMilestones } from '../../store/reads/validate'
import type { PhaseProps } from '../types'
import { EvidencePanel } from './EvidencePanel'
import { MilestoneEditor } from './MilestoneEditor'
import './test-card.css'
import './validate.css'
import { commitDraft, createStoredDraft } from '../../ui/draft'

/**
 * Milestone validation: the facilitator walks the room through each cluster, one at a time,
 * while the list beside it shows which milestones are still incomplete.
 */
export default function Validate(props: PhaseProps) {
  const milestoneList = useLive(
    () => props.workshop.id,
    (db, id) => validationMilestones(db, id),
  )
  const context = useLive(
    () => props.workshop.id,
    (db, id) => validationContext(db, id),
  )
  const cards = useLive(
    () => props.workshop.id,
    (db, id) => validationCards(db, id),
  )
  // The screen shows once what it lists has arrived; the cards follow in their own time.
  // Memos: every list item reads them, and a 500-milestone workshop must not rebuild them 500 times.
  const board = createMemo(() => {
    const milestones = milestoneList()
    const current = context()
    return milestones && current ? { milestones, ...current, cards: cards() ?? [] } : undefined
  })
  const add = useCommand(addMilestone)
  const [chosen, setChosen] = createSignal<string | null>(null)
  // The hypotheses' evidence marks take the editor's place until a milestone is chosen again.
  const [marking, setMarking] = createSignal(false)
  // Once the facilitator moves through the milestones, each one opens with focus on its heading.
  const [walked, setWalked] = createSignal(false)
  const open = (id: string | null | undefined) => {
    if (!id) return
    setWalked(true)
    setMarking(false)
    setChosen(id)
  }
  const [draft, setDraft] = createStoredDraft(`milestone:${props.workshop.id}`)
  const draftId = createUniqueId()
  let draftInput: HTMLInputElement | undefined

  const okrs = createMemo((): Okrs => {
    const current = board()
    return current
      ? { objectives: current.objectives, keyResults: current.keyResults, hypotheses: current.hypotheses }
      : { objectives: [], keyResults: [], hypotheses: [] }
  })
  const milestones = () => board()?.milestones ?? []
  const isIncomplete = (fields: Parameters<typeof missingParts>[0]) => missingParts(fields, okrs()).length > 0
  const markedCount = () => (board()?.hypotheses ?? []).filter(h => h.fields.evidence && h.fields.importance).length
  const incompleteCount = createMemo(() => milestones().filter(m => isIncomplete(m.fields)).length)
  // The chosen milestone, or the first while none is chosen (or the chosen one was removed).
  // Memos, so 500 list items asking "am I the one shown?" cost one search, not 500.
  const selectedIndex = createMemo(() => Math.max(0, milestones().findIndex(m => m.id === chosen())))
  const selected = createMemo(() => milestones()[selectedIndex()])
  const isShown = createSelector(() => (marking() ? undefined : selected()?.id))

  // In portrait the list is a sideways row: keep the milestone being walked through in sight.
  let nav: HTMLElement | undefined
  createEffect(() => {
    selected()
    // When the screen opens on the first milestone it is already in sight: no scroll, so
    // opening the screen does not lay out 500 list items one extra time.
    if (selectedIndex() === 0 && !walked()) return
    nav?.querySelector('[aria-current="true"]')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' })
  })

  async function submit(event: SubmitEvent) {
    event.preventDefault()
    if (!draft().trim()) return draftInput?.focus()
    await commitDraft(draft, setDraft, async title => setChosen(await add(props.workshop.id, title)))
  }

  return (
    <section class="phase validate" aria-labelledby="validate-title">
      <div class="phase-head">
        <h2 id="validate-title">Validation</h2>
        <p class="phase-now">Type and links of each milestone.</p>
        <Show when={board()}>
          <p class="validate-summary" role="status" classList={{ 'all-complete': incompleteCount() === 0 }}>
            <Show when={milestones().length > 0} fallback="No milestone yet">
              {milestones().length === 1 ? '1 milestone' : `${milestones().length} milestones`}
              {' · '}
              {incompleteCount() === 0 ? 'all complete' : `${incompleteCount()} incomplete`}
            </Show>
          </p>
        </Show>
      </div>
      <Show when={board()} fallback={<p class="muted">Loading…</p>}>
        <div class="validate-layout" data-work-surface>
          <nav class="milestone-nav" aria-label="Milestones" ref={nav}>
            <Show when={milestones().length > 0}>
              <ol>
                <For each={milestones()}>
                  {(milestone, index) => {
                    const incomplete = createMemo(() => isIncomplete(milestone.fields))
                    return (
                      <li>
                        <button
                          type="button"
                          class="tile nav-item"
                          aria-current={isShown(milestone.id) ? 'true' : undefined}
                          onClick={() => open(milestone.id)}
                        >
                          <span class="nav-number" aria-hidden="true">
                            {index() + 1}
                          </span>
                          <span class="nav-title">{milestone.fields.title.trim() || 'Untitled milestone'}</span>
                          <span class="nav-status" classList={{ incomplete: incomplete() }}>
                            {incomplete() ? 'Incomplete' : 'Complete'}
                          </span>
                        </button>
                      </li>
                    )
                  }}
                </For>
              </ol>
            </Show>
            <button
              type="button"
              class="tile nav-item nav-evidence"
              aria-current={marking() ? 'true' : undefined}
              onClick={() => {
                setWalked(true)
                setMarking(true)
              }}
            >
              <span class="nav-title">Evidence for each hypothesis</span>
              <span class="nav-status">{markedCount()} of {board()!.hypotheses.length} marked</span>
            </button>
            <form class="add-milestone" onSubmit={submit}>
              <div class="field">
                <label for={draftId}>New milestone</label>
                <input
                  id={draftId}
                  ref={draftInput}
                  value={draft()}
                  maxLength={2000}
                  placeholder="A missing idea"
                  onInput={event => setDraft(event.currentTarget.value)}
                />
              </div>
              <button type="submit" class="button">
                Add milestone
              </button>
            </form>
          </nav>

          <Show
            when={!marking()}
            fallback={
              <div class="editor-column">
                <EvidencePanel okrs={okrs()} focusOnMount={walked()} />
              </div>
            }
          >
            <Show
              when={selected()}
              keyed
              fallback={
                <p class="empty">
                  No milestone yet. Group the idea cards into milestones in Read &amp; cluster, or add a missing one here.
                </p>
              }
            >
              {milestone => (
                <div class="editor-column">
                  <MilestoneEditor
                    milestone={milestone}
                    focusOnMount={walked()}
                    number={selectedIndex() + 1}
                    count={milestones().length}
                    okrs={okrs()}
                    milestones={milestones()}
                    cards={board()!.cards}
                    participants={board()!.participants}
                    anonymous={props.workshop.fields.anonymous}
                  />
                  <div class="walk toolbar">
                    <button
                      type="button"
                      class="button"
                      disabled={selectedIndex() === 0}
                      onClick={() => open(milestones()[selectedIndex() - 1]?.id)}
                    >
                      ← Previous milestone
                    </button>
                    <button
                      type="button"
                      class="button primary"
                      disabled={selectedIndex() >= milestones().length - 1}
                      onClick={() => open(milestones()[selectedIndex() + 1]?.id)}
                    >
                      Next milestone →
                    </button>
                  </div>
                </div>
              )}
            </Show>
          </Show>
        </div>
      </Show>
    </section>
  )
}
