import * as v from 'valibot'
import { canonicalJson } from '../domain/canonical'
import type { AnyRec, Rec } from '../domain/types'
import { APP_NAME, BACKUP_TYPE, BACKUP_VERSION, macOf, type Backup } from './backup'
import { crc32 } from './crc32'
import { RecordsSchema, describeRecordIssue } from './records-schema'
import { sameBytes } from './wire'

// Reading is apart from writing so that the validator loads only when a file is opened.

/**
 * A backup file read and checked for its shape, but not yet for its seal: whether the seal
 * must hold under this tablet's copy of the secret or the file's own depends on whether the
 * workshop is on this tablet (see store/commands/backup.ts).
 */
export interface ReadBackup {
  readonly backup: Backup
  /** The HMAC of a version 2 file; null for a version 1 file, which only had a checksum. */
  readonly mac: string | null
  /** What the seal is over: the file's JSON as it was, but for the seal, in canonical form. */
  readonly signed: string
}

export type BackupResult = ({ ok: true } & ReadBackup) | { ok: false; message: string }

const EnvelopeSchema = v.object({
  type: v.literal(BACKUP_TYPE),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  source: v.object({ app: v.string(), device: v.string() }),
  createdAt: v.string(),
  workshopId: v.pipe(v.string(), v.minLength(1)),
  title: v.string(),
  records: v.array(v.unknown()),
  checksum: v.optional(v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/))),
  mac: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43}$/))),
})

const NOT_OURS = 'This file is not an OKRA Harvest backup. Nothing was changed.'
const MALFORMED_ENVELOPE = 'This backup is damaged: its envelope is malformed. Nothing was changed.'

/** Reads a backup file's text, refusing anything that is not a whole, well-formed backup we understand. */
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
  if (!envelope.success) return { ok: false, message: MALFORMED_ENVELOPE }
  const { checksum, mac, ...body } = envelope.output
  // Version 1 carries a checksum, version 2 a seal; never both, never the other.
  if (body.version === 1 ? checksum === undefined || mac !== undefined : mac === undefined || checksum !== undefined) {
    return { ok: false, message: MALFORMED_ENVELOPE }
  }
  if (checksum !== undefined && crc32(canonicalJson(body)) !== checksum) {
    return { ok: false, message: 'This backup is damaged: its contents do not match its checksum. Nothing was changed.' }
  }
  const records = v.safeParse(RecordsSchema, body.records)
  if (!records.success) {
    return {
      ok: false,
      message: `This backup is malformed: ${describeRecordIssue(records.issues, body.records)}. Nothing was changed.`,
    }
  }
  const valid = records.output as AnyRec[]
  const problem = recordsProblem(valid, body.workshopId)
  if (problem) return { ok: false, message: `This backup is malformed: ${problem}. Nothing was changed.` }
  // The seal covers the file as written, not what validation kept of it: a key added anywhere breaks it.
  const { mac: _, ...signed } = parsed as Record<string, unknown>
  return { ok: true, backup: { ...body, type: BACKUP_TYPE, records: valid }, mac: mac ?? null, signed: canonicalJson(signed) }
}

/** What makes a list of valid records unfit to be one workshop, or null. */
export function recordsProblem(records: readonly AnyRec[], workshopId: string): string | null {
  if (records.some(record => record.workshopId !== workshopId)) return 'it mixes records of several workshops'
  const seen = new Map<string, number>()
  for (const [index, record] of records.entries()) {
    const first = seen.get(record.id)
    if (first !== undefined) return `record ${index + 1} repeats the id of record ${first + 1}`
    seen.set(record.id, index)
  }
  if (!records.some(record => record.kind === 'workshop' && record.id === workshopId)) return 'it holds no workshop'
  return null
}

/** The workshop record a backup carries (readBackup made sure there is one). */
export function workshopOf(backup: Backup): Rec<'workshop'> {
  return backup.records.find((record): record is Rec<'workshop'> => record.kind === 'workshop' && record.id === backup.workshopId)!
}

/** Whether a version 2 backup's seal holds under this secret. Never throws. */
export async function sealHolds(file: ReadBackup, secret: string): Promise<boolean> {
  if (file.mac === null) return false
  try {
    const expected = await macOf(file.signed, file.backup.workshopId, secret)
    const encoder = new TextEncoder()
    return sameBytes(encoder.encode(expected), encoder.encode(file.mac))
  } catch {
    return false
  }
}
