import { createUniqueId, For } from 'solid-js'
import type { Rec } from '../../domain/types'

interface HypothesisChoiceProps {
  label: string
  hypotheses: readonly Rec<'hypothesis'>[]
  value: string | null
  onChange: (hypothesisId: string | null) => void
}

const NONE = ''

/** Which hypothesis a card would prove or validate, chosen by its words; none is a fine answer. */
export function HypothesisChoice(props: HypothesisChoiceProps) {
  const id = createUniqueId()
  return (
    <div class="field hypothesis-choice">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value ?? NONE}
        onChange={event => props.onChange(event.currentTarget.value === NONE ? null : event.currentTarget.value)}
      >
        <option value={NONE}>No particular hypothesis</option>
        <For each={props.hypotheses}>
          {(hypothesis, index) => (
            <option value={hypothesis.id} selected={props.value === hypothesis.id}>
              {`H${index() + 1}: ${hypothesis.fields.text || '(empty)'}`}
            </option>
          )}
        </For>
      </select>
    </div>
  )
}
