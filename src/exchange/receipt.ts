import type { Holdings } from '../domain/delta'
import { refuse, type Refusal } from './refusal'
import { sameBytes, type Session } from './wire'

/**
 * The "received" code: a short, single QR the receiving tablet shows once it has merged a
 * transfer, so the sender can scan it and know that tablet now holds what was sent.
 *
 *   OHR1 <workshop id> <transfer id> <receiver device id> <holdings digest> <MAC>
 *
 * The MAC (HMAC with the workshop's frame key, truncated to 8 bytes) means only a tablet in
 * the workshop can make one, and a receipt cannot be edited to claim another transfer.
 */

export const RECEIPT_MAGIC = 'OHR1'
const MAC_BYTES = 8

export interface Receipt {
  readonly workshopId: string
  readonly transferId: number
  /** The receiving tablet's device id. */
  readonly deviceId: string
  /** holdingsDigest of the workshop as the receiver holds it after the merge. */
  readonly digest: string
}

export type ReceiptResult = { readonly ok: true; readonly receipt: Receipt } | Refusal

type SealedSession = Extract<Session, { mode: 'sealed' }>

export async function writeReceipt(session: Session, receipt: Receipt): Promise<string> {
  if (session.mode !== 'sealed') throw new Error('Only a tablet in the workshop makes receipts.')
  const body = [RECEIPT_MAGIC, receipt.workshopId, String(receipt.transferId >>> 0), receipt.deviceId, receipt.digest].join(' ')
  return `${body} ${hex(await mac(session, body))}`
}

/** Reads a scanned receipt. Never throws: anything but a genuine receipt of this workshop is refused. */
export async function readReceipt(text: string, session: Session): Promise<ReceiptResult> {
  if (session.mode !== 'sealed') return refuse('wrong-kind', 'Only a tablet in the workshop can check a receipt.')
  const parts = text.split(' ')
  if (parts[0] !== RECEIPT_MAGIC) {
    return refuse('wrong-kind', 'This is not a “received” code: scan the code the other tablet shows after merging.')
  }
  if (parts.length !== 6) return refuse('damaged')
  const [, workshopId, transfer, deviceId, digest, macHex] = parts as [string, string, string, string, string, string]
  if (workshopId !== session.workshopId) return refuse('other-workshop')
  if (!/^\d{1,10}$/.test(transfer) || !/^[\w-]{1,64}$/.test(deviceId) || !/^[0-9a-f]{16}$/.test(digest)) {
    return refuse('damaged')
  }
  try {
    const expected = await mac(session, parts.slice(0, 5).join(' '))
    if (!sameBytes(expected, unhex(macHex))) return refuse('damaged')
  } catch {
    return refuse('damaged')
  }
  return { ok: true, receipt: { workshopId, transferId: Number(transfer) >>> 0, deviceId, digest } }
}

async function mac(session: SealedSession, body: string): Promise<Uint8Array> {
  const signed = await crypto.subtle.sign('HMAC', session.macKey, new TextEncoder().encode(`okra-harvest receipt\n${body}`))
  return new Uint8Array(signed, 0, MAC_BYTES)
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map(byte => byte.toString(16).padStart(2, '0')).join('')
}

function unhex(text: string): Uint8Array {
  if (!/^[0-9a-f]*$/.test(text) || text.length % 2 !== 0) return new Uint8Array(0)
  return Uint8Array.from(text.match(/../g) ?? [], pair => parseInt(pair, 16))
}

/**
 * A short digest of holdings (16 hex digits), so two tablets can tell they hold the same. It
 * needs WebCrypto's SHA-256, so it lives here and not beside holdingsOf in the pure domain.
 */
export async function holdingsDigest(held: Holdings): Promise<string> {
  const lines = Object.keys(held)
    .sort()
    .map(id => `${id} ${held[id]}`)
    .join('\n')
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(lines))
  return [...new Uint8Array(digest, 0, 8)].map(byte => byte.toString(16).padStart(2, '0')).join('')
}
