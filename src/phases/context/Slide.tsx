import { keyResultLabelAt } from '../../domain/labels'
import { For, Show } from 'solid-js'
import type { ObjectiveOutline } from '../../store/reads/setup'

/** One objective as the room sees it: its key results and the hypotheses linked to it. */
export function Slide(props: { outline: ObjectiveOutline; number: number }) {
  const labelOf = (keyResultId: string) => {
    const index = props.outline.keyResults.findIndex(keyResult => keyResult.id === keyResultId)
    return index < 0 ? null : keyResultLabelAt(index)
  }
  const tiesOf = (keyResultIds: readonly string[]) =>
    keyResultIds.flatMap(id => labelOf(id) ?? []).sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))

  return (
    <article class="slide" aria-labelledby="slide-title">
      <p class="slide-kicker">Objective {props.number}</p>
      <h3 id="slide-title" class="slide-title">
        {props.outline.objective.fields.title || 'Untitled objective'}
      </h3>
      <div class="slide-columns">
        <section class="slide-part" aria-labelledby="slide-krs">
          <h4 id="slide-krs">Key results</h4>
          <Show when={props.outline.keyResults.length > 0} fallback={<p class="slide-none">No key result yet.</p>}>
            <ol class="slide-list">
              <For each={props.outline.keyResults}>
                {(keyResult, index) => (
                  <li>
                    <span class="slide-badge">{keyResultLabelAt(index())}</span>
                    <span>{keyResult.fields.text || '(empty)'}</span>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        </section>
        <section class="slide-part" aria-labelledby="slide-hypotheses">
          <h4 id="slide-hypotheses">Hypotheses</h4>
          <Show when={props.outline.hypotheses.length > 0} fallback={<p class="slide-none">No hypothesis yet.</p>}>
            <ul class="slide-list hypotheses">
              <For each={props.outline.hypotheses}>
                {hypothesis => (
                  <li>
                    <span class="slide-hypothesis">{hypothesis.fields.text || '(empty)'}</span>
                    <Show when={tiesOf(hypothesis.fields.keyResultIds).length > 0}>
                      <span class="slide-ties">
                        <span class="visually-hidden">Moves </span>
                        <For each={tiesOf(hypothesis.fields.keyResultIds)}>
                          {label => <span class="slide-tie">{label}</span>}
                        </For>
                      </span>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </section>
      </div>
    </article>
  )
}
