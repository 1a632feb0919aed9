import { createSignal, lazy, Match, Show, Suspense, Switch } from 'solid-js'
import type { HarvestDB } from '../store/db'
import { StoreProvider } from '../store/context'
import { HomeScreen } from '../phases/home/HomeScreen'
import { createRoute } from './route'
import { UpdatePrompt } from './UpdatePrompt'

// The home screen comes first; a workshop's shell (steps, handoff) loads when one is opened.
const WorkshopScreen = lazy(() => import('./WorkshopScreen').then(module => ({ default: module.WorkshopScreen })))

export function App(props: { db: HarvestDB; withServiceWorker?: boolean }) {
  const [route, go] = createRoute()
  const [problem, setProblem] = createSignal('')

  return (
    <StoreProvider db={props.db} onProblem={setProblem}>
      {/* A workshop fills the screen under its own bar; the home screen is a page that scrolls. */}
      <div class="app" classList={{ 'app-workshop': route().screen === 'workshop' }}>
        <Show when={route().screen === 'home'}>
          <header class="topbar">
            <a class="brand" href="#/" onClick={() => go({ screen: 'home' })}>
              <img src="./favicon.svg" alt="" width="32" height="32" />
              <span>OKRA Harvest</span>
            </a>
          </header>
        </Show>
        <Show when={problem()}>
          <div class="problem" role="alert">
            <span>{problem()}</span>
            <button type="button" class="button" onClick={() => setProblem('')}>
              Dismiss
            </button>
          </div>
        </Show>
        <Switch>
          <Match when={route().screen === 'home'}>
            <HomeScreen onOpen={workshopId => go({ screen: 'workshop', workshopId })} />
          </Match>
          <Match when={route().screen === 'workshop' && (route() as { workshopId: string }).workshopId}>
            {workshopId => (
              <Suspense fallback={<p class="muted screen">Opening…</p>}>
                <WorkshopScreen workshopId={workshopId()} onHome={() => go({ screen: 'home' })} />
              </Suspense>
            )}
          </Match>
        </Switch>
        <Show when={props.withServiceWorker}>
          <UpdatePrompt />
        </Show>
      </div>
    </StoreProvider>
  )
}
