import { For, Show } from 'solid-js'
import type { InventoryMilestone, InventoryObjective } from '../../domain/inventory'
import { MilestoneEntry } from './MilestoneEntry'

/** One objective: its key results, then each hypothesis with the milestones that test it, best ranked first. */
export function ObjectiveSection(props: { objective: InventoryObjective; entries: (ids: readonly string[]) => InventoryMilestone[] }) {
  const objective = () => props.objective
  return (
    <section class="panel objective-block" aria-labelledby={`inv-objective-${objective().id}`}>
      <h3 id={`inv-objective-${objective().id}`}>{objective().label}</h3>
      <ul class="krs" aria-label={`Key results of ${objective().label}`}>
        <For each={objective().keyResults}>
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
      <For each={objective().hypotheses}>
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
            <MilestoneList milestones={props.entries(hypothesis.milestoneIds)} />
          </section>
        )}
      </For>
      <Show when={objective().withoutHypothesis.length > 0}>
        <section class="hypothesis-block">
          <h4>No hypothesis chosen yet</h4>
          <MilestoneList milestones={props.entries(objective().withoutHypothesis)} />
        </section>
      </Show>
    </section>
  )
}

/** Milestones linked to no objective at all, so they still appear once in the detail. */
export function UnplacedSection(props: { milestones: InventoryMilestone[] }) {
  return (
    <section class="panel objective-block" aria-labelledby="inv-unplaced">
      <h3 id="inv-unplaced">Not linked to an objective yet</h3>
      <MilestoneList milestones={props.milestones} />
    </section>
  )
}

function MilestoneList(props: { milestones: InventoryMilestone[] }) {
  return (
    <Show when={props.milestones.length > 0}>
      <ol class="inv-milestones">
        <For each={props.milestones}>{m => <MilestoneEntry milestone={m} />}</For>
      </ol>
    </Show>
  )
}
