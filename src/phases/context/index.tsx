import { createSignal, onCleanup, Show } from 'solid-js'
import { useActions, useLive } from '../../store/context'
import { readOutline } from '../../store/reads/setup'
import type { PhaseProps } from '../types'
import { createPresenting, makeSlideKeys, swipeHandlers } from './present'
import { Slide } from './Slide'
import './context.css'
import { Timer } from '../../ui/Timer'

/**
 * Context: the facilitator presents each objective in turn, with its key results and the
 * hypotheses linked to it, large enough for a projector or a tablet held up to the room.
 */
export default function Context(props: PhaseProps) {
  const actions = useActions()
  const outline = useLive(
    () => props.workshop.id,
    (db, id) => readOutline(db, id),
  )
  const objectives = () => outline()?.objectives ?? []
  const [chosen, setChosen] = createSignal(0)
  // An objective removed meanwhile (on this tablet or merged in) must not leave an empty slide.
  const current = () => Math.max(0, Math.min(chosen(), objectives().length - 1))
  const previous = () => setChosen(Math.max(0, current() - 1))
  const next = () => setChosen(Math.min(objectives().length - 1, current() + 1))

  const presenting = createPresenting()
  onCleanup(makeSlideKeys(previous, next))
  const swipe = swipeHandlers(previous, next)

  return (
    <section class="phase context-phase" aria-labelledby="context-title">
      <div class="phase-head">
        <h2 id="context-title">Context</h2>
        <p class="phase-now">Present each objective with its key results and hypotheses.</p>
      </div>
      <Show
        when={objectives().length > 0}
        fallback={
          <Show when={outline()}>
            <div class="empty">
              <p>There is no objective to present yet.</p>
              <button type="button" class="button primary" onClick={() => void actions.setPhase(props.workshop.id, 'setup')}>
                Add objectives in Prepare
              </button>
            </div>
          </Show>
        }
      >
        <div
          class="present"
          data-work-surface
          role="region"
          aria-label="Objectives, one at a time"
          classList={{ 'present-full': presenting.presenting() }}
          onPointerDown={event => swipe.onPointerDown(event)}
          onPointerUp={event => swipe.onPointerUp(event)}
          onPointerCancel={() => swipe.onPointerCancel()}
        >
          <div class="present-bar">
            <p class="present-position" aria-live="polite">
              Objective {current() + 1} of {objectives().length}
            </p>
            {/* Full screen hides the workshop bar and its time-box: the room reads this one instead. */}
            <Show when={presenting.presenting()}>
              <Timer workshop={props.workshop} phase="context" size="large" />
            </Show>
            <button type="button" class="button" onClick={() => presenting.toggle()}>
              {presenting.presenting() ? 'Leave full screen' : 'Full screen'}
            </button>
          </div>
          <Show when={objectives()[current()]} keyed>
            {outline => <Slide outline={outline} number={current() + 1} />}
          </Show>
          <nav class="present-nav" aria-label="Objectives">
            <button type="button" class="button" disabled={current() === 0} onClick={previous}>
              <span aria-hidden="true">←</span> Previous objective
            </button>
            <span class="present-dots" aria-hidden="true">
              {objectives().map((_, index) => (
                <span classList={{ dot: true, on: index === current() }} />
              ))}
            </span>
            <button
              type="button"
              class="button primary"
              disabled={current() === objectives().length - 1}
              onClick={next}
            >
              Next objective <span aria-hidden="true">→</span>
            </button>
          </nav>
          <p class="present-hint muted">Swipe sideways or use the arrow keys to change objective.</p>
        </div>
      </Show>
    </section>
  )
}
