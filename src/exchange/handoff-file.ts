/**
 * The handoff file: the same sealed bytes a QR transfer carries, for when a camera fails.
 * It leaves the tablet through `saveFile` (file.ts), like every other file.
 */

import { fileSlug } from './file'

export const HANDOFF_FILE_TYPE = 'application/octet-stream'

export function handoffFileName(title: string, kind: 'handoff' | 'join'): string {
  return `${fileSlug(title, 60)}.${kind}.harvest`
}

export function asHandoffFile(bytes: Uint8Array, name: string): File {
  return new File([bytes as Uint8Array<ArrayBuffer>], name, { type: HANDOFF_FILE_TYPE })
}

export async function readHandoffFile(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer())
}
