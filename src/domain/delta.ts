import { latestStamp } from './record'
import type { AnyRec } from './types'

/**
 * What a tablet holds of a workshop, record by record: each record's id and its latest stamp.
 * A record changes only by getting a later stamp, so two tablets with the same fingerprint for
 * a record hold the same copy of it.
 */
export type Holdings = Readonly<Record<string, string>>

export function holdingsOf(records: readonly AnyRec[]): Record<string, string> {
  const held: Record<string, string> = {}
  for (const record of records) held[record.id] = latestStamp(record)
  return held
}

/**
 * The records a tablet that acknowledged `held` lacks: those it never had and those changed
 * here since (by an edit here, or by a merge from a third tablet, whatever the stamp's age).
 */
export function lackedBy(records: readonly AnyRec[], held: Holdings): AnyRec[] {
  return records.filter(record => held[record.id] !== latestStamp(record))
}
