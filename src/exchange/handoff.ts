import { holdingsOf, type Holdings } from '../domain/delta'
import type { AnyRec } from '../domain/types'
import { makeBundle, type Bundle } from './bundle'
import { openBundle, sealBundle } from './codec'
import { DEFAULT_DENSITY, DENSITIES, densityFor, type Density } from './frames'
import { handoffFileName, readHandoffFile } from './handoff-file'
import { deriveSession } from './keys'
import { RECEIPT_MAGIC, holdingsDigest, readReceipt, writeReceipt } from './receipt'
import { ExchangeError, refuse, type Refusal } from './refusal'
import { JOIN_SESSION, createReceiver, sendBytes, type Transfer } from './transfer'
import { PREFIX_BYTES, newTransferId, readU32, type Session } from './wire'

/**
 * The one home of a handoff, below the screens: seal chosen records to an animated QR
 * transfer or a file, take what a camera reads (or a file) until a bundle is whole and
 * open, and make and check the "received" receipt. The screens render the steps; the store
 * previews, merges once and remembers receipts.
 */

export type { Bundle } from './bundle'
export type { Transfer } from './transfer'

/**
 * Whose keys a handoff uses: a workshop's (a sealed handoff or broadcast), or none (a join
 * code, which carries the secret to a tablet that has no key yet).
 */
export type HandoffSide = { readonly mode: 'sealed'; readonly workshopId: string; readonly secret: string } | { readonly mode: 'join' }

/**
 * Frames a second on the screen: normal, and "Slower" for old tablets and poor cameras. A
 * 30 fps tablet camera in room light exposes each row ~25 ms and reads the rows out over
 * ~16 ms, so a code must stay up about two camera periods for one clean picture of it: at
 * 15 a second (4 refreshes at 60 Hz) most codes get one; at 20 most camera frames mix two.
 */
export const NORMAL_FPS = 15
export const SLOWER_FPS = 8

export interface Shared {
  readonly transfer: Transfer
  readonly density: Density
  readonly fps: number
  /** How many records it carries. */
  readonly count: number
}

export interface HandoffFile {
  readonly bytes: Uint8Array
  readonly name: string
  readonly transferId: number
}

export interface Opened {
  readonly ok: true
  readonly bundle: Bundle
  readonly transferId: number
}

/** What the screen shows while scanning: fragments solved of K, and how fast they come. */
export interface ReceiveProgress {
  readonly solved: number
  readonly total: number
  /** Payload received per second since the transfer's first frame, in KB (1,024 bytes); null until two frames are read. */
  readonly kbPerSecond: number | null
  /** Frames of the transfer read per second since its first. */
  readonly framesPerSecond: number | null
}

export type ReceiveStep =
  | { readonly status: 'progress'; readonly progress: ReceiveProgress }
  /** Not a frame to take; `tell` is false for a lone misread, which is not worth a message. */
  | { readonly status: 'rejected'; readonly message: string; readonly tell: boolean }
  /** Every fragment arrived, but the whole cannot be opened: show the message, write nothing. */
  | { readonly status: 'failed'; readonly message: string }
  | { readonly status: 'done'; readonly bundle: Bundle; readonly transferId: number }
  /** A frame of a transfer already done (a swap goes on scanning for the receipt). */
  | { readonly status: 'known' }
  /** A "received" code (only where receipts are taken): checked against what was shown here. */
  | { readonly status: 'receipt'; readonly receipt: TakenReceipt | Refusal }

export interface IncomingTransfer {
  /** Takes one scanned text, read at `at` (ms, performance.now() by default). Never rejects. */
  push(text: string, at?: number): Promise<ReceiveStep>
}

export interface TakenReceipt {
  readonly ok: true
  /** The tablet that received the transfer. */
  readonly deviceId: string
  readonly transferId: number
  /** What the transfer carried: what that tablet now holds at least. */
  readonly held: Holdings
  /** The digest of all that tablet holds of the workshop after its merge. */
  readonly digest: string
}

export interface Handoff {
  readonly side: HandoffSide
  /** Seals records to an endless run of frames, at a density chosen for their size; or says why it cannot. */
  share(input: { workshopId: string; sender: string; records: readonly AnyRec[]; slower?: boolean }): Promise<Shared | { readonly problem: string }>
  /** The same sealed bytes as a file, for when a camera fails. */
  file(input: { workshopId: string; title: string; sender: string; records: readonly AnyRec[] }): Promise<HandoffFile>
  /** A receiver for camera texts; with `receipts`, it also takes "received" codes (a swap). */
  receive(options?: { receipts?: boolean }): IncomingTransfer
  /** Opens a handoff file. Never throws: anything else is refused, in words about a file. */
  openFile(file: Blob): Promise<Opened | Refusal>
  /** The "received" code for a transfer merged here (none for a join: a joining tablet had no key to sign it). */
  receipt(input: { transferId: number; deviceId: string; held: Holdings }): Promise<string | null>
  /** Checks a scanned "received" code against the transfers shown (or saved) here. */
  takeReceipt(text: string): Promise<TakenReceipt | Refusal>
}

/** Where sealed bytes name their transfer: after magic (2), format (1), mode (1) and session tag (4). */
const TRANSFER_ID_AT = 8

/** A damaged frame now and then is a misread; only a run of them is worth telling. */
const DAMAGED_RUN = 3

export function makeHandoff(side: HandoffSide): Handoff {
  let session: Promise<Session> | undefined
  const keys = (): Promise<Session> =>
    (session ??= side.mode === 'join' ? Promise.resolve(JOIN_SESSION) : deriveSession(side.workshopId, side.secret))
  /** What each transfer shown or saved here carried, so its receipt can say what the other tablet holds. */
  const sent = new Map<number, Holdings>()

  async function seal(input: { workshopId: string; sender: string; records: readonly AnyRec[] }) {
    const bundle = makeBundle(input)
    if (side.mode === 'join' && !bundle.records.some(record => record.kind === 'workshop' && record.id === bundle.workshopId)) {
      throw new Error('A join code must carry its workshop record: the secret travels in it.')
    }
    const transferId = newTransferId()
    const bytes = await sealBundle(bundle, await keys(), transferId)
    sent.set(transferId, holdingsOf(bundle.records))
    return { bytes, transferId }
  }

  const handoff: Handoff = {
    side,
    async share(input) {
      const slower = input.slower ?? false
      try {
        const { bytes, transferId } = await seal(input)
        const density = DENSITIES[densityFor(bytes.length, { slower })] ?? DENSITIES[DEFAULT_DENSITY]
        const transfer = sendBytes(bytes, await keys(), { fragmentSize: density.fragmentSize, transferId })
        return { transfer, density, fps: slower ? SLOWER_FPS : NORMAL_FPS, count: input.records.length }
      } catch (error) {
        if (error instanceof ExchangeError) return { problem: error.message }
        return { problem: 'This workshop cannot be shown as a QR code. Save it as a file.' }
      }
    },

    async file(input) {
      const { bytes, transferId } = await seal(input)
      return { bytes, transferId, name: handoffFileName(input.title, side.mode === 'join' ? 'join' : 'handoff') }
    },

    receive(options = {}) {
      const receiver =
        side.mode === 'join'
          ? createReceiver({ mode: 'join' })
          : createReceiver({ mode: 'sealed', workshopId: side.workshopId, secret: side.secret })
      const speeds = new Map<number, { first: number; firstBytes: number; frames: number }>()
      const done = new Set<number>()
      let damagedRun = 0
      return {
        async push(text, at = performance.now()) {
          if (options.receipts && text.startsWith(`${RECEIPT_MAGIC} `)) {
            return { status: 'receipt', receipt: await handoff.takeReceipt(text) }
          }
          const step = await receiver.push(text)
          if (step.status === 'rejected') {
            damagedRun = step.reason === 'damaged' ? damagedRun + 1 : 0
            return { status: 'rejected', message: step.message, tell: step.reason !== 'damaged' || damagedRun >= DAMAGED_RUN }
          }
          damagedRun = 0
          if (step.status === 'failed') return { status: 'failed', message: step.message }
          if (step.status === 'done') {
            if (done.has(step.transferId)) return { status: 'known' }
            done.add(step.transferId)
            return { status: 'done', bundle: step.bundle, transferId: step.transferId }
          }
          const bytes = Math.min(step.solved * step.fragmentSize, step.length)
          let speed = speeds.get(step.transferId)
          if (!speed) speeds.set(step.transferId, (speed = { first: at, firstBytes: bytes, frames: 0 }))
          speed.frames += 1
          const seconds = (at - speed.first) / 1000
          return {
            status: 'progress',
            progress: {
              solved: step.solved,
              total: step.total,
              kbPerSecond: seconds > 0 ? (bytes - speed.firstBytes) / 1024 / seconds : null,
              framesPerSecond: seconds > 0 ? (speed.frames - 1) / seconds : null,
            },
          }
        },
      }
    },

    async openFile(file) {
      const bytes = await readHandoffFile(file)
      const result = await openBundle(bytes, await keys())
      if (!result.ok) return aboutAFile(result)
      return { ok: true, bundle: result.bundle, transferId: bytes.length >= PREFIX_BYTES ? readU32(bytes, TRANSFER_ID_AT) : 0 }
    },

    async receipt(input) {
      const keysNow = await keys()
      if (keysNow.mode !== 'sealed') return null
      return writeReceipt(keysNow, {
        workshopId: keysNow.workshopId,
        transferId: input.transferId,
        deviceId: input.deviceId,
        digest: await holdingsDigest(input.held),
      })
    },

    async takeReceipt(text) {
      const result = await readReceipt(text, await keys())
      if (!result.ok) return result
      const held = sent.get(result.receipt.transferId)
      if (!held) return refuse('wrong-kind', 'This receipt is for another transfer than the one shown here.')
      return { ok: true, deviceId: result.receipt.deviceId, transferId: result.receipt.transferId, held, digest: result.receipt.digest }
    },
  }
  return handoff
}

/** Whether the tablet that sent a receipt holds exactly what this one holds (`mine`). */
export async function holdsTheSame(receipt: TakenReceipt, mine: Holdings): Promise<boolean> {
  return receipt.digest === (await holdingsDigest(mine))
}

/** The transport's messages speak of codes; a person who opened a file reads of a file. */
function aboutAFile(refusal: Refusal): Refusal {
  return { ...refusal, message: refusal.message.replace(/^This code\b/, 'This file') }
}
