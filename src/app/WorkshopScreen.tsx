import { Show, Suspense } from 'solid-js'
import { Dynamic } from 'solid-js/web'
import { HandoffToolbar } from '../phases/handoff/HandoffToolbar'
import { queries } from '../store'
import { useActions, useLive } from '../store/context'
import { PHASE_SCREENS } from './phases'
import { Stepper } from './Stepper'

/** One workshop: its steps along the top, the current step's screen below. */
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
          <main class="screen workshop" aria-labelledby="workshop-title">
            <div class="screen-head">
              <button type="button" class="button back" onClick={() => props.onHome()}>
                ← All workshops
              </button>
              <h1 id="workshop-title">{current().fields.title || 'Untitled workshop'}</h1>
              <HandoffToolbar workshop={current()} />
            </div>
            <Stepper current={phase()} onSelect={next => void actions.setPhase(current().id, next)} />
            <Suspense fallback={<p class="muted">Opening…</p>}>
              <Dynamic component={PHASE_SCREENS[phase()]} workshop={current()} />
            </Suspense>
          </main>
        )}
      </Show>
    </Show>
  )
}
