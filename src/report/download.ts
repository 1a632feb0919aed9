import { downloadBlob } from '../exchange/file'

/** Saves bytes as a file through the browser's download. */
export function saveBytes(name: string, bytes: Uint8Array, type: string): void {
  downloadBlob(name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type }))
}
