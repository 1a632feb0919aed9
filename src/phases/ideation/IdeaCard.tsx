import { createSignal, Show } from 'solid-js'
import type { Rec } from '../../domain/types'
import { useActions } from '../../store/context'
import { ConfirmDialog } from '../../ui/Dialog'
import { TextField } from '../../ui/TextField'
import { HypothesisChoice } from './HypothesisChoice'

/** One of the seat holder's own cards: they may still reword it, retie it or take it back. */
export function IdeaCard(props: { card: Rec<'card'>; number: number; hypotheses: readonly Rec<'hypothesis'>[] }) {
  const actions = useActions()
  const [removing, setRemoving] = createSignal(false)
  return (
    <li class="idea-card">
      <TextField
        label={`Card ${props.number}`}
        multiline
        maxLength={500}
        value={props.card.fields.text}
        onInput={text => void actions.updateRecord(props.card.id, 'card', { text })}
      />
      <Show when={!props.card.fields.text.trim()}>
        <p class="error">This card is empty: write an idea or remove it.</p>
      </Show>
      <HypothesisChoice
        label={`Hypothesis of card ${props.number}`}
        hypotheses={props.hypotheses}
        value={props.card.fields.hypothesisId}
        onChange={hypothesisId => void actions.updateRecord(props.card.id, 'card', { hypothesisId })}
      />
      <button
        type="button"
        class="button danger-quiet"
        aria-label={`Remove card ${props.number}`}
        onClick={() => setRemoving(true)}
      >
        Remove
      </button>
      <Show when={removing()}>
        <ConfirmDialog
          title="Remove this card?"
          danger
          message={<p>“{props.card.fields.text || 'Empty card'}” will be taken out of the ideas.</p>}
          confirmLabel="Remove card"
          onCancel={() => setRemoving(false)}
          onConfirm={async () => {
            await actions.removeRecord(props.card.id)
            setRemoving(false)
          }}
        />
      </Show>
    </li>
  )
}
