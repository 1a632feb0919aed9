import { createUniqueId, For } from 'solid-js'
import { MILESTONE_CATALOGUE, MILESTONE_TYPES, type MilestoneType } from '../../domain/milestone-types'

interface TypeChoiceProps {
  /** Keeps each milestone's radio group its own. */
  milestoneId: string
  value: MilestoneType | null
  onChange: (type: MilestoneType) => void
}

/** The four common types as large choices, each with the seed's purpose and example as help. */
export function TypeChoice(props: TypeChoiceProps) {
  return (
    <fieldset class="type-choice">
      <legend>Type</legend>
      <div class="type-options">
        <For each={MILESTONE_TYPES}>
          {type => {
            const info = MILESTONE_CATALOGUE[type]
            const helpId = createUniqueId()
            return (
              <label class="type-option" classList={{ chosen: props.value === type }}>
                <input
                  type="radio"
                  name={`type-${props.milestoneId}`}
                  value={type}
                  checked={props.value === type}
                  aria-label={info.label}
                  aria-describedby={helpId}
                  onChange={() => props.onChange(type)}
                />
                <span class="type-name">{info.label}</span>
                <span class="type-help" id={helpId}>
                  {info.purpose}. <span class="type-example">e.g. {info.example}</span>
                </span>
              </label>
            )
          }}
        </For>
      </div>
    </fieldset>
  )
}
