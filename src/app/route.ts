import { createSignal, onCleanup } from 'solid-js'

export type Route = { screen: 'home' } | { screen: 'workshop'; workshopId: string }

export function parseRoute(hash: string): Route {
  const match = /^#\/workshop\/([A-Za-z0-9_.-]+)$/.exec(hash)
  return match ? { screen: 'workshop', workshopId: match[1]! } : { screen: 'home' }
}

export function routeHash(route: Route): string {
  return route.screen === 'workshop' ? `#/workshop/${route.workshopId}` : '#/'
}

/** The current screen, kept in the address so a reload comes back to it. */
export function createRoute() {
  const [route, setRoute] = createSignal<Route>(parseRoute(location.hash))
  const onHashChange = () => setRoute(parseRoute(location.hash))
  window.addEventListener('hashchange', onHashChange)
  onCleanup(() => window.removeEventListener('hashchange', onHashChange))
  const go = (next: Route) => {
    const hash = routeHash(next)
    if (location.hash !== hash) location.hash = hash
    setRoute(next)
  }
  return [route, go] as const
}
