import { aKind } from '../../domain/describe'
import { leadOf, parseStamp } from '../../domain/clock'
import { admissible, classifyIncoming, mergeRecord, sameIdentity, sameRecord, type Change } from '../../domain/merge'
import { conflictsOf, deviceNames, tabletLabel, type Conflict } from '../../domain/notices'
import { latestStamp } from '../../domain/record'
import { KINDS, type AnyRec, type Kind, type Rec } from '../../domain/types'
import type { ConflictRow, HarvestDB } from '../db'
import { write, type Writer } from '../writer'

/** Records stamped by one tablet further ahead of this tablet's date than the bound. */
export interface AheadNotice {
  readonly deviceId: string
  readonly tablet: string
  /** How far its latest stamp is ahead of this tablet's date, in milliseconds. */
  readonly ahead: number
  readonly count: number
}

/** A value the merge does not keep, shown with the tablet that wrote it. */
export interface ConflictNotice extends Conflict {
  readonly tablet: string
}

export interface IncomingSummary {
  /** Per kind, how many records are new here, would change, or are already known as they are. */
  readonly counts: Readonly<Record<Kind, Readonly<Record<Change, number>>>>
  readonly newCount: number
  readonly changedCount: number
  readonly sameCount: number
  /** Each new or changed record, for a preview that names them. */
  readonly items: readonly { readonly change: Exclude<Change, 'same'>; readonly record: AnyRec }[]
  /** Tablets whose stamps are too far ahead: their records are not merged. */
  readonly ahead: readonly AheadNotice[]
  /** Records refused because they claim the id of another record, in words. */
  readonly identity: readonly string[]
  /** Concurrent values of a title or a text that the merge does not keep. */
  readonly conflicts: readonly ConflictNotice[]
  /** Live cards left in a milestone that is deleted once merged. */
  readonly orphanCards: number
  /** The file carried another workshop key; this tablet's is kept. */
  readonly keptSecret: boolean
}

function emptyCounts(): Record<Kind, Record<Change, number>> {
  return Object.fromEntries(KINDS.map(kind => [kind, { new: 0, changed: 0, same: 0 }])) as Record<
    Kind,
    Record<Change, number>
  >
}

/**
 * Copies of one id within one bundle reduce by the same merge as copies across bundles, so
 * their order in the file never matters. Copies that disagree on kind or workshop cannot be
 * told apart from a forgery: none of them is taken.
 */
function reduceBundle(incoming: readonly AnyRec[], identity: string[]): AnyRec[] {
  const byId = new Map<string, AnyRec | null>()
  for (const record of incoming) {
    const known = byId.get(record.id)
    if (known === null) continue
    if (known && !sameIdentity(known, record)) {
      byId.set(record.id, null)
      identity.push(`${aKind(record.kind)} in this file shares its id with ${aKind(known.kind).toLowerCase()} in it: neither is merged.`)
      continue
    }
    byId.set(record.id, known ? mergeRecord(known, record) : record)
  }
  return [...byId.values()].filter((record): record is AnyRec => record !== null)
}

/** This tablet's key stays this tablet's: only a deliberate local action may change it. */
function keepSecret(local: Rec<'workshop'>, merged: Rec<'workshop'>): Rec<'workshop'> {
  if (merged.fields.secret === local.fields.secret) return merged
  return {
    ...merged,
    fields: { ...merged.fields, secret: local.fields.secret },
    stamps: { ...merged.stamps, secret: local.stamps.secret },
  }
}

interface Plan {
  readonly summary: IncomingSummary
  readonly toWrite: AnyRec[]
  /** Every record taken from the bundle (changed or not): what the clock must move past. */
  readonly taken: AnyRec[]
}

/**
 * What merging would do. A record whose stamps run more than the bound ahead of this
 * tablet's date is refused, not clamped: clamping would rewrite its stamps relative to each
 * receiver's own clock, so two tablets would hold different stamps for one edit and never
 * converge. Refused, it is as if not yet received; it merges on a later handoff once this
 * tablet's date has caught up (or the sender's date is put right and it edits again), and
 * merge stays commutative, associative and idempotent.
 */
function plan(local: Map<string, AnyRec>, incoming: readonly AnyRec[], now: number): Plan {
  const counts = emptyCounts()
  const items: { change: Exclude<Change, 'same'>; record: AnyRec }[] = []
  const toWrite: AnyRec[] = []
  const taken: AnyRec[] = []
  const identity: string[] = []
  const conflicts: Conflict[] = []
  const ahead = new Map<string, { ahead: number; count: number }>()
  let newCount = 0
  let changedCount = 0
  let sameCount = 0
  let keptSecret = false
  for (const record of reduceBundle(incoming, identity)) {
    const known = local.get(record.id)
    if (known && !sameIdentity(known, record)) {
      identity.push(`${aKind(record.kind)} in this file has the id of ${aKind(known.kind).toLowerCase()} here: it is not merged.`)
      continue
    }
    if (!admissible(record, now)) {
      const latest = latestStamp(record)
      const lead = leadOf(latest, now)
      const deviceId = parseStamp(latest)?.deviceId ?? ''
      const seen = ahead.get(deviceId)
      ahead.set(deviceId, { ahead: Math.max(lead, seen?.ahead ?? 0), count: (seen?.count ?? 0) + 1 })
      continue
    }
    taken.push(record)
    let { change, merged } = classifyIncoming(known, record)
    if (known?.kind === 'workshop' && merged.kind === 'workshop') {
      const kept = keepSecret(known, merged)
      keptSecret ||= kept !== merged
      merged = kept
    }
    if (known) {
      conflicts.push(...conflictsOf(known, record, merged))
      if (change === 'changed' && sameRecord(merged, known)) change = 'same'
    }
    counts[record.kind][change] += 1
    if (change === 'same') {
      sameCount += 1
      continue
    }
    if (change === 'new') newCount += 1
    else changedCount += 1
    items.push({ change, record: merged })
    toWrite.push(merged)
  }
  const names = deviceNames([...local.values(), ...taken])
  const summary: IncomingSummary = {
    counts,
    newCount,
    changedCount,
    sameCount,
    items,
    ahead: [...ahead].map(([deviceId, seen]) => ({ deviceId, tablet: tabletLabel(deviceId, names), ...seen })),
    identity,
    conflicts: conflicts.map(conflict => ({ ...conflict, tablet: tabletLabel(conflict.otherDevice, names) })),
    orphanCards: orphanCards(local, toWrite),
    keptSecret,
  }
  return { summary, toWrite, taken }
}

/** Live cards whose milestone is deleted once merged, where this merge brings the card or the deletion. */
function orphanCards(local: Map<string, AnyRec>, toWrite: readonly AnyRec[]): number {
  const after = new Map(local)
  for (const record of toWrite) after.set(record.id, record)
  const touched = new Set(toWrite.map(record => record.id))
  let count = 0
  for (const record of after.values()) {
    if (record.kind !== 'card' || record.deleted !== undefined || !record.fields.milestoneId) continue
    const milestone = after.get(record.fields.milestoneId)
    if (milestone?.deleted === undefined) continue
    if (touched.has(record.id) || touched.has(milestone.id)) count += 1
  }
  return count
}

/**
 * This tablet's copies of what the merge touches: the incoming ids, the milestones of
 * incoming cards, and the cards of incoming milestones, so that cards left in a deleted
 * milestone can be counted either way round.
 */
async function localCopies(db: HarvestDB, incoming: readonly AnyRec[]): Promise<Map<string, AnyRec>> {
  const ids = new Set(incoming.map(record => record.id))
  for (const record of incoming) if (record.kind === 'card' && record.fields.milestoneId) ids.add(record.fields.milestoneId)
  const found = await db.records.bulkGet([...ids])
  const local = new Map<string, AnyRec>()
  for (const record of found) if (record) local.set(record.id, record)
  const deletedMilestones = incoming.filter(record => record.kind === 'milestone' && record.deleted !== undefined)
  for (const workshopId of new Set(deletedMilestones.map(record => record.workshopId))) {
    const cards = await db.records.where('[workshopId+kind]').equals([workshopId, 'card']).toArray()
    for (const card of cards) if (!local.has(card.id)) local.set(card.id, card)
  }
  return local
}

/**
 * A merge worked out and not yet written: what a preview shows, and exactly what "merge"
 * then writes, unless one of the local copies it was made from has changed in between.
 */
export interface IncomingPlan extends Plan {
  readonly incoming: readonly AnyRec[]
  /** The latest stamp of each local copy the plan was made from: what must still hold to write it as it is. */
  readonly basis: ReadonlyMap<string, string>
}

function basisOf(local: Map<string, AnyRec>): Map<string, string> {
  return new Map([...local].map(([id, record]) => [id, latestStamp(record)]))
}

function sameBasis(local: Map<string, AnyRec>, basis: ReadonlyMap<string, string>): boolean {
  if (local.size !== basis.size) return false
  for (const [id, record] of local) if (basis.get(id) !== latestStamp(record)) return false
  return true
}

/** Works out what merging these records would do, without writing anything. */
export async function planIncoming(db: HarvestDB, incoming: readonly AnyRec[]): Promise<IncomingPlan> {
  return db.transaction('r', db.records, async () => {
    const local = await localCopies(db, incoming)
    return { ...plan(local, incoming, Date.now()), incoming, basis: basisOf(local) }
  })
}

/** What merging these records would do, without writing anything. */
export async function previewIncoming(db: HarvestDB, incoming: readonly AnyRec[]): Promise<IncomingSummary> {
  return (await planIncoming(db, incoming)).summary
}

export function conflictKey(recordId: string, field: string): ConflictRow['key'] {
  return `conflict:${recordId}:${field}`
}

/**
 * Merges records from another tablet or a file into this one, in one transaction: all of
 * them or none (refused records aside, which write nothing). The clock moves past every
 * stamp taken, so edits made here afterwards win; values the merge does not keep are kept
 * as notices on this tablet only, outside the replicated records, so they cannot stop two
 * tablets from converging.
 */
export async function mergeIncoming(db: HarvestDB, incoming: readonly AnyRec[]): Promise<IncomingSummary> {
  return write(db, async writer => commit(db, writer, plan(await localCopies(db, incoming), incoming, Date.now())))
}

/**
 * Writes a plan made earlier (for a preview), in one transaction. The merge is not worked
 * out again unless a local copy it was made from changed since (an edit here, another
 * merge): then it is, inside the same transaction, so what is written is never stale.
 */
export async function applyIncoming(db: HarvestDB, planned: IncomingPlan): Promise<IncomingSummary> {
  return write(db, writer => applyIncomingIn(db, writer, planned))
}

/** applyIncoming inside a command's own transaction. */
export async function applyIncomingIn(db: HarvestDB, writer: Writer, planned: IncomingPlan): Promise<IncomingSummary> {
  const local = await localCopies(db, planned.incoming)
  return commit(db, writer, sameBasis(local, planned.basis) ? planned : plan(local, planned.incoming, Date.now()))
}

async function commit(db: HarvestDB, writer: Writer, { summary, toWrite, taken }: Plan): Promise<IncomingSummary> {
  // What is already here as it is changes nothing, not even this tablet's clock.
  if (toWrite.length === 0 && summary.conflicts.length === 0) return summary
  let latest = ''
  for (const record of taken) {
    const stamp = latestStamp(record)
    if (stamp > latest) latest = stamp
  }
  if (latest) writer.observe(latest)
  await db.records.bulkPut(toWrite)
  const rows: ConflictRow[] = summary.conflicts.map(conflict => ({
    key: conflictKey(conflict.recordId, conflict.field),
    recordId: conflict.recordId,
    workshopId: conflict.workshopId,
    kind: conflict.kind,
    field: conflict.field,
    value: conflict.other,
    stamp: conflict.otherStamp,
    deviceId: conflict.otherDevice,
    tablet: conflict.tablet,
  }))
  // A notice dismissed here stays dismissed when the same value arrives again.
  const known = (await db.meta.bulkGet(rows.map(row => row.key))) as (ConflictRow | undefined)[]
  const fresh = rows.filter((row, index) => !(known[index]?.dismissed && known[index]?.stamp === row.stamp))
  if (fresh.length > 0) await db.meta.bulkPut(fresh)
  return summary
}
