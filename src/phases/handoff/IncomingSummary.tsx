import { For, Show } from 'solid-js'
import { countOf, kindName, recordLabel } from '../../domain/describe'
import { formatSpan } from '../../domain/notices'
import { KINDS, type AnyRec } from '../../domain/types'
import type { ConflictNotice, IncomingSummary as Summary } from '../../store/commands/incoming'
import type { HandoffPreview } from '../../store/reads/handoff'
import '../../ui/notices.css'

/** "Milestone “Pilot” is also named “Trial” on tablet 3F2A": what a merge keeps aside, in words. */
function conflictLine(conflict: ConflictNotice, items: Summary['items']): string {
  const label = (item: AnyRec) => recordLabel(item)
  const record = items.find(item => item.record.id === conflict.recordId)?.record
  // A card's text stays private until the reveal: the notice says only that there are two.
  if (conflict.kind === 'card') return `A card was written differently on ${conflict.tablet}; the other text is kept on this tablet.`
  const kept = record ? label(record) : conflict.kept
  const verb = conflict.field === 'title' ? 'named' : 'written'
  return `${capital(kindName(conflict.kind as AnyRec['kind']))} “${kept}” is also ${verb} “${conflict.other}” on ${conflict.tablet}.`
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** What a merge would bring (or brought): new and changed records by kind, and a few by name; what it refuses or keeps aside. */
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
        fallback={
          <p>
            {props.summary.ahead.length + props.summary.identity.length > 0
              ? 'Nothing else in it is new to this tablet.'
              : (props.allKnownText ?? 'Everything in this file is already on this tablet.')}
          </p>
        }
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
      <For each={props.summary.ahead}>
        {ahead => (
          <div class="merge-notice refused" role="note">
            <p>
              <strong>
                {ahead.count === 1 ? '1 record' : `${ahead.count} records`} from {ahead.tablet}{' '}
                {ahead.count === 1 ? 'is' : 'are'} stamped {formatSpan(ahead.ahead)} ahead of this tablet’s date: not merged.
              </strong>{' '}
              Check the date and time on {ahead.tablet} (and on this one); they merge once both dates agree.
            </p>
          </div>
        )}
      </For>
      <Show when={props.summary.identity.length > 0}>
        <div class="merge-notice refused" role="note">
          <p>
            <strong>Not merged: these records claim another record’s id.</strong>
          </p>
          <ul>
            <For each={props.summary.identity}>{line => <li>{line}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={props.summary.conflicts.length > 0}>
        <div class="merge-notice" role="note">
          <p>
            <strong>Edited on two tablets at once:</strong> one value is kept, the other stays on this tablet to take with one
            tap.
          </p>
          <ul>
            <For each={props.summary.conflicts}>{conflict => <li>{conflictLine(conflict, props.summary.items)}</li>}</For>
          </ul>
        </div>
      </Show>
      <Show when={props.summary.orphanCards > 0}>
        <div class="merge-notice" role="note">
          <p>
            {props.summary.orphanCards === 1 ? '1 card was' : `${props.summary.orphanCards} cards were`} in a milestone
            deleted on another tablet: {props.summary.orphanCards === 1 ? 'it is' : 'they are'} back among the ungrouped
            cards of the cluster board, to regroup.
          </p>
        </div>
      </Show>
      <Show when={props.summary.keptSecret}>
        <p class="muted">This file carries another key for the workshop; this tablet keeps its own.</p>
      </Show>
    </div>
  )
}

/** A received transfer's preview: what it brings, then what the merge would leave flagged. */
export function HandoffPreviewSummary(props: { preview: HandoffPreview }) {
  return (
    <>
      <IncomingSummary summary={props.preview.summary} allKnownText="Everything in this transfer is already on this tablet." />
      <Show when={props.preview.flags.length > 0}>
        <div class="handoff-flags" role="note">
          <p>
            <strong>Flagged after the merge:</strong>
          </p>
          <ul class="preview-list">
            <For each={props.preview.flags}>
              {flag => (
                <li>
                  <span class="tag">flagged</span> {flag}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
    </>
  )
}
