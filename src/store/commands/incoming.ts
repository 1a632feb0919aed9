import { classifyIncoming, type Change } from '../../domain/merge'
import { latestStamp } from '../../domain/record'
import { KINDS, type AnyRec, type Kind } from '../../domain/types'
import type { HarvestDB } from '../db'
import { write } from '../writer'

export interface IncomingSummary {
  /** Per kind, how many records are new here, would change, or are already known as they are. */
  readonly counts: Readonly<Record<Kind, Readonly<Record<Change, number>>>>
  readonly newCount: number
  readonly changedCount: number
  readonly sameCount: number
  /** Each new or changed record, for a preview that names them. */
  readonly items: readonly { readonly change: Exclude<Change, 'same'>; readonly record: AnyRec }[]
}

function emptyCounts(): Record<Kind, Record<Change, number>> {
  return Object.fromEntries(KINDS.map(kind => [kind, { new: 0, changed: 0, same: 0 }])) as Record<
    Kind,
    Record<Change, number>
  >
}

function summarize(local: Map<string, AnyRec>, incoming: readonly AnyRec[]) {
  const counts = emptyCounts()
  const items: { change: Exclude<Change, 'same'>; record: AnyRec }[] = []
  const toWrite: AnyRec[] = []
  let newCount = 0
  let changedCount = 0
  let sameCount = 0
  for (const record of incoming) {
    const { change, merged } = classifyIncoming(local.get(record.id), record)
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
  return { summary: { counts, newCount, changedCount, sameCount, items }, toWrite }
}

async function localCopies(db: HarvestDB, incoming: readonly AnyRec[]): Promise<Map<string, AnyRec>> {
  const found = await db.records.bulkGet(incoming.map(record => record.id))
  const local = new Map<string, AnyRec>()
  for (const record of found) if (record) local.set(record.id, record)
  return local
}

/** What merging these records would do, without writing anything. */
export async function previewIncoming(db: HarvestDB, incoming: readonly AnyRec[]): Promise<IncomingSummary> {
  return db.transaction('r', db.records, async () => summarize(await localCopies(db, incoming), incoming).summary)
}

/**
 * Merges records from another tablet or a file into this one, in one transaction: all of
 * them or none. The clock moves past every stamp received, so edits made here afterwards win.
 */
export async function mergeIncoming(db: HarvestDB, incoming: readonly AnyRec[]): Promise<IncomingSummary> {
  return write(db, async writer => {
    const { summary, toWrite } = summarize(await localCopies(db, incoming), incoming)
    // What is already here as it is changes nothing, not even this tablet's clock.
    if (toWrite.length === 0) return summary
    let latest = ''
    for (const record of incoming) {
      const stamp = latestStamp(record)
      if (stamp > latest) latest = stamp
    }
    if (latest) writer.observe(latest)
    await db.records.bulkPut(toWrite)
    return summary
  })
}
