import { base45Length, base45ToBytes, bytesInBase45, encodeBase45 } from './base45'
import { fragmentCount } from './fountain'
import { refuse, type Refusal } from './refusal'
import {
  FRAME_FORMAT,
  PREFIX_BYTES,
  checkPrefix,
  readU16,
  readU32,
  sameBytes,
  writePrefix,
  writeU16,
  writeU32,
  type Session,
} from './wire'

/**
 * One frame, one QR code, as Base45 text:
 *
 *   prefix (12: magic, frame format, mode, session tag, transfer id) · K (2) · total length (4) ·
 *   sequence number (4) · payload (the fragment size) · check (8)
 *
 * The check is HMAC-SHA-256 under a key derived from the workshop secret, truncated to 8
 * bytes, in sealed mode; in join mode, where the receiver has no key yet, it is SHA-256
 * truncated to 8 bytes: it catches a misread, not a forgery. The fragment size is not sent:
 * it is what is left of the frame, so every frame of a transfer has the same length and the
 * "denser / sparser" control only changes the size of the codes.
 */

export const HEADER_BYTES = PREFIX_BYTES + 10
export const CHECK_BYTES = 8
export const FRAME_OVERHEAD = HEADER_BYTES + CHECK_BYTES
/** A transfer this long takes minutes of scanning; beyond it, a file is the way. */
export const MAX_TRANSFER_BYTES = 2 * 1024 * 1024
/** The receiver's equations take K² bytes: 4,096 fragments are 16 MB of them, and each mixed frame costs ~17 M steps to solve. */
export const MAX_FRAGMENTS = 4096
export const MIN_FRAGMENT_SIZE = 16
export const MAX_FRAGMENT_SIZE = 2048

/**
 * The densities a sender can use, by QR version at error correction L, each filled to the
 * last character its alphanumeric mode holds (ISO/IEC 18004 table 7: 395, 758, 1,249, 1,853,
 * 2,223 and 2,520 characters). Version 20 (97 modules a side) is the default of a sender
 * that does not ask `densityFor`.
 */
export const DENSITIES = [
  density(10, 395),
  density(15, 758),
  density(20, 1249),
  density(25, 1853),
  density(28, 2223),
  density(30, 2520),
] as const
export const DEFAULT_DENSITY = 2
export const DEFAULT_FRAGMENT_SIZE = DENSITIES[DEFAULT_DENSITY].fragmentSize

/**
 * How many frames a transfer may take to show, at 20 % of them lost, before a denser code is
 * worth its cost. A sparser code is read from further away, through more blur and by older
 * cameras, so it is the better choice wherever it is not slower in a way a person notices:
 * 12 frames are 0.8 s at 15 frames a second.
 */
const FRAME_BUDGET = 12
const PLANNED_LOSS = 0.2

/**
 * The frames a sender expects to show before a receiver that misses `loss` of them is done:
 * the fountain finishes with any K frames caught (but for odds of about 1 in 250 of one more).
 */
export function framesToShow(k: number, loss = PLANNED_LOSS): number {
  return Math.ceil(k / (1 - loss))
}

/**
 * The density (an index into DENSITIES) for a transfer of `byteLength` sealed bytes: the
 * sparsest code that still sends it within FRAME_BUDGET frames at 20 % loss, or the densest
 * when none does. "Slower" (old tablets, a poor camera) is one step sparser than that.
 */
export function densityFor(byteLength: number, options: { slower?: boolean } = {}): number {
  const length = Math.max(1, Math.ceil(byteLength))
  let chosen = DENSITIES.findIndex(({ fragmentSize }) => framesToShow(fragmentCount(length, fragmentSize)) <= FRAME_BUDGET)
  if (chosen < 0) chosen = DENSITIES.length - 1
  return options.slower ? Math.max(0, chosen - 1) : chosen
}

export interface Density {
  readonly qrVersion: number
  /** The alphanumeric capacity of the QR version at error correction L. */
  readonly capacity: number
  readonly fragmentSize: number
  /** The length of every frame's text at this density. */
  readonly textLength: number
}

function density(qrVersion: number, capacity: number): Density {
  const fragmentSize = bytesInBase45(capacity) - FRAME_OVERHEAD
  return { qrVersion, capacity, fragmentSize, textLength: frameTextLength(fragmentSize) }
}

export function frameTextLength(fragmentSize: number): number {
  return base45Length(fragmentSize + FRAME_OVERHEAD)
}

export interface FrameHeader {
  readonly transferId: number
  readonly k: number
  readonly length: number
  readonly sequence: number
  readonly fragmentSize: number
}

export interface Frame extends FrameHeader {
  readonly payload: Uint8Array
  /** Everything before the check: what the check covers. */
  readonly checked: Uint8Array
  readonly check: Uint8Array
}

export type FrameResult = { readonly ok: true; readonly frame: Frame } | Refusal

/** The text of one frame. */
export async function encodeFrame(
  session: Session,
  header: Omit<FrameHeader, 'fragmentSize'>,
  payload: Uint8Array,
): Promise<string> {
  const bytes = new Uint8Array(HEADER_BYTES + payload.length + CHECK_BYTES)
  writePrefix(bytes, session, header.transferId, FRAME_FORMAT)
  writeU16(bytes, PREFIX_BYTES, header.k)
  writeU32(bytes, PREFIX_BYTES + 2, header.length)
  writeU32(bytes, PREFIX_BYTES + 6, header.sequence)
  bytes.set(payload, HEADER_BYTES)
  const end = HEADER_BYTES + payload.length
  bytes.set(await frameCheck(session, bytes.subarray(0, end)), end)
  return encodeBase45(bytes)
}

/**
 * Reads a frame's text, checking everything but the check bytes: whether it is ours, which
 * format, mode and workshop, and whether its header is consistent. Never throws.
 */
export function parseFrame(text: string, session: Session): FrameResult {
  try {
    if (typeof text !== 'string') return refuse('other-app')
    const bytes = base45ToBytes(text)
    if (!bytes) return refuse('other-app')
    const refused = checkPrefix(bytes, session, FRAME_FORMAT)
    if (refused) return refused
    const fragmentSize = bytes.length - FRAME_OVERHEAD
    if (fragmentSize < MIN_FRAGMENT_SIZE || fragmentSize > MAX_FRAGMENT_SIZE) return refuse('damaged')
    const k = readU16(bytes, PREFIX_BYTES)
    const length = readU32(bytes, PREFIX_BYTES + 2)
    if (length === 0 || k !== fragmentCount(length, fragmentSize)) return refuse('damaged')
    const end = bytes.length - CHECK_BYTES
    return {
      ok: true,
      frame: {
        transferId: readU32(bytes, 8),
        k,
        length,
        sequence: readU32(bytes, PREFIX_BYTES + 6),
        fragmentSize,
        payload: bytes.subarray(HEADER_BYTES, end),
        checked: bytes.subarray(0, end),
        check: bytes.subarray(end),
      },
    }
  } catch {
    return refuse('damaged')
  }
}

/** Reads and verifies a frame: a foreign, misread or forged frame is refused. Never rejects. */
export async function readFrame(text: string, session: Session): Promise<FrameResult> {
  const parsed = parseFrame(text, session)
  if (!parsed.ok) return parsed
  try {
    const expected = await frameCheck(session, parsed.frame.checked)
    if (!sameBytes(expected, parsed.frame.check)) return refuse('damaged')
  } catch {
    return refuse('damaged')
  }
  if (parsed.frame.length > MAX_TRANSFER_BYTES || parsed.frame.k > MAX_FRAGMENTS) {
    return refuse('too-large', 'it is more than QR codes can carry in reasonable time; send it as a file')
  }
  return parsed
}

async function frameCheck(session: Session, bytes: Uint8Array): Promise<Uint8Array> {
  const data = bytes.slice()
  const digest =
    session.mode === 'sealed'
      ? await crypto.subtle.sign('HMAC', session.macKey, data)
      : await crypto.subtle.digest('SHA-256', data)
  return new Uint8Array(digest, 0, CHECK_BYTES)
}
