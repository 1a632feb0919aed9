import { render } from '@solidjs/testing-library'
import { afterEach } from 'vitest'
import { App } from '../../src/app/App'
import { HarvestDB } from '../../src/store/db'

const opened: HarvestDB[] = []

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

/** The whole app on a fresh, empty database, as a tablet would start it. */
export function renderApp() {
  const db = new HarvestDB(`component-${crypto.randomUUID()}`)
  opened.push(db)
  const result = render(() => <App db={db} />)
  return { db, ...result }
}
