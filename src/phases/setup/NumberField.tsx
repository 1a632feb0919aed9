import { createUniqueId } from 'solid-js'

interface NumberFieldProps {
  readonly label: string
  /** Words after the label for a screen reader, e.g. "time-box in minutes". */
  readonly labelMore?: string
  readonly unit?: string
  /** What the field shows: the person's text while it is being fixed, else the stored number. */
  readonly value: string
  readonly invalid: boolean
  readonly describedBy?: string
  readonly onInput: (text: string) => void
  readonly onBlur?: () => void
}

/**
 * A whole number typed on a tablet: a text field with the numeric keypad, so what the person
 * typed stays visible (a number input would blank "3a") and can be named in the message.
 */
export function NumberField(props: NumberFieldProps) {
  const id = createUniqueId()
  return (
    <div class="field number-field">
      <label for={id}>{props.label}</label>
      <div class="number-input">
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autocomplete="off"
          maxLength={6}
          value={props.value}
          aria-label={props.labelMore ? `${props.label} ${props.labelMore}` : undefined}
          aria-invalid={props.invalid}
          aria-describedby={props.describedBy}
          onInput={event => props.onInput(event.currentTarget.value)}
          onBlur={() => props.onBlur?.()}
        />
        {props.unit && (
          <span class="unit" aria-hidden="true">
            {props.unit}
          </span>
        )}
      </div>
    </div>
  )
}
