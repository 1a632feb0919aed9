import { For, Show } from 'solid-js'
import { countOf, kindName, recordLabel } from '../../domain/describe'
import { KINDS, type AnyRec } from '../../domain/types'
import type { IncomingSummary as Summary } from '../../store/commands/incoming'

/** What a merge would bring (or brought): new and changed records by kind, and a few by name. */
export function IncomingSummary(props: { summary: Summary; allKnownText?: string }) {
  const line = (change: 'new' | 'changed') =>
    KINDS.filter(kind => props.summary.counts[kind][change] > 0)
      .map(kind => countOf(kind, props.summary.counts[kind][change]))
      .join(', ')
  const named = () =>
    props.summary.items
      .map(item => ({ item, label: recordLabel(item.record as AnyRec) }))
      .filter(entry => entry.label !== null)
      .slice(0, 8)
  return (
    <div class="dialog-body summary">
      <Show
        when={props.summary.newCount + props.summary.changedCount > 0}
        fallback={<p>{props.allKnownText ?? 'Everything in this file is already on this tablet.'}</p>}
      >
        <Show when={props.summary.newCount > 0}>
          <p>
            <strong>New:</strong> {line('new')}
          </p>
        </Show>
        <Show when={props.summary.changedCount > 0}>
          <p>
            <strong>Changed:</strong> {line('changed')}
          </p>
        </Show>
        <ul class="preview-list">
          <For each={named()}>
            {entry => (
              <li>
                <span class="tag">{entry.item.change === 'new' ? 'new' : 'changed'}</span> {kindName(entry.item.record.kind)}:{' '}
                {entry.label}
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.summary.sameCount > 0}>
        <p class="muted">{props.summary.sameCount} records are already here as they are.</p>
      </Show>
    </div>
  )
}
