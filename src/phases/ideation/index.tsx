import { createSignal, Match, Show, Switch } from 'solid-js'
import { ideationView } from '../../store/reads/ideation'
import { useLive } from '../../store/context'
import { PrivacyScreen } from '../../ui/PrivacyScreen'
import { SeatPicker } from '../../ui/SeatPicker'
import type { PhaseProps } from '../types'
import { SeatCards } from './SeatCards'
import './ideation.css'

/**
 * Silent ideation with one tablet passed around: each person takes their seat, writes one
 * milestone idea per card, then passes it on. The next person sees how many cards each seat
 * wrote and never their text: other seats' cards are not even read into this screen.
 */
export default function Ideation(props: PhaseProps) {
  const [seat, setSeat] = createSignal<string | null>(null)
  const [passedBy, setPassedBy] = createSignal<string | null>(null)
  const view = useLive(
    () => ({ workshopId: props.workshop.id, seatId: seat() }),
    (db, source) => ideationView(db, source.workshopId, source.seatId),
  )
  const nameOf = (id: string) => view()?.participants.find(person => person.id === id)?.fields.name || 'Unnamed'
  const cardCount = (id: string) => {
    const count = view()?.counts.find(entry => entry.id === id)?.count ?? 0
    return count === 0 ? 'No cards yet' : `${count} ${count === 1 ? 'card' : 'cards'}`
  }
  /** The seat holder, once the view has been read for them: never the last seat's cards under a new name. */
  const holder = () => {
    const id = seat()
    const current = view()
    if (id === null || current?.seatId !== id || !current.participants.some(person => person.id === id)) return null
    return id
  }
  const pick = (id: string) => {
    setPassedBy(null)
    setSeat(id)
  }

  return (
    <section class="phase ideation" aria-labelledby="ideation-title">
      <div class="phase-head">
        <h2 id="ideation-title">Silent ideation</h2>
        <p class="phase-now">Alone and in silence: one milestone idea per card.</p>
      </div>
      <Show when={view()} fallback={<p class="muted">Loading…</p>}>
        {current => (
          <Switch>
            <Match when={holder()}>
              {id => (
                <SeatCards
                  workshopId={props.workshop.id}
                  seatId={id()}
                  name={nameOf(id())}
                  cards={current().ownCards}
                  hypotheses={current().hypotheses}
                  onPassed={() => {
                    setPassedBy(id())
                    setSeat(null)
                  }}
                />
              )}
            </Match>
            <Match when={seat() === null && passedBy()}>
              {by => (
                <PrivacyScreen
                  title="Pass the tablet on"
                  message={
                    <p>
                      {nameOf(by())}’s cards are sealed. Hand the tablet to the next person: they will see only how
                      many cards each seat wrote.
                    </p>
                  }
                  participants={current().participants}
                  onPick={pick}
                  detail={cardCount}
                />
              )}
            </Match>
            <Match when={seat() === null}>
              <div class="panel" data-work-surface>
                <SeatPicker
                  title="Who is holding the tablet?"
                  participants={current().participants}
                  onPick={pick}
                  detail={cardCount}
                />
                <p class="muted seat-note">
                  Tap your name to write. When you are done, your cards are sealed: the others see only how many you
                  wrote.
                </p>
              </div>
            </Match>
          </Switch>
        )}
      </Show>
    </section>
  )
}
