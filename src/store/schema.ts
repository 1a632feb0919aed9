import type { Dexie } from 'dexie'
import { dotsFromCount, isCountedVote } from '../domain/votes'

const STORES_V1 = {
  records: 'id, workshopId, kind, [workshopId+kind]',
  meta: 'key',
}

/**
 * Every version of the database, oldest first. A version is never edited once released:
 * a change of schema is a new entry, with an upgrade when stored data must change shape,
 * and a case in tests/unit/migrations.test.ts that opens a database written by the one before.
 */
export const SCHEMA_VERSIONS: readonly {
  readonly version: number
  readonly stores: Record<string, string | null>
  readonly upgrade?: Parameters<ReturnType<Dexie['version']>['upgrade']>[0]
}[] = [
  {
    version: 1,
    stores: STORES_V1,
  },
  {
    // A vote becomes one record per dot, so dots cast on two tablets add up: each old
    // counted vote turns into that many dots, with ids any tablet would give them.
    version: 2,
    stores: STORES_V1,
    async upgrade(tx) {
      const records = tx.table('records')
      const counted = (await records.where('kind').equals('vote').toArray()).filter(isCountedVote)
      if (counted.length === 0) return
      await records.bulkDelete(counted.map(vote => vote.id))
      await records.bulkAdd(counted.flatMap(dotsFromCount))
    },
  },
]

export const CURRENT_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version

/** Declares the versions up to `upTo` on a database; tests use it to write an older one. */
export function declareSchema(db: Dexie, upTo: number = CURRENT_VERSION): void {
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    if (version > upTo) break
    const declared = db.version(version).stores(stores)
    if (upgrade) declared.upgrade(upgrade)
  }
}
