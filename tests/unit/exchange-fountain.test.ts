import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FountainDecoder, FountainEncoder, coefficientsOf, fragmentCount, gfMultiply } from '../../src/exchange/fountain'
import { DENSITIES } from '../../src/exchange/frames'
import { deriveSession } from '../../src/exchange/keys'
import { JOIN_SESSION, receiveBytes, sendBytes, type CollectStep } from '../../src/exchange/transfer'
import { seeded } from './exchange-fixtures'
import { GOLDEN, MIX_INPUTS, bytesToHex, hexToBytes, type Golden } from './fountain-golden'

const SECRET = 'dGhlLXdvcmtzaG9wLXNlY3JldC10aGUtd29ya3Nob3A'
const session = await deriveSession('workshop-1', SECRET)

function randomBytes(length: number, rand: () => number): Uint8Array {
  const bytes = new Uint8Array(length)
  for (let index = 0; index < length; index++) bytes[index] = Math.floor(rand() * 256)
  return bytes
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(rand() * (index + 1))
    ;[items[index], items[other]] = [items[other]!, items[index]!]
  }
  return items
}

/**
 * Sends `bytes` as frame texts, drops `loss` of them at random, shuffles the rest and feeds
 * them to a receiver. So many frames are made that what is left always holds K plus a
 * margin of 24: the odds that it still cannot be solved are below 2⁻²⁰.
 */
async function sendThroughLossyShuffle(bytes: Uint8Array, loss: number, seed: number, fragmentSize: number) {
  const rand = seeded(seed)
  const transfer = sendBytes(bytes, session, { fragmentSize, transferId: Math.floor(rand() * 2 ** 32) })
  const made = Math.ceil((transfer.k + 24) / 0.6)
  const kept = shuffle(
    Array.from({ length: made }, (_, n) => n),
    rand,
  ).slice(0, made - Math.floor(made * loss))
  const receiver = receiveBytes(session)
  let last: CollectStep | null = null
  let pushed = 0
  for (const n of kept) {
    last = await receiver.push(await transfer.frame(n))
    pushed++
    if (last.status !== 'progress') break
  }
  return { transfer, last, pushed }
}

function lossyShuffleProperty(minSize: number, maxSize: number, numRuns: number) {
  return fc.assert(
    fc.asyncProperty(
      fc.integer({ min: minSize, max: maxSize }),
      fc.double({ min: 0, max: 0.4, noNaN: true }),
      fc.integer(),
      fc.constantFrom(...DENSITIES.map(density => density.fragmentSize)),
      async (size, loss, seed, fragmentSize) => {
        const bytes = randomBytes(size, seeded(seed ^ 0x5eed))
        const { transfer, last, pushed } = await sendThroughLossyShuffle(bytes, loss, seed, fragmentSize)
        expect(last?.status).toBe('complete')
        if (last?.status !== 'complete') return
        expect(last.bytes).toEqual(bytes)
        expect(pushed).toBeGreaterThanOrEqual(transfer.k)
      },
    ),
    { numRuns },
  )
}

describe('fountain code through frames', () => {
  it('gives back 1 byte to 5 KB after dropping up to 40% of frames and shuffling the rest', async () => {
    await lossyShuffleProperty(1, 5_000, 60)
  })

  it('gives back 5 KB to 60 KB the same way', async () => {
    await lossyShuffleProperty(5_000, 60_000, 12)
  })

  it('gives back 60 KB to 200 KB the same way', async () => {
    await lossyShuffleProperty(60_000, 200 * 1024, 3)
  }, 60_000)

  it('gives back exactly 200 KB at 40% loss', async () => {
    const bytes = randomBytes(200 * 1024, seeded(7))
    const { last } = await sendThroughLossyShuffle(bytes, 0.4, 7, DENSITIES[2].fragmentSize)
    expect(last?.status === 'complete' && last.bytes).toEqual(bytes)
  }, 60_000)

  it('reports progress as fragments solved out of K, and ignores a repeated frame', async () => {
    const bytes = randomBytes(3_000, seeded(3))
    const transfer = sendBytes(bytes, session, { fragmentSize: 500 })
    expect(transfer.k).toBe(6)
    const receiver = receiveBytes(session)
    const first = await transfer.frame(2)
    expect(await receiver.push(first)).toMatchObject({ status: 'progress', solved: 1, total: 6, fresh: true })
    expect(await receiver.push(first)).toMatchObject({ status: 'progress', solved: 1, total: 6, fresh: false })
    expect(await receiver.push(await transfer.frame(4))).toMatchObject({ status: 'progress', solved: 2, total: 6 })
  })

  it('follows a sender that starts again at another density, and still finishes', async () => {
    const bytes = randomBytes(6_000, seeded(4))
    const before = sendBytes(bytes, session, { fragmentSize: DENSITIES[2].fragmentSize })
    const after = sendBytes(bytes, session, { fragmentSize: DENSITIES[0].fragmentSize })
    const receiver = receiveBytes(session)
    for (let n = 0; n < before.k - 2; n++) await receiver.push(await before.frame(n))
    let last: CollectStep | null = null
    for (let n = 0; last?.status !== 'complete' && n < after.k + 30; n++) last = await receiver.push(await after.frame(n))
    expect(last).toMatchObject({ status: 'complete', transferId: after.transferId, bytes })
  })
})

describe('fountain code', () => {
  it('sends the fragments as they are in frames 0…K-1, the last one padded with zeros', () => {
    const bytes = randomBytes(250, seeded(1))
    const encoder = new FountainEncoder(bytes, 100, 42)
    expect(encoder.k).toBe(3)
    expect(encoder.payload(0)).toEqual(bytes.subarray(0, 100))
    expect(encoder.payload(1)).toEqual(bytes.subarray(100, 200))
    const last = new Uint8Array(100)
    last.set(bytes.subarray(200))
    expect(encoder.payload(2)).toEqual(last)
  })

  it('mixes every fragment into each later frame with a coefficient from all of GF(256), never all zeros', () => {
    for (const k of [1, 2, 3, 31, 32, 33, 100, 250]) {
      const counts = new Uint32Array(256)
      for (let n = k; n < k + 200; n++) {
        const coefficients = coefficientsOf(0xdecafbad, n, k)
        expect(coefficients.length).toBe(k)
        expect(coefficients.some(value => value !== 0)).toBe(true)
        for (const value of coefficients) counts[value]!++
      }
      // Every value is drawn about as often as the others: zeros (fragments left out) are rare.
      if (k >= 100) {
        const draws = 200 * k
        expect(counts[0]! / draws).toBeLessThan(0.01)
        expect(Math.max(...counts) / draws).toBeLessThan(2 / 256)
      }
    }
  })

  it('multiplies in GF(256) as shift-and-add modulo x⁸ + x⁴ + x³ + x² + 1 does, for every pair', () => {
    const slow = (a: number, b: number) => {
      let product = 0
      for (; b !== 0; b >>= 1) {
        if (b & 1) product ^= a
        a <<= 1
        if (a & 0x100) a ^= 0x11d
      }
      return product
    }
    for (let a = 0; a < 256; a++) for (let b = 0; b < 256; b++) if (gfMultiply(a, b) !== slow(a, b)) expect([a, b, gfMultiply(a, b)]).toEqual([a, b, slow(a, b)])
    for (let a = 1; a < 256; a++) expect(Array.from({ length: 255 }, (_, b) => gfMultiply(a, b + 1)).filter(product => product === 1)).toHaveLength(1)
  })

  it('decodes far past 32 fragments from mixed frames alone (the combinations are not confined to a few fixed ones)', () => {
    for (const k of [40, 100, 300]) {
      const bytes = randomBytes(k * 20, seeded(k))
      const encoder = new FountainEncoder(bytes, 20, 0x1234 + k)
      const decoder = new FountainDecoder(k, 20, bytes.length, 0x1234 + k)
      let n = k + 5_000
      while (!decoder.complete && n < k + 5_000 + k + 30) decoder.add(n, encoder.payload(n++))
      expect(decoder.rank).toBe(k)
      expect(decoder.result()).toEqual(bytes)
    }
  })

  it('finishes with K frames caught, whichever were missed (measured over 200 receivers at 30% loss)', () => {
    const rand = seeded(99)
    const k = 60
    let extra = 0
    for (let trial = 0; trial < 200; trial++) {
      const bytes = randomBytes(k * 16, rand)
      const transferId = Math.floor(rand() * 2 ** 32)
      const encoder = new FountainEncoder(bytes, 16, transferId)
      const decoder = new FountainDecoder(k, 16, bytes.length, transferId)
      let received = 0
      for (let n = 0; !decoder.complete; n++) {
        if (rand() < 0.3) continue
        decoder.add(n, encoder.payload(n))
        received++
      }
      expect(decoder.result()).toEqual(bytes)
      extra += received - k
    }
    // Over GF(256), K frames are independent but for odds of about 1 in 250; over GF(2) it was ~1.6 extra on average.
    expect(extra / 200).toBeLessThan(0.05)
  })

  it('counts fragments, one at the least', () => {
    expect(fragmentCount(1, 800)).toBe(1)
    expect(fragmentCount(800, 800)).toBe(1)
    expect(fragmentCount(801, 800)).toBe(2)
  })
})

/** The small join transfer of the golden vectors: 300 fixed bytes, 48 a fragment (K 7), 14 frames. */
async function goldenFromCode(): Promise<Golden> {
  const text = new TextEncoder().encode('OKRA Harvest: the same frames on every engine. ')
  const bytes = new Uint8Array(300).map((_, at) => (at < text.length ? text[at]! : (at * 151 + 7) & 0xff))
  const transfer = sendBytes(bytes, JOIN_SESSION, { fragmentSize: 48, transferId: 0x0c0ffee5 })
  return {
    mixes: MIX_INPUTS.map(([transferId, n, k]) => ({ transferId, n, k, coefficients: bytesToHex(coefficientsOf(transferId, n, k)) })),
    join: {
      transferId: transfer.transferId,
      fragmentSize: transfer.fragmentSize,
      bytes: bytesToHex(bytes),
      frames: await Promise.all(Array.from({ length: 14 }, (_, n) => transfer.frame(n))),
    },
  }
}

describe('golden vectors (frozen in fountain-golden.json, checked in Chromium and WebKit too)', () => {
  it('covers K from 1 to 4,096, past a word of 32, with mixed frames (n ≥ K) and plain ones', () => {
    const ks = GOLDEN.mixes.map(entry => entry.k)
    expect(Math.max(...ks)).toBe(4096)
    expect(GOLDEN.mixes.filter(entry => entry.k > 32 && entry.n >= entry.k).length).toBeGreaterThanOrEqual(5)
    expect(GOLDEN.mixes.map(({ transferId, n, k }) => [transferId, n, k])).toEqual(MIX_INPUTS)
  })

  it('draws exactly the frozen coefficients', () => {
    for (const { transferId, n, k, coefficients } of GOLDEN.mixes) {
      expect(bytesToHex(coefficientsOf(transferId, n, k)), `transfer ${transferId}, frame ${n}, K ${k}`).toBe(coefficients)
    }
  })

  it('writes exactly the frozen frames of a join transfer, and a receiver reads the bytes back from them', async () => {
    const { transferId, fragmentSize, bytes, frames } = GOLDEN.join
    const transfer = sendBytes(hexToBytes(bytes), JOIN_SESSION, { fragmentSize, transferId })
    expect(transfer.k).toBe(7)
    for (let n = 0; n < frames.length; n++) expect(await transfer.frame(n), `frame ${n}`).toBe(frames[n])
    // Mixed frames first: the bytes come back through the frozen coefficients.
    const receiver = receiveBytes(JOIN_SESSION)
    let last: CollectStep | undefined
    for (const text of [...frames].reverse()) {
      last = await receiver.push(text)
      if (last.status === 'complete') break
    }
    expect(last?.status === 'complete' && bytesToHex(last.bytes)).toBe(bytes)
  })

  it.runIf(process.env.WRITE_GOLDEN === '1')('writes fountain-golden.json from the code (only when asked)', async () => {
    const { writeFile } = await import('node:fs/promises')
    const out = new URL('./fountain-golden.json', import.meta.url)
    const { mixes, join } = await goldenFromCode()
    // One vector a line, so a change shows in a diff as the vectors it touched.
    const lines = (items: readonly unknown[]) => items.map(item => `    ${JSON.stringify(item)}`).join(',\n')
    const { frames, ...transfer } = join
    const body = JSON.stringify(transfer).slice(0, -1)
    await writeFile(out, `{\n  "mixes": [\n${lines(mixes)}\n  ],\n  "join": ${body},\n  "frames": [\n${lines(frames)}\n  ]\n  }\n}\n`)
  })
})
