import { createSignal, Match, Show, Switch } from 'solid-js'
import { setVotingClosed } from '../../store/commands/vote'
import { useCommand, useLive } from '../../store/context'
import { votingSeats } from '../../store/reads/vote'
import { ConfirmDialog } from '../../ui/Dialog'
import { PrivacyScreen } from '../../ui/PrivacyScreen'
import { SeatPicker } from '../../ui/SeatPicker'
import type { PhaseProps } from '../types'
import { Ballot } from './Ballot'
import { Results } from './Results'
import './vote.css'

/**
 * Prioritize: dot voting, one person at a time on a tablet passed around. Each voter sees only
 * their own dots; the totals appear only when the facilitator closes voting.
 */
export default function Vote(props: PhaseProps) {
  const seats = useLive(
    () => props.workshop.id,
    (db, id) => votingSeats(db, id),
  )
  const setClosed = useCommand(setVotingClosed)
  const [voter, setVoter] = createSignal<string | null>(null)
  const [passedBy, setPassedBy] = createSignal<string | null>(null)
  const [confirmClose, setConfirmClose] = createSignal(false)
  const closed = () => props.workshop.fields.votingClosed
  const budget = () => props.workshop.fields.votesPerPerson
  const participants = () => seats()?.participants ?? []
  const nameOf = (id: string) => participants().find(p => p.id === id)?.fields.name || 'Unnamed'
  const progress = (id: string) => {
    const used = seats()?.used[id] ?? 0
    return used === 0 ? 'Not voted yet' : `${used} of ${budget()} votes used`
  }
  const voted = () => participants().filter(p => (seats()?.used[p.id] ?? 0) > 0).length
  const pick = (id: string) => {
    setPassedBy(null)
    setVoter(id)
  }

  const facilitator = () => (
    <div class="panel facilitator">
      <p>
        {voted()} of {participants().length} {participants().length === 1 ? 'person has' : 'people have'} voted on
        this tablet. Hand off the other tablets’ votes before closing.
      </p>
      <button type="button" class="button primary" onClick={() => setConfirmClose(true)}>
        Close voting
      </button>
    </div>
  )

  return (
    <section class="phase vote" aria-labelledby="vote-title">
      <div class="phase-head">
        <h2 id="vote-title">Prioritize</h2>
        <p class="phase-now">
          {closed()
            ? 'Voting is closed: the totals show where to focus.'
            : 'In turn, each person puts dots where learning matters most.'}
        </p>
      </div>
      <Show when={seats()} fallback={<p class="muted">Loading…</p>}>
        <Switch>
          <Match when={closed()}>
            <Results workshop={props.workshop} />
          </Match>
          <Match when={voter()}>
            {id => (
              <Ballot
                workshop={props.workshop}
                participantId={id()}
                name={nameOf(id())}
                onDone={() => {
                  setPassedBy(id())
                  setVoter(null)
                }}
              />
            )}
          </Match>
          <Match when={passedBy()}>
            {by => (
              <>
                <PrivacyScreen
                  title="Pass the tablet on"
                  message={<p>{nameOf(by())}’s votes are in and hidden. Hand the tablet to the next voter.</p>}
                  pickTitle="Who is voting?"
                  participants={participants()}
                  onPick={pick}
                  detail={progress}
                />
                {facilitator()}
              </>
            )}
          </Match>
          <Match when={true}>
            <div class="panel" data-work-surface>
              <SeatPicker title="Who is voting?" participants={participants()} onPick={pick} detail={progress} />
              <p class="muted seat-note">
                Tap your name to vote: {budget()} dots each, at most {props.workshop.fields.votesPerMilestone} on one
                milestone. Nobody sees anyone’s dots until voting is closed.
              </p>
            </div>
            {facilitator()}
          </Match>
        </Switch>
      </Show>
      <Show when={confirmClose()}>
        <ConfirmDialog
          title="Close voting?"
          message={
            <p>
              The totals will show on this tablet, and nobody can add a vote until voting is reopened. Votes still on
              other tablets count only once they are handed off.
            </p>
          }
          confirmLabel="Close voting"
          onCancel={() => setConfirmClose(false)}
          onConfirm={async () => {
            await setClosed(props.workshop.id, true)
            setConfirmClose(false)
            setVoter(null)
            setPassedBy(null)
          }}
        />
      </Show>
    </section>
  )
}
