import { createSignal, Match, Show, Switch } from 'solid-js'
import type { Phase } from '../domain/types'
import { SetupScreen } from '../phases/setup/SetupScreen'
import { queries } from '../store'
import { useLive } from '../store/context'
import { Stepper } from './Stepper'

/** One workshop: its steps along the top, the current step's screen below. */
export function WorkshopScreen(props: { workshopId: string; onHome: () => void }) {
  const workshop = useLive(
    () => props.workshopId,
    (db, id) => queries.getWorkshop(db, id).then(found => found ?? null),
  )
  const [phase, setPhase] = createSignal<Phase>('setup')

  return (
    <Show
      when={workshop() !== undefined}
      fallback={<p class="muted screen">Loading…</p>}
    >
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
            </div>
            <Stepper current={phase()} onSelect={setPhase} />
            <Switch>
              <Match when={phase() === 'setup'}>
                <SetupScreen workshop={current()} />
              </Match>
            </Switch>
          </main>
        )}
      </Show>
    </Show>
  )
}
