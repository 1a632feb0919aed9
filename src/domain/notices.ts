import { parseStamp, type Stamp } from './clock'
import type { AnyRec, Kind } from './types'

/**
 * The texts a person writes and would miss if a concurrent edit silently replaced them. The
 * field merge keeps one value; the other is kept as a notice on the receiving tablet.
 */
export const NOTED_FIELDS: { readonly [K in Kind]?: readonly string[] } = {
  milestone: ['title'],
  card: ['text'],
  objective: ['title'],
  keyResult: ['text'],
  hypothesis: ['text'],
}

/** One value that a merge did not keep, and the tablet that wrote it. */
export interface Conflict {
  readonly recordId: string
  readonly workshopId: string
  readonly kind: Kind
  readonly field: string
  /** The value the merge kept. */
  readonly kept: string
  /** The value it did not keep. */
  readonly other: string
  readonly otherStamp: Stamp
  readonly otherDevice: string
}

/**
 * What the merge of `local` with `incoming` into `merged` left behind. Stamps cannot say
 * whether one tablet had seen the other's value before it wrote its own, so two different
 * values written on two different tablets count as concurrent: the person can dismiss the
 * notice when they were not. An empty value is no rival name, and is not kept.
 */
export function conflictsOf(local: AnyRec, incoming: AnyRec, merged: AnyRec): Conflict[] {
  const fields = NOTED_FIELDS[merged.kind]
  if (!fields || local.kind !== incoming.kind) return []
  const conflicts: Conflict[] = []
  for (const field of fields) {
    const mine = fieldOf(local, field)
    const theirs = fieldOf(incoming, field)
    if (!mine || !theirs || mine.value === theirs.value) continue
    const myDevice = parseStamp(mine.stamp)?.deviceId
    const theirDevice = parseStamp(theirs.stamp)?.deviceId
    if (!myDevice || !theirDevice || myDevice === theirDevice) continue
    const kept = fieldOf(merged, field)?.value
    const lost = kept === mine.value ? theirs : mine
    if (kept === undefined || !lost.value.trim()) continue
    conflicts.push({
      recordId: merged.id,
      workshopId: merged.workshopId,
      kind: merged.kind,
      field,
      kept,
      other: lost.value,
      otherStamp: lost.stamp,
      otherDevice: lost === mine ? myDevice : theirDevice,
    })
  }
  return conflicts
}

function fieldOf(record: AnyRec, field: string): { value: string; stamp: Stamp } | undefined {
  const value = (record.fields as Record<string, unknown>)[field]
  const stamp = (record.stamps as Record<string, Stamp | undefined>)[field]
  return typeof value === 'string' && stamp !== undefined ? { value, stamp } : undefined
}

/** A tablet as a person knows it: its device record's name, else a short form of its id. */
export function tabletLabel(deviceId: string, names?: ReadonlyMap<string, string>): string {
  const named = names?.get(deviceId)?.trim()
  return named ? named : `tablet ${deviceId.slice(0, 4).toUpperCase()}`
}

/** The names of the device records among these, by device id. */
export function deviceNames(records: Iterable<AnyRec>): Map<string, string> {
  const names = new Map<string, string>()
  for (const record of records) {
    if (record.kind === 'device' && record.deleted === undefined && record.fields.name.trim()) names.set(record.id, record.fields.name)
  }
  return names
}

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const YEAR = 365.25 * DAY

/** A lead or lag in words, rounded down, as a person would say it: "3 days", "2 years". */
export function formatSpan(ms: number): string {
  const count = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`
  if (ms >= 2 * YEAR) return count(Math.floor(ms / YEAR), 'year')
  if (ms >= 2 * DAY) return count(Math.floor(ms / DAY), 'day')
  if (ms >= HOUR) return count(Math.floor(ms / HOUR), 'hour')
  return count(Math.max(1, Math.floor(ms / 60_000)), 'minute')
}
