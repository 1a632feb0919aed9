import { For, Show } from 'solid-js'
import type { InventoryMilestone, MilestoneRef } from '../../domain/inventory'
import { incompleteLabel } from '../../domain/labels'
import { placeLabel } from '../../domain/places'
import { SeedCard } from '../../ui/SeedCard'

/**
 * One milestone in the inventory, in the method's card form (Milestone / Type / Hypothesis /
 * Link) with what it unlocks and validates. Other milestones are named by their step in the
 * order of work; their titles follow on screen only, so the printout names each milestone
 * twice at most (summary table and card).
 */
export function MilestoneEntry(props: { milestone: InventoryMilestone }) {
  const m = () => props.milestone
  return (
    <li class="inv-milestone" aria-label={m().title}>
      <p class="inv-head">
        {/* A place means something only once the votes are counted. */}
        <Show when={m().votes !== null}>
          <span class="inv-place">{placeLabel(m().place, m().tied)}</span>
          <span class="inv-votes">{votesText(m().votes!)}</span>
        </Show>
        <span class="inv-step">Step {m().step} of the order of work</span>
      </p>
      <SeedCard lines={m().card} />
      <dl class="inv-more">
        <div>
          <dt>Unlocks:</dt> <dd>{m().unlocks.length > 0 ? <Steps refs={m().unlocks} /> : 'nothing named'}</dd>
        </div>
        <Show when={m().unlockedBy.length > 0}>
          <div>
            <dt>Unlocked by:</dt>{' '}
            <dd>
              <Steps refs={m().unlockedBy} />
            </dd>
          </div>
        </Show>
        <div>
          <dt>Validates:</dt> <dd>{m().validates.trim() || 'not said'}</dd>
        </div>
        {/* The test card, where the room wrote one. */}
        <Show when={m().criterion.trim()}>
          <div>
            <dt>We are right if:</dt> <dd>{m().criterion.trim()}</dd>
          </div>
        </Show>
        <Show when={m().deadline}>
          <div>
            <dt>By when:</dt> <dd>{m().deadline}</dd>
          </div>
        </Show>
        <Show when={m().decision}>
          <div>
            <dt>Then:</dt> <dd>{m().decision}</dd>
          </div>
        </Show>
      </dl>
      <Show when={incompleteLabel(m().missing)}>{text => <p class="inv-flag">⚠ {text()}</p>}</Show>
      <Show when={m().inCycle}>
        <p class="inv-flag">⚠ Part of a circle of unlocks</p>
      </Show>
    </li>
  )
}

export function votesText(votes: number): string {
  return votes === 1 ? '1 vote' : `${votes} votes`
}

/** "Step 2 (Cache the history), Step 5 (…)"; the titles in brackets stay off paper. */
function Steps(props: { refs: readonly MilestoneRef[] }) {
  const sorted = () => [...props.refs].sort((a, b) => a.step - b.step)
  return (
    <For each={sorted()}>
      {(ref, index) => (
        <>
          {index() > 0 ? ', ' : ''}Step {ref.step}
          <span class="inv-screen-only"> ({ref.title})</span>
        </>
      )}
    </For>
  )
}
