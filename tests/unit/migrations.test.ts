import { describe, expect, it } from 'vitest'
import type { AnyRec } from '../../src/domain/types'
import { addObjective, removeObjective } from '../../src/store/commands/objectives'
import { createWorkshop } from '../../src/store/commands/workshops'
import { HarvestDB } from '../../src/store/db'
import { listWorkshops, recordsOf } from '../../src/store/queries'
import { CURRENT_VERSION, SCHEMA_VERSIONS } from '../../src/store/schema'
import { freshDb } from './db-helpers'

/**
 * For each schema version: how to write a database as that version's app did, and what
 * the current app must find in it. A new version adds its case here.
 */
const CASES: Record<number, { seed(db: HarvestDB): Promise<void>; check(db: HarvestDB, seeded: AnyRec[]): Promise<void> }> = {
  1: {
    async seed(db) {
      const id = await createWorkshop(db, { title: 'Written by version 1', date: '2026-05-04' })
      await addObjective(db, id, 'Kept')
      await removeObjective(db, await addObjective(db, id, 'Removed'))
    },
    async check(db, seeded) {
      expect(await db.records.orderBy('id').toArray()).toEqual(seeded)
      const [item] = await listWorkshops(db)
      expect(item?.workshop.fields.title).toBe('Written by version 1')
      const objectives = await recordsOf(db, item!.workshop.id, 'objective')
      expect(objectives.map(objective => objective.fields.title)).toEqual(['Kept'])
    },
  },
}

describe('schema migrations', () => {
  it('has a case for every schema version', () => {
    expect(Object.keys(CASES).map(Number)).toEqual(SCHEMA_VERSIONS.map(entry => entry.version))
  })

  for (const { version } of SCHEMA_VERSIONS) {
    it(`opens a database written by version ${version} under version ${CURRENT_VERSION} with its data intact`, async () => {
      const old = freshDb(version)
      await old.open()
      expect(old.verno).toBe(version)
      await CASES[version]!.seed(old)
      const seeded = await old.records.orderBy('id').toArray()
      const device = await old.meta.get('device')
      old.close()

      const current = new HarvestDB(old.name)
      await current.open()
      expect(current.verno).toBe(CURRENT_VERSION)
      expect(await current.meta.get('device')).toEqual(device)
      await CASES[version]!.check(current, seeded)
      current.close()
    })
  }
})
