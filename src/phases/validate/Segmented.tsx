import { createUniqueId, For } from 'solid-js'

interface SegmentedProps<T extends string> {
  legend: string
  options: readonly T[]
  labels: Readonly<Record<T, string>>
  value: T | undefined
  onChange: (value: T) => void
  /** Words after the legend for a screen reader, e.g. which hypothesis this is about. */
  describedBy?: string
}

/**
 * A few mutually exclusive marks (none / some / strong) as one row of large radio buttons:
 * the native radio group gives arrow keys and a screen reader's "1 of 3" for free.
 */
export function Segmented<T extends string>(props: SegmentedProps<T>) {
  const name = createUniqueId()
  return (
    <fieldset class="segmented" aria-describedby={props.describedBy}>
      <legend>{props.legend}</legend>
      <div class="segments">
        <For each={props.options}>
          {option => (
            <label class="segment" classList={{ chosen: props.value === option }}>
              <input
                type="radio"
                name={name}
                value={option}
                checked={props.value === option}
                onChange={() => props.onChange(option)}
              />
              <span>{props.labels[option]}</span>
            </label>
          )}
        </For>
      </div>
    </fieldset>
  )
}
