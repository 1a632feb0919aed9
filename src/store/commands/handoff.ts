import type { AnyRec } from '../../domain/types'
import { holdingsOf, type Holdings } from '../../exchange/delta'
import type { HarvestDB, MetaRow } from '../db'
import { workshopRecords } from '../queries'
import { ensureDevice } from '../writer'
import { mergeIncoming, type IncomingSummary } from './incoming'

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

/** Merges a received bundle (one transaction), then says what this tablet now holds, for the receipt. */
export async function mergeHandoff(db: HarvestDB, workshopId: string, records: readonly AnyRec[]): Promise<MergedHandoff> {
  const summary = await mergeIncoming(db, records)
  const [all, deviceId] = await Promise.all([workshopRecords(db, workshopId), thisDevice(db)])
  return { summary, deviceId, held: holdingsOf(all) }
}

/**
 * Remembers that the tablet `deviceId` acknowledged holding `held` of a workshop (what was
 * sent to it, on top of what it had), so the next share to it can send only what it lacks.
 */
export async function recordReceipt(
  db: HarvestDB,
  input: { workshopId: string; deviceId: string; held: Holdings; at?: Date },
): Promise<void> {
  const key = peerKey(input.workshopId, input.deviceId)
  await db.transaction('rw', db.meta, async () => {
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
  })
}
