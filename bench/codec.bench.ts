/**
 * The QR transport in Node: how many frames a receiver needs at 20% and 40% loss, and how
 * long encoding (bytes → Base45 text) and decoding (text → verified → solved) take per frame.
 * Timings are printed, never asserted (CI does not gate on them); results are checked.
 * Browser-side decoding and drawing are measured elsewhere.
 */
import { describe, expect, it } from 'vitest'
import { makeBundle } from '../src/exchange/bundle'
import { FountainDecoder, FountainEncoder } from '../src/exchange/fountain'
import { DEFAULT_DENSITY, DENSITIES } from '../src/exchange/frames'
import { deriveSession } from '../src/exchange/keys'
import { createReceiver, makeTransfer, receiveBytes, sendBytes, type Transfer } from '../src/exchange/transfer'
import { seeded, workshopRecords } from '../tests/unit/exchange-fixtures'

const TRIALS = 400
const LOSSES = [
  { loss: 0.2, goal: 1.3 },
  { loss: 0.4, goal: 1.8 },
] as const
const FPS = 8

/** Frames shown until a receiver missing each frame with probability `loss` has solved all K fragments, ÷ K, averaged. */
function framesNeededPerK(k: number, loss: number, trials: number, rand: () => number): number {
  const fragmentSize = 16 // the count does not depend on the size, and small fragments keep this fast
  const bytes = new Uint8Array(k * fragmentSize).map(() => Math.floor(rand() * 256))
  let shown = 0
  for (let trial = 0; trial < trials; trial++) {
    const transferId = Math.floor(rand() * 2 ** 32)
    const encoder = new FountainEncoder(bytes, fragmentSize, transferId)
    const decoder = new FountainDecoder(k, fragmentSize, bytes.length, transferId)
    let n = 0
    while (!decoder.complete) {
      if (rand() >= loss) decoder.add(n, encoder.payload(n))
      n++
    }
    expect(decoder.result()).toEqual(bytes)
    shown += n
  }
  return shown / trials / k
}

async function timeFrames(transfer: Transfer, count: number, from: number): Promise<number> {
  const start = performance.now()
  for (let n = from; n < from + count; n++) await transfer.frame(n)
  return (performance.now() - start) / count
}

describe('codec', () => {
  const { workshop, records, deviceId } = workshopRecords({ cards: 200 })
  const bundle = makeBundle({ workshopId: workshop.id, sender: deviceId, records })
  const secret = workshop.fields.secret

  it('fountain: frames needed ÷ K', async () => {
    const transfer = await makeTransfer({ mode: 'sealed', bundle, secret })
    const k = transfer.k
    console.log(
      `fountain: a 200-card workshop (${records.length} records) seals to ${transfer.length} bytes: K = ${k} frames at QR version ${DENSITIES[DEFAULT_DENSITY].qrVersion}-L`,
    )
    const rand = seeded(2026)
    for (const { loss, goal } of LOSSES) {
      const ratio = framesNeededPerK(k, loss, TRIALS, rand)
      const seconds = (ratio * k) / FPS
      console.log(
        `fountain: frames needed ÷ K at ${loss * 100}% loss = ${ratio.toFixed(2)} (goal ≤ ${goal}; K ${k}, ${TRIALS} receivers; ${seconds.toFixed(1)} s at ${FPS} fps)`,
      )
    }
    for (const other of [10, 50, 100, 250]) {
      const ratios = LOSSES.map(({ loss }) => framesNeededPerK(other, loss, other > 100 ? 100 : 200, rand).toFixed(2))
      console.log(`fountain:   at K ${other}: ${ratios[0]} at 20% loss, ${ratios[1]} at 40% loss`)
    }
  }, 300_000)

  it('encode and decode time per frame', async () => {
    for (const density of DENSITIES) {
      const transfer = await makeTransfer({ mode: 'sealed', bundle, secret }, { fragmentSize: density.fragmentSize })
      console.log(
        `codec: QR version ${density.qrVersion}-L: ${density.textLength} characters a frame, ${density.fragmentSize} bytes of payload; 200 cards = K ${transfer.k}`,
      )
    }

    const session = await deriveSession(workshop.id, secret)
    const bulk = new Uint8Array(200 * 1024).map((_, index) => (Math.imul(index, 2654435761) >>> 24) & 0xff)
    const cases = [
      {
        label: '200 cards',
        transfer: await makeTransfer({ mode: 'sealed', bundle, secret }),
        receiver: () => createReceiver({ mode: 'sealed', workshopId: workshop.id, secret }),
      },
      { label: '200 KB', transfer: sendBytes(bulk, session), receiver: () => receiveBytes(session) },
    ]
    for (const { label, transfer, receiver } of cases) {
      await timeFrames(transfer, 50, transfer.k) // warm up
      const plain = await timeFrames(transfer, transfer.k, 0)
      const mixed = await timeFrames(transfer, transfer.k, transfer.k * 3)
      console.log(
        `codec: encode per frame (bytes → Base45 text), ${label}, K ${transfer.k}: ${plain.toFixed(3)} ms for frames 0…K-1, ${mixed.toFixed(3)} ms for mixed frames`,
      )

      // A receiver missing 20% of the frames, from its first frame to the solved (and, for the bundle, opened) bytes.
      const rand = seeded(5)
      const texts: string[] = []
      for (let n = 0; texts.length < transfer.k * 1.2 + 12; n++) if (rand() >= 0.2) texts.push(await transfer.frame(n))
      const scanner = receiver()
      await scanner.push(texts[0]!) // the keys are derived outside the timing
      let solving = 0
      let opening = 0
      let pushed = 1
      let status = 'progress'
      for (const text of texts.slice(1)) {
        const start = performance.now()
        status = (await scanner.push(text)).status
        const elapsed = performance.now() - start
        pushed++
        if (status !== 'progress') {
          opening = elapsed
          break
        }
        solving += elapsed
      }
      expect(['done', 'complete']).toContain(status)
      console.log(
        `codec: decode per frame (Base45 text → verified → solved), ${label}, K ${transfer.k}: ${(solving / (pushed - 2)).toFixed(3)} ms on average over ${pushed} frames; the last one, opening included, ${opening.toFixed(1)} ms`,
      )
    }
  }, 300_000)
})
