import type { AnyRec } from '../../domain/types'
import { readBackup, sealHolds, workshopOf } from '../../exchange/backup-read'
import { isWorkshopCopy, readWorkshopCopy } from '../../exchange/workshop-copy-read'
import type { HarvestDB } from '../db'
import { applyIncoming, mergeIncoming, type IncomingPlan, type IncomingSummary } from './incoming'
import { newSecret } from './workshops'

/**
 * Opening a backup file. Its workshop on this tablet → a merge, and the file must carry the
 * seal of this tablet's own copy of the workshop secret (never the file's): a changed or
 * forged file is refused and writes nothing. Its workshop not on this tablet → a restore: the
 * seal is checked under the file's own secret (that finds damage, not forgery: there is
 * nothing here yet to protect), the screen says so before anything is written, and the
 * tablet then holds the file's secret. A restore never touches a record already here.
 * The exported folder's workshop.json holds no secret: it opens as a copy, a new workshop.
 */
export interface OpenedFile {
  readonly workshopId: string
  readonly title: string
  /** When the file was saved (ISO). */
  readonly createdAt: string
  readonly records: readonly AnyRec[]
}

export type BackupPlan =
  | { readonly mode: 'merge'; readonly backup: OpenedFile; readonly secret: string }
  | { readonly mode: 'restore' | 'copy'; readonly backup: OpenedFile }

export type CheckedBackup = ({ readonly ok: true } & BackupPlan) | { readonly ok: false; readonly message: string }

class BackupRefused extends Error {}

const NOTHING = 'Nothing was changed.'

/** Reads and verifies a backup file's text against this tablet, writing nothing. */
export async function checkBackup(db: HarvestDB, text: string): Promise<CheckedBackup> {
  const copy = copyIn(text)
  if (copy) {
    const read = readWorkshopCopy(copy.value, newSecret())
    return read.ok ? { ok: true, mode: 'copy', backup: read.copy } : read
  }
  const read = readBackup(text)
  if (!read.ok) return read
  const { backup } = read
  const held = await db.records.get(backup.workshopId)
  if (held) {
    if (held.kind !== 'workshop') return { ok: false, message: `This backup is malformed: its workshop id is taken here. ${NOTHING}` }
    if (read.mac === null) {
      return {
        ok: false,
        message: `This backup was saved by an older version of OKRA Harvest, without its workshop’s seal, and “${held.fields.title}” is already on this tablet, so it cannot be merged. Save a new backup on the tablet it came from. ${NOTHING}`,
      }
    }
    if (!(await sealHolds(read, held.fields.secret))) {
      return {
        ok: false,
        message: `This backup does not carry the seal of “${held.fields.title}” as this tablet knows it: it was changed after it was saved, or it was not made by a tablet of this workshop. ${NOTHING}`,
      }
    }
    return { ok: true, mode: 'merge', backup, secret: held.fields.secret }
  }
  if (read.mac !== null && !(await sealHolds(read, workshopOf(backup).fields.secret))) {
    return { ok: false, message: `This backup is damaged: its contents do not match its seal. ${NOTHING}` }
  }
  const taken = await takenIds(db, backup.records)
  if (taken) return { ok: false, message: taken }
  return { ok: true, mode: 'restore', backup }
}

export type AppliedBackup = { readonly ok: true; readonly summary: IncomingSummary } | { readonly ok: false; readonly message: string }

/**
 * Writes a checked backup in one transaction, after making sure that what was checked still
 * holds: the workshop's secret is the one the seal was verified with, or (a restore or copy)
 * the workshop is still not here. When it does not, nothing is written and the message says why.
 * Given the merge its preview showed (`planIncoming` of the file's records), that merge is what
 * is written, worked out again only if a record it touches changed here since.
 */
export async function applyBackup(db: HarvestDB, plan: BackupPlan, previewed?: IncomingPlan): Promise<AppliedBackup> {
  try {
    return { ok: true, summary: await applyChecked(db, plan, previewed) }
  } catch (error) {
    if (error instanceof BackupRefused) return { ok: false, message: error.message }
    throw error
  }
}

async function applyChecked(db: HarvestDB, plan: BackupPlan, previewed?: IncomingPlan): Promise<IncomingSummary> {
  if (!db.isOpen()) await db.open()
  return db.transaction('rw', db.records, db.meta, async () => {
    const held = await db.records.get(plan.backup.workshopId)
    if (plan.mode === 'merge') {
      if (held?.kind !== 'workshop' || held.fields.secret !== plan.secret) {
        throw new BackupRefused(`This workshop changed on this tablet while the file was open: open the file again. ${NOTHING}`)
      }
    } else {
      if (held) throw new BackupRefused(`This workshop arrived on this tablet while the file was open: open the file again. ${NOTHING}`)
      const taken = await takenIds(db, plan.backup.records)
      if (taken) throw new BackupRefused(taken)
    }
    return previewed?.incoming === plan.backup.records ? applyIncoming(db, previewed) : mergeIncoming(db, plan.backup.records)
  })
}

function copyIn(text: string): { value: unknown } | null {
  try {
    const value: unknown = JSON.parse(text)
    return isWorkshopCopy(value) ? { value } : null
  } catch {
    return null
  }
}

/** A restore brings a workshop that is not here: none of its ids may already name a record here. */
async function takenIds(db: HarvestDB, records: readonly AnyRec[]): Promise<string | null> {
  const found = await db.records.bulkGet(records.map(record => record.id))
  return found.some(record => record !== undefined)
    ? `This backup reuses records that belong to another workshop on this tablet: it is damaged or forged, and cannot be restored. ${NOTHING}`
    : null
}
