import { Show } from 'solid-js'
import type { InventoryMilestone } from '../../domain/inventory'
import { incompleteLabel } from '../../domain/labels'
import { SeedCard } from '../../ui/SeedCard'

/** One milestone in the inventory: its place, type and votes, the seed's card, what it unlocks and validates. */
export function MilestoneEntry(props: { milestone: InventoryMilestone }) {
  const m = () => props.milestone
  return (
    <li class="inv-milestone" aria-label={m().title}>
      <div class="inv-head">
        {/* A place means something only once the votes are counted. */}
        <Show when={m().votes !== null}>
          <span class="place">
            <span aria-hidden="true">#{m().place}</span>
            <span class="visually-hidden">{`Place ${m().place}${m().tied ? ', tied' : ''}: `}</span>
          </span>
        </Show>
        <span class="inv-title">{m().title}</span>
        <Show when={m().votes !== null}>
          <span class="inv-votes">{m().votes === 1 ? '1 vote' : `${m().votes} votes`}</span>
        </Show>
      </div>
      <SeedCard lines={m().card} />
      <dl class="inv-more">
        <div>
          <dt>Unlocks:</dt>{' '}
          <dd>{m().unlocks.length > 0 ? m().unlocks.map(u => u.title).join(', ') : 'nothing named'}</dd>
        </div>
        <div>
          <dt>Validates:</dt> <dd>{m().validates.trim() || 'not said'}</dd>
        </div>
      </dl>
      <Show when={incompleteLabel(m().missing)}>{text => <p class="inv-flag">⚠ {text()}</p>}</Show>
      <Show when={m().inCycle}>
        <p class="inv-flag">⚠ Part of a circle of unlocks</p>
      </Show>
    </li>
  )
}
