import { For, Show } from 'solid-js'
import { milestonesById, type InventoryMilestone } from '../../domain/inventory'
import { useLive } from '../../store/context'
import { recordsOf } from '../../store/queries'
import { inventoryOf } from '../../store/reads/inventory'
import type { PhaseProps } from '../types'
import { ExportBar } from './ExportBar'
import { MilestoneEntry } from './MilestoneEntry'
import { PrintReport } from './PrintReport'
import './inventory.css'

/**
 * The strategic inventory the session ends with: objectives and their key results, milestones
 * by hypothesis ranked by the room's votes, the gaps in coverage, and an order of work.
 */
export default function InventoryScreen(props: PhaseProps) {
  const inventory = useLive(
    () => props.workshop.id,
    (db, id) => inventoryOf(db, id),
  )
  const byId = () => {
    const current = inventory()
    return current ? milestonesById(current) : new Map<string, InventoryMilestone>()
  }
  const entries = (ids: readonly string[]) => ids.map(id => byId().get(id)).filter(m => m !== undefined)
  const titleOf = (id: string) => byId().get(id)?.title ?? 'a removed milestone'
  // Only the printed cover names them, and only when the workshop is not anonymous.
  const participants = useLive(
    () => props.workshop.id,
    (db, id) => recordsOf(db, id, 'participant'),
  )

  return (
    <section class="phase inventory" aria-labelledby="inventory-title">
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
            <div class="inventory-layout">
              <div class="inventory-side">
                <section class="panel gaps" aria-labelledby="gaps-title">
                  <h3 id="gaps-title">Coverage gaps ({current().gaps.length})</h3>
                  <Show when={current().gaps.length > 0} fallback={<p class="muted">Every hypothesis and key result is covered.</p>}>
                    <ul>
                      <For each={current().gaps}>{gap => <li>{gap.text}</li>}</For>
                    </ul>
                  </Show>
                </section>
                <section class="panel order" aria-labelledby="order-title">
                  <h3 id="order-title">Order of work</h3>
                  <p class="muted">What unlocks comes before what it unlocks; otherwise by rank.</p>
                  <Show when={current().cycles.length > 0}>
                    <For each={current().cycles}>
                      {cycle => (
                        <p class="inv-flag" role="note">
                          ⚠ These unlock one another in a circle: {cycle.map(titleOf).join(' → ')}
                          {cycle.length > 1 ? ` → ${titleOf(cycle[0]!)}` : ''}
                        </p>
                      )}
                    </For>
                  </Show>
                  <ol aria-label="Order of work">
                    <For each={current().order}>{id => <li>{titleOf(id)}</li>}</For>
                  </ol>
                </section>
              </div>

              <div class="inventory-main">
                <For each={current().objectives}>
                  {objective => (
                    <section class="panel objective-block" aria-labelledby={`inv-objective-${objective.id}`}>
                      <h3 id={`inv-objective-${objective.id}`}>{objective.label}</h3>
                      <ul class="krs" aria-label={`Key results of ${objective.label}`}>
                        <For each={objective.keyResults}>
                          {kr => (
                            <li>
                              <strong>{kr.label}</strong> {kr.text || '(empty key result)'}
                              <Show when={kr.milestoneCount === 0}>
                                <span class="gap-badge">no milestone</span>
                              </Show>
                            </li>
                          )}
                        </For>
                      </ul>
                      <For each={objective.hypotheses}>
                        {hypothesis => (
                          <section class="hypothesis-block">
                            <h4>
                              {hypothesis.label}: {hypothesis.text || '(empty hypothesis)'}
                            </h4>
                            <Show when={hypothesis.gap}>
                              {gap => (
                                <p class="gap-badge">
                                  {gap() === 'no-milestone' ? 'No milestone yet' : 'No Spike or Signal Test to test it'}
                                </p>
                              )}
                            </Show>
                            <ol class="inv-milestones">
                              <For each={entries(hypothesis.milestoneIds)}>{m => <MilestoneEntry milestone={m} />}</For>
                            </ol>
                          </section>
                        )}
                      </For>
                      <Show when={objective.withoutHypothesis.length > 0}>
                        <section class="hypothesis-block">
                          <h4>No hypothesis chosen yet</h4>
                          <ol class="inv-milestones">
                            <For each={entries(objective.withoutHypothesis)}>{m => <MilestoneEntry milestone={m} />}</For>
                          </ol>
                        </section>
                      </Show>
                    </section>
                  )}
                </For>
                <Show when={current().unplaced.length > 0}>
                  <section class="panel objective-block" aria-labelledby="inv-unplaced">
                    <h3 id="inv-unplaced">Not linked to an objective yet</h3>
                    <ol class="inv-milestones">
                      <For each={entries(current().unplaced)}>{m => <MilestoneEntry milestone={m} />}</For>
                    </ol>
                  </section>
                </Show>
                <Show when={current().objectives.length === 0 && current().milestones.length === 0}>
                  <p class="empty">Nothing to list yet: objectives come from Prepare, milestones from Read &amp; cluster.</p>
                </Show>
              </div>
            </div>
            <PrintReport
              inventory={current()}
              workshop={props.workshop}
              participants={(participants() ?? []).map(p => p.fields.name || 'Unnamed participant')}
            />
          </>
        )}
      </Show>
    </section>
  )
}
