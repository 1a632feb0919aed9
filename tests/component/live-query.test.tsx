import { waitFor } from '@solidjs/testing-library'
import { createRoot, createSignal } from 'solid-js'
import { describe, expect, it } from 'vitest'
import { addObjective } from '../../src/store/commands/objectives'
import { createWorkshop } from '../../src/store/commands/workshops'
import { createLiveQuery, sameSource } from '../../src/store/live'
import { recordsOf } from '../../src/store/queries'
import { freshDb } from '../unit/db-helpers'

describe('a live query on a screen', () => {
  it('is not asked again when its source is rebuilt with the same values (a timer press), only when one changes', async () => {
    const db = freshDb()
    const workshopId = await createWorkshop(db, { title: 'Harvest', date: '2026-12-01' })
    await addObjective(db, workshopId, 'Build trust through match experiences')
    const [workshop, setWorkshop] = createSignal({ id: workshopId, revealed: false, timer: 0 })
    const asked: boolean[] = []
    const { result, dispose } = createRoot(dispose => ({
      dispose,
      result: createLiveQuery(
        () => ({ workshopId: workshop().id, revealed: workshop().revealed }),
        async source => {
          asked.push(source.revealed)
          const objectives = await recordsOf(db, source.workshopId, 'objective')
          return { revealed: source.revealed, titles: objectives.map(objective => objective.fields.title) }
        },
      ),
    }))
    await waitFor(() => expect(result()?.titles).toEqual(['Build trust through match experiences']))
    expect(asked).toEqual([false])

    // The workshop record changes (its timer), the query's own values do not: then a record it
    // read changes, and the one subscription answers once more.
    setWorkshop({ id: workshopId, revealed: false, timer: 1 })
    await addObjective(db, workshopId, 'Drive growth through social sharing')
    await waitFor(() => expect(result()?.titles).toHaveLength(2))
    expect(asked).toEqual([false, false])

    // One of its values changes: it is asked anew with it.
    setWorkshop({ id: workshopId, revealed: true, timer: 1 })
    await waitFor(() => expect(result()?.revealed).toBe(true))
    expect(asked).toEqual([false, false, true])
    dispose()
  })

  it('compares sources by value, key by key, for plain objects only', () => {
    expect(sameSource('w1', 'w1')).toBe(true)
    expect(sameSource({ a: 'w1', b: false }, { a: 'w1', b: false })).toBe(true)
    expect(sameSource({ a: 'w1', b: false }, { a: 'w1', b: true })).toBe(false)
    expect(sameSource({ a: 'w1' }, { a: 'w1', b: undefined })).toBe(false)
    expect(sameSource(null, null)).toBe(true)
    expect(sameSource(null, {})).toBe(false)
    expect(sameSource(new Date(0), new Date(0))).toBe(false)
  })
})
