import { createEffect, createSignal, createUniqueId, type JSX } from 'solid-js'

interface TextFieldProps {
  label: string
  /** The stored value; it replaces what is shown only while the field is not being edited. */
  value: string
  /** Called on every keystroke, so each edit reaches the database as it happens. */
  onInput: (value: string) => void
  hideLabel?: boolean
  multiline?: boolean
  type?: 'text' | 'date'
  placeholder?: string
  maxLength?: number
  class?: string
}

/**
 * A text input that saves as the person types. While it has focus it keeps its own text, so
 * a live query answering with an older value cannot take a keystroke back.
 */
export function TextField(props: TextFieldProps) {
  const id = createUniqueId()
  let input: HTMLInputElement | HTMLTextAreaElement | undefined
  const [editing, setEditing] = createSignal(false)

  // The only place the shown value is set from the store: never while the person types.
  createEffect(() => {
    const value = props.value
    if (!editing() && input && input.value !== value) input.value = value
  })

  const common = {
    id,
    get placeholder() {
      return props.placeholder
    },
    get maxLength() {
      return props.maxLength ?? 2000
    },
    onFocus: () => setEditing(true),
    onBlur: () => {
      setEditing(false)
      if (input && input.value !== props.value) input.value = props.value
    },
    onInput: (event: InputEvent & { currentTarget: HTMLInputElement | HTMLTextAreaElement }) =>
      props.onInput(event.currentTarget.value),
  } satisfies JSX.InputHTMLAttributes<HTMLInputElement>

  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id} classList={{ 'visually-hidden': props.hideLabel }}>
        {props.label}
      </label>
      {props.multiline ? (
        <textarea ref={el => (input = el)} {...common} rows={2} />
      ) : (
        <input ref={el => (input = el)} {...common} type={props.type ?? 'text'} />
      )}
    </div>
  )
}
