import * as v from 'valibot'
import { canonicalJson } from '../domain/canonical'
import type { AnyRec } from '../domain/types'
import { APP_NAME, BACKUP_TYPE, BACKUP_VERSION, type Backup } from './backup'
import { crc32 } from './crc32'
import { RecordsSchema, describeRecordIssue } from './records-schema'

// Reading is apart from writing so that the validator loads only when a file is opened.

export type BackupResult = { ok: true; backup: Backup } | { ok: false; message: string }

const EnvelopeSchema = v.object({
  type: v.literal(BACKUP_TYPE),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  source: v.object({ app: v.string(), device: v.string() }),
  createdAt: v.string(),
  workshopId: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  records: v.array(v.unknown()),
  checksum: v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/)),
})

const NOT_OURS = 'This file is not an OKRA Harvest backup. Nothing was changed.'

/** Reads a backup file's text, refusing anything that is not a whole, intact backup we understand. */
export function readBackup(text: string): BackupResult {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return {
      ok: false,
      message: text.includes(BACKUP_TYPE)
        ? 'This backup is damaged or incomplete: it cannot be read. Nothing was changed.'
        : NOT_OURS,
    }
  }
  if (!parsed || typeof parsed !== 'object' || (parsed as { type?: unknown }).type !== BACKUP_TYPE) {
    return { ok: false, message: NOT_OURS }
  }
  const version = (parsed as { version?: unknown }).version
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    return {
      ok: false,
      message: `This backup was made by a newer version of ${APP_NAME} (format ${version}; this app reads up to ${BACKUP_VERSION}). Update the app on this tablet, then open the file again. Nothing was changed.`,
    }
  }
  const envelope = v.safeParse(EnvelopeSchema, parsed)
  if (!envelope.success) {
    return { ok: false, message: 'This backup is damaged: its envelope is malformed. Nothing was changed.' }
  }
  const { checksum, ...body } = envelope.output
  if (crc32(canonicalJson(body)) !== checksum) {
    return {
      ok: false,
      message: 'This backup is damaged: its contents do not match its checksum. Nothing was changed.',
    }
  }
  const records = v.safeParse(RecordsSchema, body.records)
  if (!records.success) {
    return {
      ok: false,
      message: `This backup is malformed: ${describeRecordIssue(records.issues, body.records)}. Nothing was changed.`,
    }
  }
  const foreign = records.output.find(record => record.workshopId !== body.workshopId)
  if (foreign) {
    return { ok: false, message: 'This backup is malformed: it mixes records of several workshops. Nothing was changed.' }
  }
  if (!records.output.some(record => record.kind === 'workshop' && record.id === body.workshopId)) {
    return { ok: false, message: 'This backup is malformed: it holds no workshop. Nothing was changed.' }
  }
  return { ok: true, backup: { ...body, type: BACKUP_TYPE, records: records.output as AnyRec[] } }
}

