import { canonicalJson } from '../domain/canonical'
import type { AnyRec, Rec } from '../domain/types'
import { crc32 } from './crc32'

export const BACKUP_TYPE = 'okra-harvest/backup'
export const BACKUP_VERSION = 1
export const APP_NAME = 'OKRA Harvest'

/** The envelope of a backup file: what it is, which format, who made it, and its records. */
export interface Backup {
  readonly type: typeof BACKUP_TYPE
  readonly version: number
  readonly source: { readonly app: string; readonly device: string }
  readonly createdAt: string
  readonly workshopId: string
  readonly title: string
  readonly records: readonly AnyRec[]
}

/** The file text of a whole workshop: canonical JSON with a checksum over everything else. */
export function writeBackup(input: {
  workshop: Rec<'workshop'>
  records: readonly AnyRec[]
  deviceId: string
  now?: Date
}): string {
  const body: Backup = {
    type: BACKUP_TYPE,
    version: BACKUP_VERSION,
    source: { app: APP_NAME, device: input.deviceId },
    createdAt: (input.now ?? new Date()).toISOString(),
    workshopId: input.workshop.id,
    title: input.workshop.fields.title,
    records: [...input.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }
  // The envelope's head comes first in the file, so a person (or a truncated copy) still
  // shows what it is; the checksum is over the canonical form, whatever the order here.
  const { records, ...head } = body
  const checksum = crc32(canonicalJson(body))
  const headText = Object.entries(head)
    .map(([key, value]) => `${JSON.stringify(key)}:${canonicalJson(value)}`)
    .join(',')
  return `{${headText},"checksum":"${checksum}","records":[\n${records.map(canonicalJson).join(',\n')}\n]}\n`
}

/** Refuses a backup of another workshop when the person is merging into this one. */
export function checkSameWorkshop(backup: Backup, workshop: Rec<'workshop'>): string | null {
  if (backup.workshopId === workshop.id) return null
  return `This backup is of another workshop ("${backup.title}"), not of "${workshop.fields.title}". Open it from the home screen instead. Nothing was changed.`
}

export function backupFileName(workshop: Rec<'workshop'>): string {
  const slug =
    workshop.fields.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'workshop'
  return `okra-harvest-${slug}-${workshop.fields.date}.json`
}
