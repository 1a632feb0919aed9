import { canonicalJson } from '../domain/canonical'
import type { AnyRec, Rec } from '../domain/types'
import { APP_NAME, envelopeText, sortedById } from './backup'
import { crc32 } from './crc32'

/**
 * The workshop as the exported folder carries it (workshop.json): every live record, but not
 * the workshop secret, so a folder shared outside the room lets nobody join, read or forge
 * the room's codes and files. Opening it makes a new workshop, with new ids and a fresh
 * secret of its own, and the same inventory. A CRC-32 finds damage; there is no key to seal
 * it with, and nothing it could be merged into. Reading is in workshop-copy-read.ts, so that
 * the validator loads only when a file is opened.
 */

export const COPY_TYPE = 'okra-harvest/workshop-copy'
export const COPY_VERSION = 1

export function writeWorkshopCopy(input: {
  workshop: Rec<'workshop'>
  records: readonly AnyRec[]
  deviceId: string
  now?: Date
}): string {
  const records = input.records.filter(record => record.deleted === undefined).map(withoutSecret)
  const body = {
    type: COPY_TYPE,
    version: COPY_VERSION,
    source: { app: APP_NAME, device: input.deviceId },
    createdAt: (input.now ?? new Date()).toISOString(),
    workshopId: input.workshop.id,
    title: input.workshop.fields.title,
    records: sortedById(records),
  }
  return envelopeText(body, { checksum: crc32(canonicalJson(body)) })
}

/** A record as the copy carries it: the workshop record lacks its secret, and its stamp. */
type CopiedRecord = { readonly id: string } & Readonly<Record<string, unknown>>

function withoutSecret(record: AnyRec): CopiedRecord {
  if (record.kind !== 'workshop') return record as unknown as CopiedRecord
  const { secret: _, ...fields } = record.fields
  const { secret: __, ...stamps } = record.stamps
  return { ...record, fields, stamps }
}
