/**
 * Golden vectors of the QR transport: the coefficient of each fragment in a mixed frame, and the
 * complete frame texts of one small join transfer. Every engine must draw the same coefficients and
 * write the same frames, or a tablet could never finish a transfer from another browser.
 *
 * fountain-golden.json was written once by this code and is frozen: the unit test (Node) and
 * the end-to-end tests (Chromium, WebKit) recompute every vector and compare it bit for bit.
 */
import golden from './fountain-golden.json'

export interface CoefficientCase {
  readonly transferId: number
  readonly n: number
  readonly k: number
  /** One byte a fragment, fragment 0 first, as hex. */
  readonly coefficients: string
}

export interface JoinCase {
  readonly transferId: number
  readonly fragmentSize: number
  /** The bytes sent, as hex. */
  readonly bytes: string
  /** The texts of frames 0, 1, 2, … */
  readonly frames: readonly string[]
}

export interface Golden {
  readonly mixes: readonly CoefficientCase[]
  readonly join: JoinCase
}

export const GOLDEN: Golden = golden

/** (transferId, n, k) triples: K from 1 to 4,096, across word boundaries, with n ≥ K (mixed frames) and n < K. */
export const MIX_INPUTS: readonly (readonly [number, number, number])[] = [
  [0, 0, 1],
  [0, 1, 1],
  [1, 2, 2],
  [1, 9, 2],
  [0x12345678, 7, 7],
  [0x12345678, 8, 7],
  [0xdeadbeef, 3, 31],
  [0xdeadbeef, 31, 31],
  [0xdeadbeef, 32, 32],
  [0xdeadbeef, 33, 33],
  [0xdeadbeef, 34, 33],
  [42, 64, 64],
  [42, 70, 65],
  [42, 150, 100],
  [0xffffffff, 1000, 1000],
  [0xffffffff, 0xffffffff, 257],
  [20_260_101, 5000, 4096],
]

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('')
}

export function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2)
  for (let at = 0; at < bytes.length; at++) bytes[at] = parseInt(hex.slice(2 * at, 2 * at + 2), 16)
  return bytes
}
