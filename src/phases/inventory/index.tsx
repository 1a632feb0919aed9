import { createMemo, For, Show } from 'solid-js'
import { milestonesById, type InventoryMilestone } from '../../domain/inventory'
import { useLive } from '../../store/context'
import { recordsOf } from '../../store/queries'
import { inventoryOf } from '../../store/reads/inventory'
import type { PhaseProps } from '../types'
import { ExportBar } from './ExportBar'
import { ObjectiveSection, UnplacedSection } from './ObjectiveSection'
import { Summary } from './Summary'
import './inventory.css'
import '../../report/print.css'

/**
 * The strategic inventory the session ends with: a summary (objectives, every milestone in one
 * ranked table with its step in the order of work, the coverage gaps), then one section per
 * objective where each milestone appears once as the method's card. The screen and the printout
 * are this one tree; the print stylesheet decides what shows on paper.
 */
export default function InventoryScreen(props: PhaseProps) {
  const inventory = useLive(
    () => props.workshop.id,
    (db, id) => inventoryOf(db, id),
  )
  const byId = createMemo(() => {
    const current = inventory()
    return current ? milestonesById(current) : new Map<string, InventoryMilestone>()
  })
  const entries = (ids: readonly string[]) => ids.map(id => byId().get(id)).filter(m => m !== undefined)
  // Only the printed header names them, and only when the workshop is not anonymous.
  const participants = useLive(
    () => props.workshop.id,
    (db, id) => recordsOf(db, id, 'participant'),
  )

  return (
    <section class="phase inventory" aria-labelledby="inventory-title" data-work-surface>
      <div class="phase-head">
        <h2 id="inventory-title">Inventory</h2>
        <p class="phase-now">Where to focus to learn most, in what order, and the gaps.</p>
      </div>
      <Show when={inventory()} fallback={<p class="muted">Loading…</p>}>
        {current => (
          <>
            <ExportBar workshop={props.workshop} />
            <Show when={!current().votingClosed}>
              <p class="inv-notice">
                Voting is still open, so milestones are listed by title. Close voting in Prioritize to rank them by
                votes.
              </p>
            </Show>
            <Show when={current().voteFlags.length > 0}>
              <section class="inv-vote-flags" aria-labelledby="inv-vote-flags-title">
                <h3 id="inv-vote-flags-title">Votes to check</h3>
                <ul>
                  <For each={current().voteFlags}>{flag => <li>⚠ {flag.text}</li>}</For>
                </ul>
              </section>
            </Show>
            <div class="inv-report">
              <Summary
                inventory={current()}
                workshop={props.workshop}
                participants={(participants() ?? []).map(p => p.fields.name || 'Unnamed participant')}
              />
              <div class="inv-detail">
                <For each={current().objectives}>{objective => <ObjectiveSection objective={objective} entries={entries} />}</For>
                <Show when={current().unplaced.length > 0}>
                  <UnplacedSection milestones={entries(current().unplaced)} />
                </Show>
                <Show when={current().objectives.length === 0 && current().milestones.length === 0}>
                  <p class="empty">Nothing to list yet: objectives come from Prepare, milestones from Read &amp; cluster.</p>
                </Show>
              </div>
            </div>
          </>
        )}
      </Show>
    </section>
  )
}
