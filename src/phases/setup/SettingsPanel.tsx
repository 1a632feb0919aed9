import { createMemo, For, Show } from 'solid-js'
import { createStore } from 'solid-js/store'
import { checkTimebox, checkVoteRules } from '../../domain/setup-rules'
import type { Rec, Timeboxes } from '../../domain/types'
import { setTimebox, setVoteRules } from '../../store/commands/setup'
import { useActions, useCommand } from '../../store/context'
import { NumberField } from './NumberField'

const TIMEBOXED: readonly { phase: keyof Timeboxes; name: string }[] = [
  { phase: 'context', name: 'Context' },
  { phase: 'mapping', name: 'Team mapping' },
  { phase: 'ideation', name: 'Silent ideation' },
  { phase: 'cluster', name: 'Read & cluster' },
  { phase: 'validate', name: 'Validation' },
  { phase: 'vote', name: 'Prioritize' },
]

type VoteField = 'votesPerPerson' | 'votesPerMilestone'

/**
 * Votes, time-boxes, anonymity and seat PINs. A number is saved as soon as it is valid; while it is not,
 * the field keeps what the person typed, says why, and nothing is written.
 */
export function SettingsPanel(props: { workshop: Rec<'workshop'> }) {
  const actions = useActions()
  const saveVoteRules = useCommand(setVoteRules)
  const saveTimebox = useCommand(setTimebox)
  const [drafts, setDrafts] = createStore<Partial<Record<VoteField | keyof Timeboxes, string>>>({})
  const fields = () => props.workshop.fields

  const voteText = (field: VoteField) => drafts[field] ?? String(fields()[field])
  const votes = createMemo(() => checkVoteRules(voteText('votesPerPerson'), voteText('votesPerMilestone')))
  const voteProblem = () => {
    const checked = votes()
    return checked.ok ? null : checked
  }

  function typeVote(field: VoteField, text: string) {
    setDrafts(field, text)
    const checked = votes()
    if (!checked.ok) return
    const { votesPerPerson, votesPerMilestone } = checked.value
    if (votesPerPerson !== fields().votesPerPerson || votesPerMilestone !== fields().votesPerMilestone) {
      void saveVoteRules(props.workshop.id, votesPerPerson, votesPerMilestone)
    }
  }

  const minutesText = (phase: keyof Timeboxes) => drafts[phase] ?? String(fields().timeboxes[phase])
  const timeboxCheck = (phase: keyof Timeboxes, name: string) => checkTimebox(minutesText(phase), name)
  const timeboxProblems = () =>
    TIMEBOXED.flatMap(({ phase, name }) => {
      const checked = timeboxCheck(phase, name)
      return checked.ok ? [] : [checked.message]
    })

  function typeMinutes(phase: keyof Timeboxes, name: string, text: string) {
    setDrafts(phase, text)
    const checked = timeboxCheck(phase, name)
    if (checked.ok && checked.value !== fields().timeboxes[phase]) {
      void saveTimebox(props.workshop.id, phase, checked.value)
    }
  }

  /** Once a field is valid and left, it follows the store again (an edit from another tablet shows). */
  function settle(...keys: (VoteField | keyof Timeboxes)[]) {
    for (const key of keys) setDrafts(key, undefined)
  }

  return (
    <section class="panel setup-section" id="setup-settings" aria-labelledby="setup-settings-title">
      <h3 id="setup-settings-title">Settings</h3>

      <fieldset class="settings-group">
        <legend>Voting</legend>
        <div class="settings-row">
          <NumberField
            label="Votes per person"
            value={voteText('votesPerPerson')}
            invalid={voteProblem()?.field === 'votesPerPerson'}
            describedBy="setup-vote-problem"
            onInput={text => typeVote('votesPerPerson', text)}
            onBlur={() => votes().ok && settle('votesPerPerson', 'votesPerMilestone')}
          />
          <NumberField
            label="Most votes on one milestone"
            value={voteText('votesPerMilestone')}
            invalid={voteProblem()?.field === 'votesPerMilestone'}
            describedBy="setup-vote-problem"
            onInput={text => typeVote('votesPerMilestone', text)}
            onBlur={() => votes().ok && settle('votesPerPerson', 'votesPerMilestone')}
          />
        </div>
        <div id="setup-vote-problem" aria-live="polite">
          <Show when={voteProblem()}>{problem => <p class="error">{problem().message} Not saved.</p>}</Show>
        </div>
      </fieldset>

      <fieldset class="settings-group">
        <legend>Time-box for each step, in minutes</legend>
        <div class="timebox-grid">
          <For each={TIMEBOXED}>
            {({ phase, name }) => (
              <NumberField
                label={name}
                labelMore="time-box in minutes"
                unit="min"
                value={minutesText(phase)}
                invalid={!timeboxCheck(phase, name).ok}
                describedBy="setup-timebox-problem"
                onInput={text => typeMinutes(phase, name, text)}
                onBlur={() => timeboxCheck(phase, name).ok && settle(phase)}
              />
            )}
          </For>
        </div>
        <div id="setup-timebox-problem" aria-live="polite">
          <For each={timeboxProblems()}>{message => <p class="error">{message} Not saved.</p>}</For>
        </div>
      </fieldset>

      <fieldset class="settings-group">
        <legend>Anonymity</legend>
        <label class="check-row">
          <input
            type="checkbox"
            checked={fields().anonymous}
            onChange={event =>
              void actions.updateRecord(props.workshop.id, 'workshop', { anonymous: event.currentTarget.checked })
            }
          />
          <span>Keep authors anonymous</span>
        </label>
        <p class="muted">
          When on, no one sees who wrote a card: not when the cards are revealed, not in the inventory.
        </p>
      </fieldset>

      <fieldset class="settings-group">
        <legend>Seat PIN</legend>
        <label class="check-row">
          <input
            type="checkbox"
            checked={fields().seatPins === true}
            aria-describedby="setup-seat-pins-help"
            onChange={event =>
              void actions.updateRecord(props.workshop.id, 'workshop', { seatPins: event.currentTarget.checked })
            }
          />
          <span>Ask each person for a 4-digit seat PIN</span>
        </label>
        <p class="muted" id="setup-seat-pins-help">
          When on, each person chooses a PIN the first time they pass the tablet on, and their sealed cards reopen
          only with it. A forgotten PIN loses nothing: every card is shown when the cards are revealed.
        </p>
      </fieldset>
    </section>
  )
}
