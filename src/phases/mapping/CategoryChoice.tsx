import { createUniqueId, For } from 'solid-js'
import type { ScopeCategory } from '../../domain/types'

export const CATEGORY_LABELS: Record<ScopeCategory, string> = {
  feature: 'Feature',
  tool: 'Tool',
  initiative: 'Initiative',
}

const CATEGORIES = Object.keys(CATEGORY_LABELS) as ScopeCategory[]

/** Feature, tool or initiative: the seed's three kinds of what a team owns, as big radio chips. */
export function CategoryChoice(props: { legend: string; value: ScopeCategory; onChange: (value: ScopeCategory) => void }) {
  const name = createUniqueId()
  return (
    <fieldset class="chips category-choice">
      <legend class="visually-hidden">{props.legend}</legend>
      <For each={CATEGORIES}>
        {category => (
          <label class="chip">
            <input
              type="radio"
              name={name}
              value={category}
              checked={props.value === category}
              onChange={() => props.onChange(category)}
            />
            <span>{CATEGORY_LABELS[category]}</span>
          </label>
        )}
      </For>
    </fieldset>
  )
}
