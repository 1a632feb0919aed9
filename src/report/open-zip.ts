import { fileTooLargeMessage, MAX_OPENED_FILE_BYTES } from './unzip'
import { backupInZip, looksLikeZip, readZip } from './zip'

export type OpenedBackup = { ok: true; text: string } | { ok: false; message: string }

/**
 * The backup text of a chosen file: the file itself, or, for a folder .zip this app exported,
 * the workshop.json inside it — so an exported folder opens again, as a new workshop.
 */
export async function backupTextOf(file: Blob & { name?: string }): Promise<OpenedBackup> {
  if (file.size > MAX_OPENED_FILE_BYTES) return { ok: false, message: fileTooLargeMessage(file.name ?? 'This file') }
  const bytes = new Uint8Array(await file.arrayBuffer())
  if (!looksLikeZip(bytes)) return { ok: true, text: new TextDecoder('utf-8').decode(bytes) }
  const zip = readZip(bytes)
  if (!zip.ok) return zip
  const text = backupInZip(zip.files)
  return text === null
    ? { ok: false, message: 'This folder holds no workshop.json, so it cannot be opened as a workshop. Nothing was changed.' }
    : { ok: true, text }
}
