import { canonicalJson } from '../domain/canonical'
import type { AnyRec, Rec } from '../domain/types'
import { deriveFileKey } from './keys'

export const BACKUP_TYPE = 'okra-harvest/backup'
/**
 * 2: sealed with an HMAC keyed from the workshop secret. 1 carried a CRC-32 only, which anyone
 * can recompute: such a file is opened only as a restore on a tablet that does not hold its
 * workshop (see backup-read.ts).
 */
export const BACKUP_VERSION = 2
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

/**
 * The file text of a whole workshop, its secret included (that is what makes it a backup):
 * canonical JSON sealed with an HMAC-SHA-256 over everything else, under a key only the
 * workshop's tablets can derive.
 */
export async function writeBackup(input: {
  workshop: Rec<'workshop'>
  records: readonly AnyRec[]
  deviceId: string
  now?: Date
}): Promise<string> {
  const body: Backup = {
    type: BACKUP_TYPE,
    version: BACKUP_VERSION,
    source: { app: APP_NAME, device: input.deviceId },
    createdAt: (input.now ?? new Date()).toISOString(),
    workshopId: input.workshop.id,
    title: input.workshop.fields.title,
    records: sortedById(input.records),
  }
  const mac = await backupMac(body, input.workshop.fields.secret)
  return envelopeText(body, { mac })
}

/** The seal of a backup's body: base64url of HMAC-SHA-256 over its canonical JSON. */
export function backupMac(body: Backup, secret: string): Promise<string> {
  return macOf(canonicalJson(body), body.workshopId, secret)
}

export async function macOf(signed: string, workshopId: string, secret: string): Promise<string> {
  const key = await deriveFileKey(workshopId, secret)
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(signed))
  return base64url(new Uint8Array(signature))
}

/**
 * The envelope's head comes first in the file, so a person (or a truncated copy) still sees
 * what it is; a seal is over the canonical form, whatever the order here.
 */
export function envelopeText(body: { readonly records: readonly unknown[] }, seal: Record<string, string>): string {
  const { records, ...head } = body
  const headText = Object.entries({ ...head, ...seal })
    .map(([key, value]) => `${JSON.stringify(key)}:${canonicalJson(value)}`)
    .join(',')
  return `{${headText},"records":[\n${records.map(canonicalJson).join(',\n')}\n]}\n`
}

export function sortedById<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

export function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Refuses a backup of another workshop when the person is merging into this one. */
export function checkSameWorkshop(backup: Pick<Backup, 'workshopId' | 'title'>, workshop: Rec<'workshop'>): string | null {
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
