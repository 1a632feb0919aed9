import { createSignal, Match, Show, Switch } from 'solid-js'
import { ideationView, seatPinOpens } from '../../store/reads/ideation'
import { useCommand, useLive } from '../../store/context'
import { loadDraft } from '../../store/drafts'
import { PrivacyScreen } from '../../ui/PrivacyScreen'
import { SeatPicker } from '../../ui/SeatPicker'
import type { PhaseProps } from '../types'
import { SeatCards, seatDraftKey } from './SeatCards'
import { SeatDoor } from './SeatDoor'
import './ideation.css'

/**
 * Silent ideation with one tablet passed around: each person takes their seat, writes one
 * milestone idea per card, then passes it on. The next person sees how many cards each seat
 * wrote and never their text: other seats' cards are not even read into this screen. A seat
 * that holds cards opens only through its door: a step that names who should look, and the
 * seat's PIN when it has one. Which seat is open lives in memory only, so a reload closes it.
 */
export default function Ideation(props: PhaseProps) {
  const [seat, setSeat] = createSignal<string | null>(null)
  // The seat whose door is showing: tapped, not yet opened.
  const [door, setDoor] = createSignal<string | null>(null)
  const [passedBy, setPassedBy] = createSignal<string | null>(null)
  const tryPin = useCommand(seatPinOpens)
  const view = useLive(
    () => ({ workshopId: props.workshop.id, seatId: seat() }),
    (db, source) => ideationView(db, source.workshopId, source.seatId),
  )
  const nameOf = (id: string) => view()?.participants.find(person => person.id === id)?.fields.name || 'Unnamed'
  const seatOf = (id: string) => view()?.counts.find(entry => entry.id === id)
  const cardCount = (id: string) => {
    const entry = seatOf(id)
    const count = entry?.count ?? 0
    const cards = count === 0 ? 'No cards yet' : `${count} ${count === 1 ? 'card' : 'cards'}`
    if (entry?.pinned) return `${cards} · PIN`
    return entry?.sealed ? `${cards} · sealed` : cards
  }
  /** A seat with cards, a PIN or unfinished words is closed: nothing of it shows without the door. */
  const closed = (id: string) => {
    const entry = seatOf(id)
    if (entry !== undefined && (entry.count > 0 || entry.pinned)) return true
    return loadDraft(seatDraftKey(props.workshop.id, id)) !== ''
  }
  const askPin = (id: string) => props.workshop.fields.seatPins === true && seatOf(id)?.pinned !== true
  /** The seat holder, once the view has been read for them: never the last seat's cards under a new name. */
  const holder = () => {
    const id = seat()
    const current = view()
    if (id === null || current?.seatId !== id || !current.participants.some(person => person.id === id)) return null
    return id
  }
  const open = (id: string) => {
    setPassedBy(null)
    setDoor(null)
    setSeat(id)
  }
  const pick = (id: string) => (closed(id) ? setDoor(id) : open(id))

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
                  askPin={askPin(id())}
                  onPassed={() => {
                    setPassedBy(id())
                    setSeat(null)
                  }}
                />
              )}
            </Match>
            <Match when={seat() === null && door()}>
              {id => (
                <SeatDoor
                  name={nameOf(id())}
                  count={seatOf(id())?.count ?? 0}
                  pinned={seatOf(id())?.pinned ?? false}
                  tryPin={pin => tryPin(id(), pin)}
                  onOpen={() => open(id())}
                  onBack={() => setDoor(null)}
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
