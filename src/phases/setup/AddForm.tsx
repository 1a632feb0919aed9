import { createSignal, createUniqueId } from 'solid-js'
import { commitDraft, createStoredDraft } from '../../ui/draft'

interface AddFormProps {
  /** The field's visible label, e.g. "New key result". */
  readonly label: string
  /** The field's name for a screen reader, where the visible label alone is ambiguous. */
  readonly fieldName?: string
  readonly buttonLabel: string
  readonly buttonName?: string
  readonly placeholder?: string
  /** Shows the label to screen readers only, where the button beside says enough. */
  readonly quiet?: boolean
  readonly onAdd: (text: string) => Promise<unknown>
  /** Where unfinished text is kept through a reload or a crash, e.g. "objective:<workshop id>". */
  readonly draftKey?: string
  readonly class?: string
}

/**
 * A field and an "Add …" button: Enter or the button adds what is typed and empties the field
 * for the next one. An empty field adds nothing; the focus stays there, asking for text.
 */
export function AddForm(props: AddFormProps) {
  const id = createUniqueId()
  // A form keeps the draft key it was made with: each key belongs to one workshop or objective.
  const [draft, setDraft] = props.draftKey ? createStoredDraft(props.draftKey) : createSignal('')
  let input: HTMLInputElement | undefined

  async function add(event: SubmitEvent) {
    event.preventDefault()
    input?.focus()
    await commitDraft(draft, setDraft, props.onAdd)
  }

  return (
    <form class={`add-row ${props.class ?? ''}`} onSubmit={add}>
      <div class="field grow">
        <label for={id} classList={{ 'visually-hidden': props.quiet }}>
          {props.label}
        </label>
        <input
          id={id}
          ref={input}
          value={draft()}
          maxLength={2000}
          aria-label={props.fieldName}
          placeholder={props.placeholder}
          onInput={event => setDraft(event.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button primary" aria-label={props.buttonName}>
        {props.buttonLabel}
      </button>
    </form>
  )
}
