import * as v from 'valibot'
import { canonicalJson } from '../domain/canonical'
import { newId } from '../domain/ids'
import { tieBreakId } from '../domain/ties'
import type { AnyRec } from '../domain/types'
import { APP_NAME } from './backup'
import { recordsProblem } from './backup-read'
import { crc32 } from './crc32'
import { RecordsSchema, describeRecordIssue } from './records-schema'
import { COPY_TYPE, COPY_VERSION } from './workshop-copy'

const EnvelopeSchema = v.object({
  type: v.literal(COPY_TYPE),
  version: v.literal(COPY_VERSION),
  source: v.object({ app: v.string(), device: v.string() }),
  createdAt: v.string(),
  workshopId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  title: v.string(),
  records: v.array(v.record(v.string(), v.unknown())),
  checksum: v.pipe(v.string(), v.regex(/^[0-9a-f]{8}$/)),
})

export interface WorkshopCopy {
  /** The new workshop's id. */
  readonly workshopId: string
  readonly title: string
  readonly createdAt: string
  readonly records: readonly AnyRec[]
}

export type CopyResult = { ok: true; copy: WorkshopCopy } | { ok: false; message: string }

export function isWorkshopCopy(value: unknown): boolean {
  return !!value && typeof value === 'object' && (value as { type?: unknown }).type === COPY_TYPE
}

/** Reads a parsed workshop.json as a new workshop, with `secret` as its own. */
export function readWorkshopCopy(value: unknown, secret: string): CopyResult {
  if (typeof (value as { version?: unknown }).version === 'number' && (value as { version: number }).version > COPY_VERSION) {
    return {
      ok: false,
      message: `This workshop file was made by a newer version of ${APP_NAME}. Update the app on this tablet, then open it again. Nothing was changed.`,
    }
  }
  const envelope = v.safeParse(EnvelopeSchema, value)
  if (!envelope.success) return { ok: false, message: 'This workshop file is damaged: its envelope is malformed. Nothing was changed.' }
  const { checksum, ...body } = envelope.output
  if (crc32(canonicalJson(body)) !== checksum) {
    return { ok: false, message: 'This workshop file is damaged: its contents do not match its checksum. Nothing was changed.' }
  }
  const fresh = asNewWorkshop(body.records, body.workshopId, secret)
  const checked = v.safeParse(RecordsSchema, fresh.records)
  if (!checked.success) {
    return { ok: false, message: `This workshop file is malformed: ${describeRecordIssue(checked.issues, fresh.records)}. Nothing was changed.` }
  }
  const records = checked.output as AnyRec[]
  const problem = recordsProblem(records, fresh.workshopId)
  if (problem) return { ok: false, message: `This workshop file is malformed: ${problem}. Nothing was changed.` }
  return { ok: true, copy: { workshopId: fresh.workshopId, title: body.title, createdAt: body.createdAt, records } }
}

/** Fields that name other records: they follow the records to their new ids. */
const REFERENCE = /Ids?$|^unlocks$/

/**
 * The records with a new workshop id, new record ids and the secret given. An id that names
 * no record of the file (a record deleted before the export) gets a new id too, so nothing in
 * the new workshop can point into another.
 */
function asNewWorkshop(records: readonly Record<string, unknown>[], oldWorkshopId: string, secret: string) {
  const workshopId = newId()
  const ids = new Map<string, string>([[oldWorkshopId, workshopId]])
  const idOf = (old: unknown): unknown => {
    if (typeof old !== 'string') return old
    let id = ids.get(old)
    if (id === undefined) ids.set(old, (id = newId()))
    return id
  }
  // A tie's settlement is named by the tie itself: in the new workshop, by its new milestone ids.
  for (const record of records) {
    if (record.kind !== 'tieBreak' || typeof record.id !== 'string') continue
    const fields = record.fields as { milestoneIds?: unknown; votes?: unknown }
    if (!Array.isArray(fields.milestoneIds) || typeof fields.votes !== 'number') continue
    ids.set(record.id, tieBreakId(workshopId, fields.milestoneIds.map(idOf) as string[], fields.votes))
  }
  const out = records.map(record => {
    const fields = { ...(record.fields as Record<string, unknown>) }
    for (const [key, value] of Object.entries(fields)) {
      if (REFERENCE.test(key)) fields[key] = Array.isArray(value) ? value.map(idOf) : idOf(value)
    }
    const stamps = { ...(record.stamps as Record<string, unknown>) }
    if (record.kind === 'workshop') {
      fields.secret = secret
      stamps.secret = stamps.title
    }
    const id = idOf(record.id) as string
    return { ...record, id, workshopId, fields, stamps }
  })
  return { workshopId, records: out }
}
