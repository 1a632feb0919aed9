import { createMemo, createSignal, Match, Show, Switch } from 'solid-js'
import type { Rec } from '../../domain/types'
import { revealCards } from '../../store/commands/cluster'
import { useCommand, useLive } from '../../store/context'
import { clusterView, type ClusterView } from '../../store/reads/cluster'
import type { PhaseProps } from '../types'
import { createBoard } from './board-state'
import { ClusterBoard } from './Board'
import { cardCount } from './kit'
import { ReadMode } from './ReadMode'
import './cluster.css'

type Mode = 'read' | 'group'

/** 4 Read & cluster: reveal the cards, read them aloud one by one, group them into named milestones. */
export default function Cluster(props: PhaseProps) {
  const view = useLive(
    () => ({ workshopId: props.workshop.id, revealed: props.workshop.fields.revealed }),
    (db, source) => clusterView(db, source.workshopId, source.revealed),
  )
  const board = createBoard(view)
  const [mode, setMode] = createSignal<Mode>('group')
  const [reading, setReading] = createSignal(0)

  const names = createMemo(() => new Map((view()?.participants ?? []).map(person => [person.id, person.fields.name])))
  const hypotheses = createMemo(
    () =>
      new Map(
        (view()?.hypotheses ?? []).map((hypothesis, index) => [
          hypothesis.id,
          { label: `H${index + 1}`, text: hypothesis.fields.text },
        ]),
      ),
  )
  // A memo, so that a timer press (a new workshop record, the same setting) does not ask 5,000 tiles again.
  const anonymous = createMemo(() => props.workshop.fields.anonymous)
  const authorOf = (card: Rec<'card'>) =>
    anonymous() ? null : names().get(card.fields.authorId) || 'Someone not on the roster'
  const hypothesisOf = (card: Rec<'card'>) =>
    card.fields.hypothesisId ? (hypotheses().get(card.fields.hypothesisId) ?? null) : null
  const milestoneTitleOf = (card: Rec<'card'>) => {
    const place = board.placeOf(card.id)
    const milestone = place ? board.milestones().find(candidate => candidate.id === place) : undefined
    return milestone ? milestone.fields.title || 'Untitled milestone' : null
  }

  return (
    <section class="phase cluster" aria-labelledby="cluster-title">
      <div class="phase-head">
        <h2 id="cluster-title">Read &amp; cluster</h2>
        <p class="phase-now">
          {props.workshop.fields.revealed
            ? 'Read the cards aloud; group overlaps into milestones.'
            : 'The cards are private: reveal them when the room is ready.'}
        </p>
      </div>

      <Show when={view()}>
        {current => (
          <Show
            when={props.workshop.fields.revealed}
            fallback={<RevealGate view={current()} workshopId={props.workshop.id} />}
          >
            <div class="cluster-bar" data-work-surface>
              <div class="cluster-modes" role="group" aria-label="How to show the cards">
                <button
                  type="button"
                  class="button"
                  aria-pressed={mode() === 'read'}
                  onClick={() => setMode('read')}
                >
                  Read one by one
                </button>
                <button
                  type="button"
                  class="button"
                  aria-pressed={mode() === 'group'}
                  onClick={() => setMode('group')}
                >
                  Group into milestones
                </button>
              </div>
              <Show when={mode() === 'group'}>
                <p class="muted board-hint">
                  Tap cards to select them, or drag a card by its grip <span aria-hidden="true">⠿</span> onto a
                  milestone.
                </p>
              </Show>
            </div>
            <Switch>
              <Match when={mode() === 'read'}>
                <ReadMode
                  cards={board.cards()}
                  index={reading()}
                  onIndex={setReading}
                  authorOf={authorOf}
                  hypothesisOf={hypothesisOf}
                  milestoneOf={milestoneTitleOf}
                />
              </Match>
              <Match when={mode() === 'group'}>
                <ClusterBoard
                  workshopId={props.workshop.id}
                  board={board}
                  authorOf={authorOf}
                  hypothesisOf={hypothesisOf}
                />
              </Match>
            </Switch>
          </Show>
        )}
      </Show>
    </section>
  )
}

/** Before the reveal: how many cards there are, and nothing of what they say. */
function RevealGate(props: { view: ClusterView; workshopId: string }) {
  const reveal = useCommand(revealCards)
  const counts = () => props.view.counts
  return (
    <div class="panel reveal-gate" data-work-surface>
      <p class="reveal-count">
        <strong>{cardCount(counts().cards)}</strong> from {counts().authors}{' '}
        {counts().authors === 1 ? 'person' : 'people'}, face down.
      </p>
      <Show when={counts().open > 0}>
        <p class="muted">
          {cardCount(counts().open)} {counts().open === 1 ? 'is' : 'are'} not sealed yet: their authors have not
          passed the tablet on.
        </p>
      </Show>
      <Show when={counts().cards === 0}>
        <p class="muted">No card has reached this tablet yet. Collect the tablets’ handoffs first.</p>
      </Show>
      <button
        type="button"
        class="button primary reveal-button"
        onClick={() => void reveal(props.workshopId).catch(() => undefined)}
      >
        Reveal all cards
      </button>
    </div>
  )
}
