import { strFromU8, strToU8, zipSync } from 'fflate'
import type { Inventory, InventoryRecords } from '../domain/inventory'
import { clustersMarkdown } from './clusters'
import { hypothesesMarkdown, objectivesMarkdown } from './markdown'
import { milestonesCsv } from './milestones-csv'
import { unzipCapped, ZIP_LIMITS, type ZipLimits } from './unzip'
import { fileSlug } from '../exchange/file'

/** The seed's folder, inside the zip as the seed draws it. */
export const FOLDER = 'okra/session-2/'
/** The workshop as a copy without its secret (exchange/workshop-copy.ts): the folder is for sharing. */
export const WORKSHOP_NAME = `${FOLDER}workshop.json`

/** The files of the folder: name → text. */
export function folderFiles(
  records: InventoryRecords,
  inventory: Inventory,
  workshopText: string,
  options: { bom?: boolean } = {},
): Record<string, string> {
  return {
    [`${FOLDER}objectives.md`]: objectivesMarkdown(records),
    [`${FOLDER}hypotheses.md`]: hypothesesMarkdown(records, inventory),
    [`${FOLDER}milestone-candidates.csv`]: milestonesCsv(records, inventory, options),
    [`${FOLDER}clusters-and-types.md`]: clustersMarkdown(inventory),
    [WORKSHOP_NAME]: workshopText,
  }
}

export function zipFolder(files: Record<string, string>, mtime = new Date()): Uint8Array {
  const entries = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))
  return zipSync(entries, { level: 6, mtime })
}

export function folderZipName(title: string, date: string): string {
  return `okra-session-2-${fileSlug(title)}-${date}.zip`
}

export type ZipRead = { ok: true; files: Record<string, string> } | { ok: false; message: string }

/**
 * Reads a zip's text files, within the limits of unzip.ts: a file that is not a zip, or one
 * that would unpack to more than a workshop's folder ever holds, gets a message, not an exception.
 */
export function readZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): ZipRead {
  const unzipped = unzipCapped(bytes, limits)
  if (!unzipped.ok) return unzipped
  return { ok: true, files: Object.fromEntries(Object.entries(unzipped.files).map(([name, data]) => [name, strFromU8(data)])) }
}

/**
 * The workshop inside an exported folder, wherever the folder was unpacked and packed again:
 * its workshop.json, or the backup.json that folders held before they left the secret out.
 */
export function backupInZip(files: Record<string, string>): string | null {
  const names = Object.keys(files)
  const name =
    names.find(n => n === WORKSHOP_NAME) ?? names.find(n => n.endsWith('workshop.json')) ?? names.find(n => n.endsWith('backup.json'))
  return name ? files[name]! : null
}

/** True when the bytes start as a zip does ("PK\3\4"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}
