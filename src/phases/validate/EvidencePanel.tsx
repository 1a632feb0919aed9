import { createUniqueId, For, onMount, Show } from 'solid-js'
import { hypothesisLabels, type Okrs } from '../../domain/labels'
import { EvidenceMarks } from './EvidenceMarks'

/**
 * Every hypothesis with its two marks, so the room can mark one that no milestone serves yet:
 * exactly the hypothesis the inventory's "learn the most" view must make stand out.
 */
export function EvidencePanel(props: { okrs: Okrs; focusOnMount?: boolean }) {
  const headingId = createUniqueId()
  let heading: HTMLHeadingElement | undefined
  onMount(() => props.focusOnMount && heading?.focus())
  const labels = () => hypothesisLabels(props.okrs.hypotheses, props.okrs.objectives)
  const unmarked = () => props.okrs.hypotheses.filter(h => !h.fields.evidence || !h.fields.importance).length
  return (
    <article class="evidence-panel panel" aria-labelledby={headingId} data-work-surface>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Evidence for each hypothesis
      </h3>
      <p class="muted hint">
        How much evidence does the room already have, and how much does it matter to the objective? The inventory
        lists what matters most and is known least first.
      </p>
      <Show when={props.okrs.hypotheses.length > 0} fallback={<p class="muted">No hypothesis yet: they come from Prepare.</p>}>
        <p role="status" class="evidence-count">
          {unmarked() === 0 ? 'All hypotheses marked' : `${unmarked()} of ${props.okrs.hypotheses.length} not fully marked`}
        </p>
        <ol class="evidence-list">
          <For each={props.okrs.hypotheses}>
            {hypothesis => (
              <li>
                <EvidenceMarks hypothesis={hypothesis} label={labels().get(hypothesis.id) ?? 'H?'} />
              </li>
            )}
          </For>
        </ol>
      </Show>
    </article>
  )
}
