import type { Stamp } from './clock'
import type { Fields, Kind, Rec, Stamps } from './types'

/** A new record, every field stamped with the stamp of its creation. */
export function createRecord<K extends Kind>(
  kind: K,
  id: string,
  workshopId: string,
  fields: Fields<K>,
  stamp: Stamp,
): Rec<K> {
  const stamps = {} as Record<string, Stamp>
  for (const key of Object.keys(fields)) stamps[key] = stamp
  return { id, workshopId, kind, fields, stamps: stamps as Stamps<K> }
}

/**
 * The record with `patch` applied. Only the fields whose value really changes are stamped,
 * so an edit that repeats a value does not overrule a concurrent edit made elsewhere.
 */
export function editRecord<K extends Kind>(record: Rec<K>, patch: Partial<Fields<K>>, stamp: Stamp): Rec<K> {
  let fields: Record<string, unknown> | null = null
  let stamps: Record<string, Stamp> | null = null
  const current = record.fields as Record<string, unknown>
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || sameValue(current[key], value)) continue
    fields ??= { ...current }
    stamps ??= { ...(record.stamps as Record<string, Stamp>) }
    fields[key] = value
    stamps[key] = stamp
  }
  if (!fields || !stamps) return record
  return { ...record, fields: fields as Fields<K>, stamps: stamps as Stamps<K> }
}

/** The record as a tombstone. The fields stay, so a merge can still tell what was deleted. */
export function deleteRecord<K extends Kind>(record: Rec<K>, stamp: Stamp): Rec<K> {
  if (record.deleted !== undefined) return record
  return { ...record, deleted: stamp }
}

/** The latest stamp that a record carries: what a receiving clock must move past. */
export function latestStamp(record: Rec): Stamp {
  let latest = record.deleted ?? ''
  for (const stamp of Object.values(record.stamps as Record<string, Stamp>)) {
    if (stamp > latest) latest = stamp
  }
  return latest
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]))
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keysA = Object.keys(a)
    const keysB = Object.keys(b)
    return (
      keysA.length === keysB.length &&
      keysA.every(key => sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
    )
  }
  return false
}
