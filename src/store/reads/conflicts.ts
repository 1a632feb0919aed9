import { MAX_LEAD_MS } from '../../domain/clock'
import type { ConflictRow, HarvestDB, MetaRow } from '../db'

/** The values of a record that a merge here did not keep, still to be taken or dismissed. */
export async function conflictsOfRecord(db: HarvestDB, recordId: string): Promise<ConflictRow[]> {
  const rows = (await db.meta.where('key').startsWith(`conflict:${recordId}:`).toArray()) as ConflictRow[]
  const record = await db.records.get(recordId)
  const current = record?.fields as Record<string, unknown> | undefined
  // A value already taken (here or on another tablet) is no longer another name.
  return rows.filter(row => !row.dismissed && record?.deleted === undefined && current?.[row.field] !== row.value)
}

export interface ClockHealth {
  /** How far this tablet's date is behind the latest edit it holds, in milliseconds; 0 when it is not. */
  readonly behind: number
}

/**
 * Whether this tablet's date looks wrong. Its clock has moved past every edit it made or took
 * in (never more than the bound ahead of its date when it did), so a clock far ahead of
 * the date now means the date was set back, or is wrong.
 */
export async function clockHealth(db: HarvestDB, now: number = Date.now()): Promise<ClockHealth> {
  const clock = (await db.meta.get('clock')) as Extract<MetaRow, { key: 'clock' }> | undefined
  const behind = clock ? clock.wall - now : 0
  return { behind: behind > MAX_LEAD_MS ? behind : 0 }
}
