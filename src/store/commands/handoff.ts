import { holdingsOf, type Holdings } from '../../domain/delta'
import type { HarvestDB, MetaRow } from '../db'
import { workshopRecords } from '../queries'
import type { HandoffPreview } from '../reads/handoff'
import { ensureDevice, write } from '../writer'
import { applyIncomingIn, type IncomingSummary } from './incoming'

export type PeerRow = Extract<MetaRow, { key: `peer:${string}` }>

export function peerKey(workshopId: string, deviceId: string): PeerRow['key'] {
  return `peer:${workshopId}:${deviceId}`
}

/** This tablet's device id (made on first use). */
export async function thisDevice(db: HarvestDB): Promise<string> {
  return (await db.transaction('rw', db.meta, () => ensureDevice(db))).deviceId
}

export interface MergedHandoff {
  readonly summary: IncomingSummary
  readonly deviceId: string
  /** What this tablet holds of the workshop after the merge: the receipt's digest is made of it. */
  readonly held: Holdings
}

/**
 * Merges what a preview showed (one transaction: the preview's merge is written as it is,
 * worked out again only if a record it touches changed here since), then says what this
 * tablet now holds, for the receipt.
 */
export async function mergeHandoff(db: HarvestDB, preview: HandoffPreview): Promise<MergedHandoff> {
  return write(db, async writer => {
    const summary = await applyIncomingIn(db, writer, preview.plan)
    const all = await workshopRecords(db, preview.workshopId)
    return { summary, deviceId: writer.deviceId, held: holdingsOf(all) }
  })
}

/**
 * Remembers that the tablet `deviceId` acknowledged holding `held` of a workshop (what was
 * sent to it, on top of what it had), so the next share to it can send only what it lacks.
 * Returns what this tablet holds of the workshop, to tell whether the two now hold the same.
 */
export async function recordReceipt(
  db: HarvestDB,
  input: { workshopId: string; deviceId: string; held: Holdings; at?: Date },
): Promise<Holdings> {
  const key = peerKey(input.workshopId, input.deviceId)
  return db.transaction('rw', db.records, db.meta, async () => {
    const known = (await db.meta.get(key)) as PeerRow | undefined
    // What it held before and did not get again is still there: merges never drop records.
    const held = { ...(known?.held ?? {}), ...input.held }
    await db.meta.put({
      key,
      workshopId: input.workshopId,
      deviceId: input.deviceId,
      at: (input.at ?? new Date()).toISOString(),
      held,
    })
    return holdingsOf(await workshopRecords(db, input.workshopId))
  })
}
