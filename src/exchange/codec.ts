import { Inflate, deflateSync } from 'fflate'
import { canonicalJson } from '../domain/canonical'
import { readBundle, type Bundle, type BundleExpectation, type BundleResult } from './bundle'
import { refuse, type Refusal } from './refusal'
import { PREFIX_BYTES, checkPrefix, newTransferId, readU32, sameBytes, writePrefix, type Session } from './wire'

/**
 * A bundle as bytes ready to send ("sealed bytes"): canonical JSON, deflated, then
 *
 *   sealed mode: prefix (12) · IV (12) · AES-GCM ciphertext and its 16-byte tag,
 *                with the prefix (app, format, mode, session tag, transfer id) as additional data;
 *   join mode:   prefix (12) · deflated JSON · the first 16 bytes of SHA-256 over all before it.
 *
 * Opening checks in the order that gives a person the most useful message: not ours, newer,
 * wrong kind, other workshop, then damaged, too large, malformed.
 */

/** The most a bundle may unpack to: a zip bomb is refused before it fills the tablet's memory. */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024

const IV_BYTES = 12
const GCM_TAG_BYTES = 16
const CHECK_BYTES = 16
/** Input is fed to the inflater in slices this big, so that one slice unpacks to at most ~1 MB. */
const INFLATE_SLICE = 1024

export async function sealBundle(bundle: Bundle, session: Session, transferId = newTransferId()): Promise<Uint8Array> {
  const packed = deflateSync(new TextEncoder().encode(canonicalJson(bundle)), { level: 9 })
  const prefix = new Uint8Array(PREFIX_BYTES)
  writePrefix(prefix, session, transferId)
  if (session.mode === 'join') {
    const out = new Uint8Array(PREFIX_BYTES + packed.length + CHECK_BYTES)
    out.set(prefix)
    out.set(packed, PREFIX_BYTES)
    out.set(await check(out.subarray(0, PREFIX_BYTES + packed.length)), PREFIX_BYTES + packed.length)
    return out
  }
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const params: AesGcmParams = { name: 'AES-GCM', iv, additionalData: prefix }
  const cipher = new Uint8Array(await crypto.subtle.encrypt(params, session.bundleKey, packed as Uint8Array<ArrayBuffer>))
  const out = new Uint8Array(PREFIX_BYTES + IV_BYTES + cipher.length)
  out.set(prefix)
  out.set(iv, PREFIX_BYTES)
  out.set(cipher, PREFIX_BYTES + IV_BYTES)
  return out
}

export interface OpenOptions {
  /** The transfer id of the frames that carried these bytes: the sealed bytes must name the same. */
  readonly transferId?: number
  readonly maxUnpackedBytes?: number
}

/** Verifies, decrypts, unpacks and checks sealed bytes. Never throws: any failure is a refusal. */
export async function openBundle(bytes: Uint8Array, session: Session, options: OpenOptions = {}): Promise<BundleResult> {
  try {
    const refused = checkPrefix(bytes, session)
    if (refused) return refused
    if (options.transferId !== undefined && readU32(bytes, 8) !== options.transferId) return refuse('damaged')
    const packed = await unseal(bytes, session)
    if (!packed) return refuse('damaged')
    const unpacked = inflateCapped(packed, options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES)
    if (!unpacked.ok) return unpacked
    let value: unknown
    try {
      value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(unpacked.bytes))
    } catch {
      return refuse('damaged')
    }
    const expected: BundleExpectation = session.mode === 'join' ? { join: true } : { workshopId: session.workshopId }
    return readBundle(value, expected)
  } catch {
    return refuse('damaged')
  }
}

async function unseal(bytes: Uint8Array, session: Session): Promise<Uint8Array | null> {
  if (session.mode === 'join') {
    if (bytes.length < PREFIX_BYTES + CHECK_BYTES) return null
    const end = bytes.length - CHECK_BYTES
    const expected = await check(bytes.subarray(0, end))
    return sameBytes(expected, bytes.subarray(end)) ? bytes.subarray(PREFIX_BYTES, end) : null
  }
  if (bytes.length < PREFIX_BYTES + IV_BYTES + GCM_TAG_BYTES) return null
  const copy = bytes.slice()
  try {
    const iv = copy.subarray(PREFIX_BYTES, PREFIX_BYTES + IV_BYTES)
    const params: AesGcmParams = { name: 'AES-GCM', iv, additionalData: copy.subarray(0, PREFIX_BYTES) }
    const plain = await crypto.subtle.decrypt(params, session.bundleKey, copy.subarray(PREFIX_BYTES + IV_BYTES))
    return new Uint8Array(plain)
  } catch {
    return null
  }
}

/** The keyless check of join bytes: it finds damage, not forgery (there is no key to forge against). */
async function check(bytes: Uint8Array): Promise<Uint8Array> {
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice())
  return new Uint8Array(digest, 0, CHECK_BYTES)
}

/** Inflates raw DEFLATE data, refusing it as soon as it unpacks past `cap` bytes. */
export function inflateCapped(packed: Uint8Array, cap: number): { ok: true; bytes: Uint8Array } | Refusal {
  const chunks: Uint8Array[] = []
  let total = 0
  let ended = false
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length
    if (total <= cap) chunks.push(chunk)
    if (final) ended = true
  })
  try {
    for (let at = 0; at < packed.length && total <= cap; at += INFLATE_SLICE) {
      const end = Math.min(at + INFLATE_SLICE, packed.length)
      inflater.push(packed.subarray(at, end), end === packed.length)
    }
    if (packed.length === 0) inflater.push(packed, true)
  } catch {
    return refuse('damaged')
  }
  if (total > cap) return refuse('too-large', `it unpacks to more than ${formatMegabytes(cap)}`)
  if (!ended) return refuse('damaged')
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.length
  }
  return { ok: true, bytes }
}

function formatMegabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`
}
