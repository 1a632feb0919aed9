import { afterEach } from 'vitest'
import { HarvestDB } from '../../src/store/db'

const opened: HarvestDB[] = []

/** A fresh, empty database for one test, deleted after it. */
export function freshDb(upTo?: number): HarvestDB {
  const db = new HarvestDB(`test-${crypto.randomUUID()}`, upTo)
  opened.push(db)
  return db
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete()
})

/** Everything stored, as text: to prove that a refused input wrote nothing at all. */
export async function dump(db: HarvestDB): Promise<string> {
  const records = await db.records.orderBy('id').toArray()
  const meta = await db.meta.orderBy('key').toArray()
  return JSON.stringify({ records, meta })
}
