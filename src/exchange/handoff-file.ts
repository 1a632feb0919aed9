import { downloadBlob } from './file'
/**
 * The handoff file: the same sealed bytes a QR transfer carries, for when a camera fails.
 * Shared through the Web Share API where the browser can share files (Android, iPad),
 * downloaded elsewhere.
 */

export const HANDOFF_FILE_TYPE = 'application/octet-stream'

export function handoffFileName(title: string, kind: 'handoff' | 'join'): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'workshop'
  return `${slug}.${kind}.harvest`
}

/** Shares or downloads the file; 'cancelled' when the person closed the share sheet. */
export async function saveHandoffFile(bytes: Uint8Array, name: string): Promise<'shared' | 'saved' | 'cancelled'> {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name, { type: HANDOFF_FILE_TYPE })
  const nav = globalThis.navigator as Navigator | undefined
  if (nav?.canShare?.({ files: [file] }) && nav.share) {
    try {
      await nav.share({ files: [file], title: name })
      return 'shared'
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled'
      // Sharing refused (no user gesture left, say): a download still works.
    }
  }
  downloadBlob(name, file)
  return 'saved'
}

export async function readHandoffFile(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer())
}
