import { Show, Suspense } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import type { TimeboxedPhase } from '../domain/timer'
import { DEFAULT_TIMEBOXES, type Phase, type Rec } from '../domain/types'
import { HandoffToolbar } from '../phases/handoff/HandoffToolbar'
import { queries } from '../store'
import { useActions, useLive } from '../store/context'
import { Timer } from '../ui/Timer'
import { PHASE_SCREENS } from './phases'
import { Stepper } from './Stepper'

/** The phase whose time-box the bar shows, if it has one running now: none once voting is closed. */
function timeboxedPhase(workshop: Rec<'workshop'>, phase: Phase): TimeboxedPhase | null {
  if (!(phase in DEFAULT_TIMEBOXES)) return null
  if (phase === 'vote' && workshop.fields.votingClosed) return null
  return phase as TimeboxedPhase
}

/**
 * One workshop as a work surface: a compact bar (title, every step, the time-box, "Share") and
 * under it the current step's screen in the `.work-area`, which takes the rest of the screen and
 * scrolls on its own, so the bar never leaves sight.
 */
export function WorkshopScreen(props: { workshopId: string; onHome: () => void }) {
  const actions = useActions()
  const workshop = useLive(
    () => props.workshopId,
    (db, id) => queries.getWorkshop(db, id).then(found => found ?? null),
  )
  const phase = () => {
    const current = workshop()?.fields.phase ?? 'setup'
    return PHASE_SCREENS[current] ? current : 'setup'
  }

  return (
    <Show when={workshop() !== undefined} fallback={<p class="muted screen">Loading…</p>}>
      <Show
        when={workshop()}
        fallback={
          <main class="screen">
            <h1>Workshop not found</h1>
            <p>This workshop is not on this tablet.</p>
            <button type="button" class="button primary" onClick={() => props.onHome()}>
              All workshops
            </button>
          </main>
        }
      >
        {current => (
          <div class="workshop">
            <header class="workbar">
              <div class="workbar-row">
                <button type="button" class="button back" onClick={() => props.onHome()}>
                  ← <span class="back-words">All workshops</span>
                </button>
                <h1 id="workshop-title" class="workbar-title">
                  {current().fields.title || 'Untitled workshop'}
                </h1>
                <Show when={timeboxedPhase(current(), phase())} keyed>
                  {timed => <Timer workshop={current()} phase={timed} size="small" />}
                </Show>
                <HandoffToolbar workshop={current()} />
              </div>
              <Stepper current={phase()} onSelect={next => void actions.setPhase(current().id, next)} />
            </header>
            <main class="work-area" aria-labelledby="workshop-title">
              <Suspense fallback={<p class="muted">Opening…</p>}>
                <Dynamic component={PHASE_SCREENS[phase()]} workshop={current()} />
              </Suspense>
            </main>
          </div>
        )}
      </Show>
    </Show>
  )
}
