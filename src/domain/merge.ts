import { canonicalJson } from './canonical'
import type { Stamp } from './clock'
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
  // Copies of one id always agree on kind and workshop; should they not, one wins outright.
  if (a.kind !== b.kind || a.workshopId !== b.workshopId) {
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

function laterOf(a: Stamp | undefined, b: Stamp | undefined): Stamp | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return a >= b ? a : b
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
