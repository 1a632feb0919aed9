import { createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js'
import { ordinal } from '../../domain/places'
import type { Rec } from '../../domain/types'
import { castTieBreakVote, closeTieBreak } from '../../store/commands/tie-break'
import { useCommand, useLive } from '../../store/context'
import { tieBreakBallot, tieBreakSeats } from '../../store/reads/tie-break'
import type { OpenTie } from '../../store/reads/vote'
import { ConfirmDialog } from '../../ui/Dialog'
import { PrivacyScreen } from '../../ui/PrivacyScreen'
import { SeatPicker } from '../../ui/SeatPicker'

/**
 * A tie-break round: seat by seat, as the main ballot goes, each person puts one dot on one of
 * the tied milestones. Blind until the facilitator closes the round; its dots then order the tie.
 */
export function TieBreakRound(props: { workshop: Rec<'workshop'>; tie: OpenTie }) {
  const seats = useLive(
    () => ({ workshopId: props.workshop.id, id: props.tie.id }),
    (db, source) => tieBreakSeats(db, source.workshopId, source.id),
  )
  const close = useCommand(closeTieBreak)
  const [voter, setVoter] = createSignal<string | null>(null)
  const [passedBy, setPassedBy] = createSignal<string | null>(null)
  const [confirmClose, setConfirmClose] = createSignal(false)
  const titleId = createUniqueId()
  const participants = () => seats()?.participants ?? []
  const nameOf = (id: string) => participants().find(p => p.id === id)?.fields.name || 'Unnamed'
  const hasVoted = (id: string) => seats()?.voted.includes(id) ?? false
  const voted = () => participants().filter(p => hasVoted(p.id)).length
  const pick = (id: string) => {
    setPassedBy(null)
    setVoter(id)
  }

  return (
    <section class="tie-break" aria-labelledby={titleId}>
      <h4 id={titleId}>Tie-break for {ordinal(props.tie.place)}</h4>
      <p class="muted">
        One dot each, on one of the {props.tie.milestones.length} tied milestones. Nobody sees the dots until the round
        is closed.
      </p>
      <Show when={seats()} fallback={<p class="muted">Loading…</p>}>
        <Switch>
          <Match when={voter()}>
            {id => (
              <TieBallot
                workshopId={props.workshop.id}
                tie={props.tie}
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
              <PrivacyScreen
                title="Pass the tablet on"
                message={<p>{nameOf(by())}’s tie-break dot is in and hidden. Hand the tablet to the next person.</p>}
                pickTitle="Who is voting in the tie-break?"
                participants={participants()}
                onPick={pick}
                detail={id => (hasVoted(id) ? 'Voted' : 'Not voted yet')}
              />
            )}
          </Match>
          <Match when={true}>
            <SeatPicker
              title="Who is voting in the tie-break?"
              level={4}
              participants={participants()}
              onPick={pick}
              detail={id => (hasVoted(id) ? 'Voted' : 'Not voted yet')}
            />
          </Match>
        </Switch>
        <Show when={!voter()}>
          <div class="facilitator">
            <p>
              {voted()} of {participants().length} {participants().length === 1 ? 'person has' : 'people have'} voted in
              the tie-break.
            </p>
            <button type="button" class="button primary" onClick={() => setConfirmClose(true)}>
              Close the tie-break
            </button>
          </div>
        </Show>
      </Show>
      <Show when={confirmClose()}>
        <ConfirmDialog
          title="Close the tie-break?"
          message={<p>The round’s dots will show and order the tied milestones. Nobody can add a dot to it after.</p>}
          confirmLabel="Close the tie-break"
          onCancel={() => setConfirmClose(false)}
          onConfirm={async () => {
            await close(props.tie.id)
            setConfirmClose(false)
          }}
        />
      </Show>
    </section>
  )
}

/** One seat's single dot in the round; tapping another milestone moves it. Only this seat's choice is read. */
function TieBallot(props: { workshopId: string; tie: OpenTie; participantId: string; name: string; onDone: () => void }) {
  const ballot = useLive(
    () => ({ workshopId: props.workshopId, id: props.tie.id, participantId: props.participantId }),
    (db, source) => tieBreakBallot(db, source.workshopId, source.id, source.participantId),
  )
  const cast = useCommand(castTieBreakVote)
  const [refusal, setRefusal] = createSignal<string | null>(null)
  const mine = () => {
    const current = ballot()
    return current && current.participantId === props.participantId ? current : undefined
  }

  async function choose(milestoneId: string) {
    const result = await cast(props.tie.id, props.participantId, milestoneId)
    setRefusal(result.ok ? null : result.message)
  }

  return (
    <Show when={mine()} fallback={<p class="muted">Opening {props.name}’s ballot…</p>}>
      {current => (
        <div class="ballot tie-ballot" data-work-surface>
          <h5 class="tie-ballot-who">{props.name} is voting in the tie-break</h5>
          <p class="budget" role="status">
            {current().choice ? 'Your dot is placed. Tap another milestone to move it.' : 'Tap the milestone that matters most.'}
          </p>
          <ul class="tie-choices">
            <For each={props.tie.milestones}>
              {milestone => (
                <li>
                  <button
                    type="button"
                    class="tile tie-choice"
                    aria-pressed={current().choice === milestone.id}
                    onClick={() => void choose(milestone.id)}
                  >
                    <span class="dot" classList={{ spent: current().choice === milestone.id }} aria-hidden="true" />
                    <span class="ballot-title">{milestone.title}</span>
                  </button>
                </li>
              )}
            </For>
          </ul>
          <Show when={refusal()}>
            {message => (
              <p class="vote-refused" role="alert">
                {message()}
              </p>
            )}
          </Show>
          <div class="pass-on">
            <p>When you are done, pass the tablet on. Your dot stays hidden until the round is closed.</p>
            <button type="button" class="button primary pass-on-button" onClick={() => props.onDone()}>
              Done — pass it on
            </button>
          </div>
        </div>
      )}
    </Show>
  )
}
