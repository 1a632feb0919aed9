import { refuse, type Refusal } from './refusal'

/**
 * What every sealed transfer and every frame begins with, so that a reader can tell at once
 * whether bytes are ours (magic), readable by this version (format) and of which kind (mode):
 *
 *   magic "OH" (2) · format version (1) · mode (1) · session tag (4) · transfer id (4)
 */

export const MAGIC_0 = 0x4f // 'O'
export const MAGIC_1 = 0x48 // 'H'
/** The format of sealed bytes (a handoff file holds them as they are). */
export const WIRE_FORMAT = 1
/**
 * The format of a QR frame. 2: mixed frames combine the fragments over GF(256); format 1
 * combined them over GF(2), so the two cannot finish each other's transfers.
 */
export const FRAME_FORMAT = 2
export const PREFIX_BYTES = 12

/**
 * `sealed`: a handoff or broadcast inside a workshop, encrypted and authenticated with keys
 * derived from the workshop secret. `join`: the join code, which carries that secret to a
 * tablet that has no key yet, so it is checked (against damage) but neither encrypted nor
 * authenticated: whoever sees the facilitator's screen may join, and that is the point.
 */
export type Mode = 'sealed' | 'join'
export const MODE_BYTE: Record<Mode, number> = { sealed: 1, join: 2 }

/** The session tag of join transfers: there is no shared secret to derive one from yet. */
export const JOIN_TAG = new Uint8Array([0x4a, 0x4f, 0x49, 0x4e]) // "JOIN"

/** What a receiver knows: the keys of its workshop, or nothing yet (it is joining). */
export type Session =
  | {
      readonly mode: 'sealed'
      readonly workshopId: string
      readonly tag: Uint8Array<ArrayBuffer>
      readonly bundleKey: CryptoKey
      readonly macKey: CryptoKey
    }
  | { readonly mode: 'join' }

export function sessionTag(session: Session): Uint8Array {
  return session.mode === 'sealed' ? session.tag : JOIN_TAG
}

export function writePrefix(out: Uint8Array, session: Session, transferId: number, format = WIRE_FORMAT): void {
  out[0] = MAGIC_0
  out[1] = MAGIC_1
  out[2] = format
  out[3] = MODE_BYTE[session.mode]
  out.set(sessionTag(session), 4)
  writeU32(out, 8, transferId)
}

/**
 * The refusal that the first bytes already justify, or null when they are those this session
 * expects, in `format` (sealed bytes, or a frame).
 */
export function checkPrefix(bytes: Uint8Array, session: Session, format = WIRE_FORMAT): Refusal | null {
  if (bytes.length < 4 || bytes[0] !== MAGIC_0 || bytes[1] !== MAGIC_1 || bytes[2] === 0) return refuse('other-app')
  if (bytes[2]! > format) return refuse('newer-format')
  if (bytes[2]! < format) return refuse('older-format')
  if (bytes.length < PREFIX_BYTES) return refuse('damaged')
  const mode = bytes[3]
  if (mode !== MODE_BYTE.sealed && mode !== MODE_BYTE.join) return refuse('damaged')
  if (mode !== MODE_BYTE[session.mode]) return wrongKind(session)
  const tag = bytes.subarray(4, 8)
  if (!sameBytes(tag, sessionTag(session))) return refuse(session.mode === 'join' ? 'damaged' : 'other-workshop')
  return null
}

function wrongKind(session: Session): Refusal {
  return refuse(
    'wrong-kind',
    session.mode === 'join'
      ? 'This code is a handoff inside a workshop that this tablet has not joined: ' +
          'scan the join code on the facilitator’s tablet first.'
      : 'This is a join code, for a tablet that is not yet in the workshop; it cannot be merged here.',
  )
}

export function writeU32(out: Uint8Array, at: number, value: number): void {
  out[at] = value >>> 24
  out[at + 1] = (value >>> 16) & 0xff
  out[at + 2] = (value >>> 8) & 0xff
  out[at + 3] = value & 0xff
}

export function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0
}

export function writeU16(out: Uint8Array, at: number, value: number): void {
  out[at] = value >>> 8
  out[at + 1] = value & 0xff
}

export function readU16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let difference = 0
  for (let index = 0; index < a.length; index++) difference |= a[index]! ^ b[index]!
  return difference === 0
}

/** A fresh random 32-bit transfer id. */
export function newTransferId(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
}
