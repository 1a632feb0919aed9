import { createMemo, createUniqueId, For, onMount, Show } from 'solid-js'
import { missingParts } from '../../domain/coverage'
import { hypothesisLabels, incompleteLabel, milestoneCardLines, type Okrs } from '../../domain/labels'
import { prefillOf } from '../../domain/prefill'
import type { Rec } from '../../domain/types'
import { linkMilestone, toggleUnlock } from '../../store/commands/validate'
import { useActions, useCommand } from '../../store/context'
import { SeedCard } from '../../ui/SeedCard'
import { TextField } from '../../ui/TextField'
import { ConflictNote } from '../../ui/ConflictNote'
import { EvidenceMarks } from './EvidenceMarks'
import { LinkChooser, HypothesisChooser } from './LinkChoices'
import { TestCard } from './TestCard'
import { TypeChoice } from './TypeChoice'

interface MilestoneEditorProps {
  milestone: Rec<'milestone'>
  /** Its place in the walk-through, "Milestone 2 of 5". */
  number: number
  count: number
  okrs: Okrs
  /** Every milestone, for what this one unlocks. */
  milestones: readonly Rec<'milestone'>[]
  cards: readonly Rec<'card'>[]
  participants: readonly Rec<'participant'>[]
  anonymous: boolean
  /** Move focus (and the view) to this milestone's heading when it opens. */
  focusOnMount?: boolean
}

/** One cluster, validated by the room: its type, the hypothesis it serves, what it moves, unlocks and validates. */
export function MilestoneEditor(props: MilestoneEditorProps) {
  const actions = useActions()
  const link = useCommand(linkMilestone)
  const toggle = useCommand(toggleUnlock)
  const headingId = createUniqueId()
  let heading: HTMLHeadingElement | undefined
  onMount(() => props.focusOnMount && heading?.focus())
  const id = () => props.milestone.id
  const fields = () => props.milestone.fields
  const flag = () => incompleteLabel(missingParts(fields(), props.okrs))
  const others = () => props.milestones.filter(m => m.id !== id())
  const unlockedBy = () => props.milestones.filter(m => m.id !== id() && m.fields.unlocks.includes(id()))
  // Read once per change, not once per use: a full room has thousands of cards to look through.
  const members = createMemo(() => props.cards.filter(card => card.fields.milestoneId === id()))
  const prefill = createMemo(() => prefillOf(fields(), members(), props.okrs))
  const authorOf = (card: Rec<'card'>) =>
    props.anonymous ? null : (props.participants.find(p => p.id === card.fields.authorId)?.fields.name ?? null)
  const titleOf = (m: Rec<'milestone'>) => m.fields.title.trim() || 'Untitled milestone'
  const hypothesis = () => props.okrs.hypotheses.find(h => h.id === fields().hypothesisId)
  const hypothesisLabel = (h: Rec<'hypothesis'>) => hypothesisLabels(props.okrs.hypotheses, props.okrs.objectives).get(h.id) ?? 'H?'

  return (
    <article class="milestone-editor panel" aria-labelledby={headingId} data-work-surface>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Milestone {props.number} of {props.count}
      </h3>
      <div class="editor-top">
        <SeedCard lines={milestoneCardLines(fields(), props.okrs)} label="Milestone card" />
        <div role="status" class="flag-slot">
          <Show when={flag()} fallback={<p class="complete-flag">✓ Complete</p>}>
            {text => <p class="incomplete-flag">⚠ {text()}</p>}
          </Show>
        </div>
      </div>

      <TextField
        label="Milestone title"
        value={fields().title}
        onInput={title => void actions.updateRecord(id(), 'milestone', { title })}
      />
      <ConflictNote recordId={id()} />

      <TypeChoice
        milestoneId={id()}
        value={fields().type}
        onChange={type => void actions.updateRecord(id(), 'milestone', { type })}
      />

      <div class="link-row">
        <HypothesisChooser
          okrs={props.okrs}
          value={fields().hypothesisId}
          suggested={prefill().hypothesis}
          onChange={hypothesisId => void actions.updateRecord(id(), 'milestone', { hypothesisId })}
        />
        <LinkChooser
          okrs={props.okrs}
          keyResultId={fields().keyResultId}
          objectiveId={fields().objectiveId}
          suggested={prefill().keyResult}
          onChange={choice => void link(id(), choice)}
        />
      </div>
      <Show when={hypothesis()}>
        {h => <EvidenceMarks hypothesis={h()} label={hypothesisLabel(h())} />}
      </Show>

      <fieldset class="unlocks">
        <legend>What it unlocks</legend>
        <Show when={others().length > 0} fallback={<p class="muted">No other milestone yet.</p>}>
          <p class="muted hint">Tap the milestones that this one makes possible.</p>
          <div class="chips">
            <For each={others()}>
              {other => (
                <button
                  type="button"
                  class="chip"
                  aria-pressed={fields().unlocks.includes(other.id)}
                  aria-label={`Unlocks “${titleOf(other)}”`}
                  onClick={() => void toggle(id(), other.id)}
                >
                  <span aria-hidden="true" class="chip-mark">
                    {fields().unlocks.includes(other.id) ? '✓' : '+'}
                  </span>
                  {titleOf(other)}
                </button>
              )}
            </For>
          </div>
        </Show>
        <Show when={unlockedBy().length > 0}>
          <p class="muted unlocked-by">Unlocked by: {unlockedBy().map(titleOf).join(', ')}</p>
        </Show>
      </fieldset>

      <TextField
        label="What it validates"
        multiline
        placeholder="e.g. Players rate more matches when it takes one tap"
        value={fields().validates}
        onInput={validates => void actions.updateRecord(id(), 'milestone', { validates })}
      />

      <TestCard milestone={props.milestone} />

      <section class="member-cards" aria-labelledby={`${headingId}-cards`}>
        <h4 id={`${headingId}-cards`}>Cards in this milestone ({members().length})</h4>
        <Show when={members().length > 0} fallback={<p class="muted">No idea card was grouped into it.</p>}>
          <ul>
            <For each={members()}>
              {card => (
                <li>
                  <span class="card-text">{card.fields.text || '(empty card)'}</span>
                  <Show when={authorOf(card)}>{name => <span class="card-author"> — {name()}</span>}</Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </article>
  )
}
