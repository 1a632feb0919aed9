import { createMemo, createUniqueId, For, Index, Show } from 'solid-js'
import { noOwnerSentence, ownershipRows, unownedKeyResults, untiedItems } from '../../domain/coverage-mapping'
import type { Rec } from '../../domain/types'
import { CATEGORY_LABELS } from './CategoryChoice'

interface OwnershipGridProps {
  objectives: readonly Rec<'objective'>[]
  keyResults: readonly Rec<'keyResult'>[]
  items: readonly Rec<'scopeItem'>[]
}

/** Every objective and key result, with what each pair owns that moves it; gaps stand out. */
export function OwnershipGrid(props: OwnershipGridProps) {
  const rows = createMemo(() => ownershipRows(props.objectives, props.keyResults, props.items))
  const gaps = createMemo(() => unownedKeyResults(rows()))
  const untied = createMemo(() => untiedItems(props.items, props.objectives, props.keyResults))
  const titleId = createUniqueId()

  // Focusable: in landscape it scrolls on its own, and a keyboard must be able to scroll it too.
  return (
    <section class="panel ownership" aria-labelledby={titleId} tabIndex={0}>
      <h3 id={titleId}>Who owns what</h3>
      <Show when={rows().length > 0} fallback={<p class="empty">No objectives yet. Add them in Prepare.</p>}>
        <Show
          when={gaps().length > 0}
          fallback={
            <Show when={rows().some(row => row.kind === 'keyResult')}>
              <p class="all-owned">Every key result has an owner.</p>
            </Show>
          }
        >
          <ul class="gaps" aria-label="Key results no one owns">
            <Index each={gaps()}>{row => <li>{noOwnerSentence(row())}</li>}</Index>
          </ul>
        </Show>
        <table class="ownership-table">
          <caption class="visually-hidden">Owned items tied to each objective and key result</caption>
          <thead>
            <tr>
              <th scope="col">Objective or key result</th>
              <th scope="col">Owned items</th>
            </tr>
          </thead>
          <tbody>
            <Index each={rows()}>
              {row => (
                <tr
                  classList={{
                    'row-objective': row().kind === 'objective',
                    'row-unowned': row().kind === 'keyResult' && row().owners.length === 0,
                  }}
                >
                  <th scope="row">
                    <span class="row-label">{row().label}</span>{' '}
                    <span class="row-text">{row().text || '(empty)'}</span>
                  </th>
                  <td>
                    <Show
                      when={row().owners.length > 0}
                      fallback={
                        <Show when={row().kind === 'keyResult'}>
                          <span class="no-owner">No one owns {row().label}</span>
                        </Show>
                      }
                    >
                      <ul class="owners">
                        <For each={row().owners}>
                          {item => (
                            <li class="owner-chip">
                              <span class="owner-title">{item.fields.title || '(untitled)'}</span>
                              <span class="owner-meta">
                                {item.fields.pair} · {CATEGORY_LABELS[item.fields.category]}
                              </span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </td>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
      </Show>
      <Show when={untied().length > 0}>
        <div class="untied">
          <h4>Not tied to any OKR yet</h4>
          <ul class="owners">
            <For each={untied()}>
              {item => (
                <li class="owner-chip">
                  <span class="owner-title">{item.fields.title || '(untitled)'}</span>
                  <span class="owner-meta">{item.fields.pair}</span>
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </section>
  )
}
