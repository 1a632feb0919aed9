import { For } from 'solid-js'
import type { CardLine } from '../domain/labels'
import './seed-card.css'

/**
 * A milestone written the way the seed writes it on a card (Milestone / Type / Hypothesis /
 * Link), so the room sees on screen what it will find in the inventory and the export.
 */
export function SeedCard(props: { lines: readonly CardLine[]; label?: string }) {
  return (
    <dl class="seed-card" aria-label={props.label}>
      <For each={props.lines}>
        {line => (
          <div class="seed-line">
            <dt>{line.label}:</dt>{' '}
            <dd classList={{ unset: line.value === null }}>{line.value ?? 'not set'}</dd>
          </div>
        )}
      </For>
    </dl>
  )
}
