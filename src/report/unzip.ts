import { inflateCapped } from '../exchange/codec'

/**
 * A careful zip reader. A folder this app exports is a few hundred kilobytes; a zip bomb of a
 * few kilobytes can unpack to gigabytes and stall the tablet. So the central directory's
 * declared sizes are checked against the limits before anything is inflated, and each entry
 * is inflated no further than what it declared: an entry that lies is cut off and refused.
 */

/** The most a zip may unpack to, all entries together. */
export const MAX_ZIP_UNPACKED_BYTES = 20 * 1024 * 1024
/** The most one entry may unpack to. */
export const MAX_ZIP_ENTRY_BYTES = 16 * 1024 * 1024
/** The most entries a zip may hold: the seed's folder has five. */
export const MAX_ZIP_ENTRIES = 1000

export interface ZipLimits {
  readonly total: number
  readonly entry: number
  readonly entries: number
}

export const ZIP_LIMITS: ZipLimits = { total: MAX_ZIP_UNPACKED_BYTES, entry: MAX_ZIP_ENTRY_BYTES, entries: MAX_ZIP_ENTRIES }

/** A file larger than this is not read at all: no folder or backup of a workshop comes near it. */
export const MAX_OPENED_FILE_BYTES = MAX_ZIP_UNPACKED_BYTES

export function fileTooLargeMessage(name: string): string {
  return `“${name}” is larger than ${megabytes(MAX_OPENED_FILE_BYTES)}, far more than a workshop's files: it was not opened. ${NOTHING}`
}

export type Unzipped = { ok: true; files: Record<string, Uint8Array> } | { ok: false; message: string }

const NOTHING = 'Nothing was changed.'
const NOT_A_ZIP = `This file is not a readable .zip folder. ${NOTHING}`

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`
}

function tooLarge(limits: ZipLimits): Unzipped {
  return {
    ok: false,
    message: `This .zip folder unpacks to more than ${megabytes(limits.total)} (or one of its files to more than ${megabytes(limits.entry)}), far more than a workshop's folder: it was not opened. ${NOTHING}`,
  }
}

interface Entry {
  readonly name: string
  readonly method: number
  readonly compressedSize: number
  readonly size: number
  readonly localOffset: number
}

/** Reads a zip's entries within the limits; a file that is not a zip gets a message, never an exception. */
export function unzipCapped(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Unzipped {
  try {
    const entries = centralDirectory(bytes, limits)
    if (!Array.isArray(entries)) return entries
    const files: Record<string, Uint8Array> = {}
    let total = 0
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue
      const data = entryData(bytes, entry)
      if (!data) return { ok: false, message: NOT_A_ZIP }
      const inflated = entry.method === 0 ? { ok: true as const, bytes: data.slice() } : inflateCapped(data, entry.size)
      if (!inflated.ok && inflated.reason === 'too-large') {
        return { ok: false, message: `This .zip folder is damaged or forged: a file inside unpacks to more than it declares. It was not opened. ${NOTHING}` }
      }
      if (!inflated.ok || inflated.bytes.length !== entry.size) return { ok: false, message: NOT_A_ZIP }
      const out = inflated.bytes
      total += out.length
      if (total > limits.total) return tooLarge(limits)
      files[entry.name] = out
    }
    return { ok: true, files }
  } catch {
    return { ok: false, message: NOT_A_ZIP }
  }
}

/** The entries the central directory lists, refused as a whole when what they declare passes the limits. */
function centralDirectory(bytes: Uint8Array, limits: ZipLimits): Entry[] | Unzipped {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const end = findEndOfDirectory(view)
  if (end < 0) return { ok: false, message: NOT_A_ZIP }
  const count = view.getUint16(end + 10, true)
  const directoryOffset = view.getUint32(end + 16, true)
  // ZIP64 marks its sizes 0xFFFF / 0xFFFFFFFF: no folder of ours needs it.
  if (count === 0xffff || directoryOffset === 0xffffffff) return tooLarge(limits)
  if (count > limits.entries) {
    return { ok: false, message: `This .zip folder holds more than ${limits.entries} files: it was not opened. ${NOTHING}` }
  }
  const entries: Entry[] = []
  let declared = 0
  let at = directoryOffset
  const decoder = new TextDecoder('utf-8')
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return { ok: false, message: NOT_A_ZIP }
    const flags = view.getUint16(at + 8, true)
    const method = view.getUint16(at + 10, true)
    const compressedSize = view.getUint32(at + 20, true)
    const size = view.getUint32(at + 24, true)
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    const localOffset = view.getUint32(at + 42, true)
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength))
    if (flags & 1 || (method !== 0 && method !== 8)) return { ok: false, message: NOT_A_ZIP }
    if (size > limits.entry) return tooLarge(limits)
    declared += size
    if (declared > limits.total) return tooLarge(limits)
    entries.push({ name, method, compressedSize, size, localOffset })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

function findEndOfDirectory(view: DataView): number {
  const last = view.byteLength - 22
  const first = Math.max(0, last - 0xffff)
  for (let at = last; at >= first; at--) if (view.getUint32(at, true) === 0x06054b50) return at
  return -1
}

function entryData(bytes: Uint8Array, entry: Entry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const at = entry.localOffset
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true)
  const end = start + entry.compressedSize
  return end <= bytes.length ? bytes.subarray(start, end) : null
}
