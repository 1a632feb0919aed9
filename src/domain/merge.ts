import { canonicalJson } from './canonical'
import { withinLead, type Stamp } from './clock'
import { latestStamp } from './record'
import type { AnyRec, Rec } from './types'

/**
 * The one merge of two copies of a record. Field by field the later stamp wins; a tie (the
 * same stamp) breaks on the values' canonical text, so every tablet picks the same. The
 * tombstone is sticky: once either copy is deleted, the merge is deleted.
 *
 * It is commutative, associative and idempotent (tests/unit/merge.property.test.ts), so any
 * tablets meeting in any order, any number of times, end with the same records.
 */
export function mergeRecord<R extends Rec>(a: R, b: R): R {
  if (a === b) return a
  // A record's identity never changes: the store refuses a copy that disagrees (sameIdentity)
  // before it merges. Should two meet here anyway, one wins outright, the same on every tablet.
  if (!sameIdentity(a, b)) {
    return canonicalJson([a.kind, a.workshopId]) <= canonicalJson([b.kind, b.workshopId]) ? a : b
  }
  const fieldsA = a.fields as Record<string, unknown>
  const fieldsB = b.fields as Record<string, unknown>
  const stampsA = a.stamps as Record<string, Stamp>
  const stampsB = b.stamps as Record<string, Stamp>
  const fields: Record<string, unknown> = {}
  const stamps: Record<string, Stamp> = {}
  for (const key of new Set([...Object.keys(stampsA), ...Object.keys(stampsB)])) {
    const stampA = stampsA[key]
    const stampB = stampsB[key]
    const takeA =
      stampB === undefined ||
      (stampA !== undefined &&
        (stampA > stampB || (stampA === stampB && canonicalJson(fieldsA[key]) >= canonicalJson(fieldsB[key]))))
    fields[key] = takeA ? fieldsA[key] : fieldsB[key]
    stamps[key] = (takeA ? stampA : stampB)!
  }
  const deleted = laterOf(a.deleted, b.deleted)
  const merged = { id: a.id, workshopId: a.workshopId, kind: a.kind, fields, stamps } as unknown as R
  return deleted === undefined ? merged : { ...merged, deleted }
}

/** Whether two copies are of one record: the same id, kind and workshop, which never change. */
export function sameIdentity(a: Rec, b: Rec): boolean {
  return a.id === b.id && a.kind === b.kind && a.workshopId === b.workshopId
}

function laterOf(a: Stamp | undefined, b: Stamp | undefined): Stamp | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return a >= b ? a : b
}

/**
 * Whether a record made elsewhere may merge on a tablet whose date is `now`: none of its stamps
 * runs more than the bound ahead. A record that may not is refused whole, as if not yet received
 * (see store/commands/incoming.ts for why refusing, not clamping, keeps the merge convergent).
 */
export function admissible(record: Rec, now: number): boolean {
  return withinLead(latestStamp(record), now)
}

/** Two sets of records merged by id. Neither input is changed. */
export function mergeSets(a: Iterable<AnyRec>, b: Iterable<AnyRec>): Map<string, AnyRec> {
  const result = new Map<string, AnyRec>()
  for (const record of a) {
    const known = result.get(record.id)
    result.set(record.id, known ? mergeRecord(known, record) : record)
  }
  for (const record of b) {
    const known = result.get(record.id)
    result.set(record.id, known ? mergeRecord(known, record) : record)
  }
  return result
}

export function sameRecord(a: Rec, b: Rec): boolean {
  return a === b || canonicalJson(a) === canonicalJson(b)
}

export type Change = 'new' | 'changed' | 'same'

/** What merging `incoming` into `local` would do to this tablet's copy. */
export function classifyIncoming(local: AnyRec | undefined, incoming: AnyRec): { change: Change; merged: AnyRec } {
  if (!local) return { change: 'new', merged: incoming }
  const merged = mergeRecord(local, incoming)
  return { change: sameRecord(local, merged) ? 'same' : 'changed', merged }
}
