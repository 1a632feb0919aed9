import type { Kind } from '../../domain/types'
import type { ConflictRow, HarvestDB } from '../db'
import { write } from '../writer'

/**
 * Takes the value a merge did not keep: a new edit here, stamped now, so it wins on every
 * tablet that meets this one afterwards. The notice goes with it.
 */
export async function takeConflict(db: HarvestDB, key: ConflictRow['key']): Promise<void> {
  await write(db, async writer => {
    const row = (await db.meta.get(key)) as ConflictRow | undefined
    if (!row) return
    const record = await db.records.get(row.recordId)
    if (record && record.kind === row.kind && record.deleted === undefined) {
      await writer.update(row.recordId, record.kind as Kind, { [row.field]: row.value })
    }
    await db.meta.delete(key)
  })
}

/** Keeps the merged value: the notice is put away, and stays away if the same value arrives again. */
export async function dismissConflict(db: HarvestDB, key: ConflictRow['key']): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const row = (await db.meta.get(key)) as ConflictRow | undefined
    if (row) await db.meta.put({ ...row, dismissed: true })
  })
}
