import { render } from '@solidjs/testing-library'
import { Show, type Component } from 'solid-js'
import { afterEach } from 'vitest'
import { createWorkshop } from '../../src/store/commands/workshops'
import { StoreProvider, useLive } from '../../src/store/context'
import { HarvestDB } from '../../src/store/db'
import { queries } from '../../src/store'
import type { PhaseProps } from '../../src/phases/types'

const opened: HarvestDB[] = []

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

/** A fresh database with one workshop in it, for a phase screen's test. */
export async function freshWorkshop(title = 'Test workshop') {
  const db = new HarvestDB(`phase-${crypto.randomUUID()}`)
  opened.push(db)
  const workshopId = await createWorkshop(db, { title, date: '2026-11-24' })
  return { db, workshopId }
}

/**
 * Renders one phase screen as the app does: inside the store, with the workshop read live,
 * so what the screen writes comes back to it. `problems` collects what the app would show.
 */
export function renderPhase(Screen: Component<PhaseProps>, db: HarvestDB, workshopId: string) {
  const problems: string[] = []
  function Harness() {
    const workshop = useLive(
      () => workshopId,
      (database, id) => queries.getWorkshop(database, id).then(found => found ?? null),
    )
    return <Show when={workshop()}>{current => <Screen workshop={current()} />}</Show>
  }
  const result = render(() => (
    <StoreProvider db={db} onProblem={message => problems.push(message)}>
      <Harness />
    </StoreProvider>
  ))
  return { ...result, problems }
}
