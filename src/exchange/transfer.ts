import type { Bundle } from './bundle'
import { openBundle, sealBundle } from './codec'
import { FountainDecoder, FountainEncoder, fragmentCount } from './fountain'
import {
  DEFAULT_FRAGMENT_SIZE,
  MAX_FRAGMENTS,
  MAX_FRAGMENT_SIZE,
  MAX_TRANSFER_BYTES,
  MIN_FRAGMENT_SIZE,
  encodeFrame,
  frameTextLength,
  readFrame,
} from './frames'
import { deriveSession, secretBytes } from './keys'
import { ExchangeError, refuse, type Refusal } from './refusal'
import { newTransferId, type Session } from './wire'

/**
 * What the screens call: a sender turns a bundle into an endless run of frame texts to show
 * as QR codes; a receiver takes the texts its camera reads, in any order, with gaps and
 * repeats, and says how far it has got until the bundle is whole, checked and readable.
 */

export { makeBundle, type Bundle } from './bundle'
export { DEFAULT_DENSITY, DENSITIES, type Density } from './frames'
export type { Refusal, RefusalReason } from './refusal'

export const JOIN_SESSION: Session = { mode: 'join' }

export interface TransferOptions {
  /** Payload bytes per frame: see DENSITIES in frames.ts. */
  readonly fragmentSize?: number
  readonly transferId?: number
}

export interface Transfer {
  readonly transferId: number
  /** The number of fragments: no receiver can finish with fewer frames than this. */
  readonly k: number
  /** The sealed bytes' length. */
  readonly length: number
  readonly fragmentSize: number
  /** The length of every frame's text. */
  readonly textLength: number
  /**
   * The text of frame `n` (0 ≤ n < 2³²). Frames 0…k-1 carry the fragments; every later frame
   * mixes them, so the screen shows frames 0, 1, 2, … for as long as it is asked to.
   */
  frame(n: number): Promise<string>
}

export type TransferInput =
  | { readonly mode: 'sealed'; readonly bundle: Bundle; readonly secret: string }
  /** The join code: the bundle must hold the workshop record, whose secret travels in it. */
  | { readonly mode: 'join'; readonly bundle: Bundle }

/** Seals a bundle and frames it. Throws an ExchangeError when it is too large to send by QR. */
export async function makeTransfer(input: TransferInput, options: TransferOptions = {}): Promise<Transfer> {
  requireWebCrypto()
  const { bundle } = input
  const carriesWorkshop = bundle.records.some(record => record.kind === 'workshop' && record.id === bundle.workshopId)
  if (input.mode === 'join' && !carriesWorkshop) {
    throw new Error('A join code must carry its workshop record: the secret travels in it.')
  }
  const session = input.mode === 'join' ? JOIN_SESSION : await deriveSession(bundle.workshopId, input.secret)
  const transferId = options.transferId ?? newTransferId()
  const sealed = await sealBundle(bundle, session, transferId)
  return sendBytes(sealed, session, { ...options, transferId })
}

/** Frames any bytes (the sealed bytes of a bundle, in the app). */
export function sendBytes(bytes: Uint8Array, session: Session, options: TransferOptions = {}): Transfer {
  const fragmentSize = options.fragmentSize ?? DEFAULT_FRAGMENT_SIZE
  if (!Number.isInteger(fragmentSize) || fragmentSize < MIN_FRAGMENT_SIZE || fragmentSize > MAX_FRAGMENT_SIZE) {
    throw new Error(`A fragment is ${MIN_FRAGMENT_SIZE} to ${MAX_FRAGMENT_SIZE} bytes, not ${fragmentSize}.`)
  }
  if (bytes.length === 0) throw new Error('There is nothing to send.')
  const k = fragmentCount(bytes.length, fragmentSize)
  if (bytes.length > MAX_TRANSFER_BYTES || k > MAX_FRAGMENTS) {
    throw new ExchangeError(refuse('too-large', 'it is more than QR codes can carry in reasonable time; send it as a file'))
  }
  const transferId = (options.transferId ?? newTransferId()) >>> 0
  const encoder = new FountainEncoder(bytes, fragmentSize, transferId)
  return {
    transferId,
    k,
    length: bytes.length,
    fragmentSize,
    textLength: frameTextLength(fragmentSize),
    frame(n) {
      if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`There is no frame ${n}.`)
      return encodeFrame(session, { transferId, k, length: bytes.length, sequence: n }, encoder.payload(n))
    },
  }
}

export interface Progress {
  readonly status: 'progress'
  readonly transferId: number
  /** Fragments solved (the decoder's rank) … */
  readonly solved: number
  /** … out of this many. */
  readonly total: number
  /** Whether this frame brought something new (false for a repeat). */
  readonly fresh: boolean
  /** The transfer's payload bytes per frame and sealed length: what goodput is counted in. */
  readonly fragmentSize: number
  readonly length: number
}

/** This code is not one to take: the screen says why and goes on scanning. */
export type Rejected = { readonly status: 'rejected' } & Refusal

export type ReceiverOptions =
  | { readonly mode: 'sealed'; readonly workshopId: string; readonly secret: string }
  | { readonly mode: 'join' }

export type ScanStep =
  | Progress
  | Rejected
  | { readonly status: 'done'; readonly transferId: number; readonly bundle: Bundle }
  /** Every fragment arrived, but the whole cannot be opened: show the message, write nothing. */
  | ({ readonly status: 'failed'; readonly transferId: number } & Refusal)

export interface Receiver {
  /** Takes one scanned text. Never rejects, whatever the text. */
  push(text: string): Promise<ScanStep>
  /** The bundle, once a transfer is done. */
  result(): Bundle | null
}

export function createReceiver(options: ReceiverOptions): Receiver {
  requireWebCrypto()
  if (options.mode === 'sealed') secretBytes(options.secret)
  const session = options.mode === 'join' ? Promise.resolve(JOIN_SESSION) : deriveSession(options.workshopId, options.secret)
  session.catch(() => {}) // a failure is reported by push, frame by frame
  let received: Bundle | null = null
  const collector = makeCollector(session, async (bytes, transferId, opened): Promise<ScanStep> => {
    const result = await openBundle(bytes, opened, { transferId })
    if (!result.ok) return { status: 'failed', transferId, ...result }
    received ??= result.bundle
    return { status: 'done', transferId, bundle: result.bundle }
  })
  return { push: collector.push, result: () => received }
}

export type CollectStep =
  | Progress
  | Rejected
  | { readonly status: 'complete'; readonly transferId: number; readonly bytes: Uint8Array }

/** A receiver of raw bytes: what createReceiver builds on, and what the fountain's tests drive. */
export function receiveBytes(session: Session): { push(text: string): Promise<CollectStep> } {
  return makeCollector(Promise.resolve(session), async (bytes, transferId) => ({ status: 'complete', transferId, bytes }))
}

/** Transfers a receiver follows at once: a sender that changes density starts a new one. */
const TRANSFERS_KEPT = 4

interface Collecting<Done> {
  readonly decoder: FountainDecoder
  outcome?: Promise<Done>
}

function makeCollector<Done>(
  session: Promise<Session>,
  finish: (bytes: Uint8Array, transferId: number, session: Session) => Promise<Done>,
): { push(text: string): Promise<Progress | Rejected | Done> } {
  const transfers = new Map<number, Collecting<Done>>()
  const rejected = (refusal: Refusal): Rejected => ({ status: 'rejected', ...refusal })

  async function push(text: string): Promise<Progress | Rejected | Done> {
    let opened: Session
    try {
      opened = await session
    } catch {
      return rejected(refuse('damaged'))
    }
    const read = await readFrame(text, opened)
    if (!read.ok) return rejected(read)
    const frame = read.frame
    let entry = transfers.get(frame.transferId)
    if (entry) {
      const { decoder } = entry
      if (decoder.k !== frame.k || decoder.length !== frame.length || decoder.fragmentSize !== frame.fragmentSize) {
        return rejected(refuse('damaged'))
      }
      transfers.delete(frame.transferId) // re-inserted below: the map's order is the order of use
    } else {
      entry = { decoder: new FountainDecoder(frame.k, frame.fragmentSize, frame.length, frame.transferId) }
    }
    transfers.set(frame.transferId, entry)
    for (const [id] of transfers) {
      if (transfers.size <= TRANSFERS_KEPT) break
      transfers.delete(id)
    }
    if (entry.outcome) return entry.outcome
    const { decoder } = entry
    const fresh = decoder.add(frame.sequence, frame.payload)
    if (!decoder.complete) {
      return {
        status: 'progress',
        transferId: frame.transferId,
        solved: decoder.rank,
        total: decoder.k,
        fresh,
        fragmentSize: frame.fragmentSize,
        length: frame.length,
      }
    }
    entry.outcome = finish(decoder.result()!, frame.transferId, opened)
    return entry.outcome
  }

  return { push }
}

function requireWebCrypto(): void {
  if (!globalThis.crypto?.subtle) {
    throw new Error('Transfers need the browser’s WebCrypto, which it offers only over HTTPS or on localhost.')
  }
}
