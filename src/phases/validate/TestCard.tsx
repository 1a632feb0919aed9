import { createEffect, createSignal, createUniqueId, Show } from 'solid-js'
import { MILESTONE_CATALOGUE } from '../../domain/milestone-types'
import { DECISION_LABELS, deadlineText, MAX_WEEKS, needsTestCard, parseDeadline } from '../../domain/test-card'
import { DECISIONS, type Rec } from '../../domain/types'
import { useActions } from '../../store/context'
import { TextField } from '../../ui/TextField'
import { Segmented } from './Segmented'

/**
 * The milestone's test card: how the room will know. Asked of every Spike and Signal Test
 * (flagged until it is filled in), offered to Epics and Enablers.
 */
export function TestCard(props: { milestone: Rec<'milestone'> }) {
  const actions = useActions()
  const id = () => props.milestone.id
  const fields = () => props.milestone.fields
  const save = (patch: Partial<Rec<'milestone'>['fields']>) => void actions.updateRecord(id(), 'milestone', patch)
  const headingId = createUniqueId()
  const weeksId = createUniqueId()
  const weeksProblemId = createUniqueId()
  const deadline = () => parseDeadline(fields().deadline ?? '')
  const [weeksProblem, setWeeksProblem] = createSignal<string | null>(null)
  const [typingWeeks, setTypingWeeks] = createSignal(false)
  let weeksInput: HTMLInputElement | undefined

  const shownWeeks = () => {
    const current = deadline()
    return current?.kind === 'weeks' ? String(current.weeks) : ''
  }
  // As in TextField: the stored value is shown only while the person is not typing here.
  createEffect(() => {
    const shown = shownWeeks()
    if (!typingWeeks() && weeksInput && weeksInput.value !== shown) weeksInput.value = shown
  })

  // A number of weeks is stored only once it is one; what is typed meanwhile stays in the field.
  function onWeeks(text: string) {
    const trimmed = text.trim()
    if (trimmed === '') {
      setWeeksProblem(null)
      if (deadline()?.kind === 'weeks') save({ deadline: '' })
      return
    }
    const weeks = Number(trimmed)
    if (!/^\d+$/.test(trimmed) || weeks < 1 || weeks > MAX_WEEKS) {
      setWeeksProblem(`Write a whole number of weeks from 1 to ${MAX_WEEKS}.`)
      return
    }
    setWeeksProblem(null)
    save({ deadline: deadlineText({ kind: 'weeks', weeks }) })
  }

  return (
    <section class="test-card" aria-labelledby={headingId}>
      <h4 id={headingId}>Test card</h4>
      <p class="muted hint">
        <Show
          when={needsTestCard(fields().type)}
          fallback="Optional for an Epic or Enabler: how the room will know it worked."
        >
          A {fields().type ? MILESTONE_CATALOGUE[fields().type!].label : ''} tests a hypothesis: say how the room will know.
        </Show>
      </p>
      <TextField
        label="We are right if …"
        multiline
        placeholder="e.g. 30% of players rate a match within a week"
        value={fields().criterion ?? ''}
        onInput={criterion => save({ criterion })}
      />
      <fieldset class="deadline">
        <legend>By when</legend>
        <div class="deadline-row">
          <TextField
            label="By date"
            type="date"
            value={deadline()?.kind === 'date' ? fields().deadline! : ''}
            onInput={date => {
              if (date === '') return void (deadline()?.kind === 'date' && save({ deadline: '' }))
              if (parseDeadline(date)?.kind === 'date') save({ deadline: date })
            }}
          />
          <span class="deadline-or" aria-hidden="true">
            or
          </span>
          <div class="field weeks-field">
            <label for={weeksId}>After how many weeks</label>
            <input
              id={weeksId}
              ref={weeksInput}
              inputMode="numeric"
              aria-invalid={weeksProblem() ? 'true' : undefined}
              aria-describedby={weeksProblem() ? weeksProblemId : undefined}
              onFocus={() => setTypingWeeks(true)}
              onBlur={() => {
                setTypingWeeks(false)
                setWeeksProblem(null)
              }}
              onInput={event => onWeeks(event.currentTarget.value)}
            />
          </div>
        </div>
        <Show when={weeksProblem()}>
          {problem => (
            <p id={weeksProblemId} class="field-problem" role="alert">
              {problem()}
            </p>
          )}
        </Show>
      </fieldset>
      <div class="decisions">
        <Segmented
          legend="If we are right, we will"
          options={DECISIONS}
          labels={DECISION_LABELS}
          value={fields().ifRight}
          onChange={ifRight => save({ ifRight })}
        />
        <Segmented
          legend="If we are wrong, we will"
          options={DECISIONS}
          labels={DECISION_LABELS}
          value={fields().ifWrong}
          onChange={ifWrong => save({ ifWrong })}
        />
      </div>
    </section>
  )
}
