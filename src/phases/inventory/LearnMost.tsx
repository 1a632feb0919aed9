import { createMemo, For, Show } from 'solid-js'
import { EVIDENCE_LABELS, IMPORTANCE_LABELS } from '../../domain/evidence'
import { milestonesById, type Inventory } from '../../domain/inventory'
import { MILESTONE_CATALOGUE } from '../../domain/milestone-types'

/**
 * "Where to focus to learn the most", beside the vote ranking: hypotheses that matter most and
 * are known least first, each with the milestones that serve it, so one that matters and that
 * nothing tests stands out on screen and on the printed summary. Paper names a milestone by its
 * step, as the cards do: its title is printed once in the ranked table and once on its card.
 */
export function LearnMost(props: { inventory: Inventory }) {
  const entries = () => props.inventory.learn
  const byId = createMemo(() => milestonesById(props.inventory))
  const stepOf = (id: string) => byId().get(id)?.step
  const standingOut = () => entries().filter(entry => entry.standsOut).length
  return (
    <section class="inv-learn" aria-labelledby="inv-learn-title">
      <h3 id="inv-learn-title">Where to learn the most</h3>
      <Show when={entries().length > 0} fallback={<p class="muted">No hypothesis yet: they come from Prepare.</p>}>
        <Show when={standingOut() > 0}>
          <p class="inv-flag" role="note">
            ⚠{' '}
            {standingOut() === 1
              ? '1 hypothesis matters and nothing tests it: plan a Spike or Signal Test for it first.'
              : `${standingOut()} hypotheses matter and nothing tests them: plan a Spike or Signal Test for each first.`}
          </p>
        </Show>
        <div class="inv-table-wrap">
          <table class="inv-table inv-learn-table" aria-labelledby="inv-learn-title">
            <thead>
              <tr>
                <th scope="col">Hypothesis</th>
                <th scope="col">Importance</th>
                <th scope="col">Evidence</th>
                <th scope="col">Milestones that serve it</th>
              </tr>
            </thead>
            <tbody>
              <For each={entries()}>
                {entry => (
                  <tr classList={{ 'stands-out': entry.standsOut }}>
                    <th scope="row" class="inv-row-title">
                      <span class="inv-learn-label">{entry.label}</span> {entry.text || '(empty hypothesis)'}
                      <Show when={entry.standsOut}>
                        <span class="inv-learn-badge">⚠ Matters, and nothing tests it</span>
                      </Show>
                    </th>
                    <td classList={{ unset: entry.importance === null }}>
                      {entry.importance ? IMPORTANCE_LABELS[entry.importance] : 'not marked'}
                    </td>
                    <td classList={{ unset: entry.evidence === null }}>
                      {entry.evidence ? EVIDENCE_LABELS[entry.evidence] : 'not marked'}
                    </td>
                    <td classList={{ unset: entry.milestones.length === 0 }}>
                      <Show when={entry.milestones.length > 0} fallback="none yet">
                        <ul class="inv-learn-milestones">
                          <For each={entry.milestones}>
                            {m => (
                              <li>
                                Step {stepOf(m.id)}{' '}
                                <span class="inv-learn-type">({m.type ? MILESTONE_CATALOGUE[m.type].label : 'type not set'})</span>
                                <span class="inv-screen-only"> {m.title}</span>
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
        <p class="inv-note">
          High importance and little evidence first; among equals, what no Spike or Signal Test tests yet. Marks are set in
          Validation.
        </p>
      </Show>
    </section>
  )
}
