import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BASE45_ALPHABET, decodeBase45, encodeBase45 } from '../../src/exchange/base45'
import {
  DEFAULT_FRAGMENT_SIZE,
  DENSITIES,
  FRAME_OVERHEAD,
  densityFor,
  encodeFrame,
  framesToShow,
  parseFrame,
  readFrame,
} from '../../src/exchange/frames'
import { fragmentCount } from '../../src/exchange/fountain'
import { FRAME_FORMAT } from '../../src/exchange/wire'
import { deriveSession } from '../../src/exchange/keys'
import { encodeQr } from '../../src/exchange/qr'
import { JOIN_SESSION, createReceiver, sendBytes } from '../../src/exchange/transfer'

const SECRET = 'dGhlLXdvcmtzaG9wLXNlY3JldC10aGUtd29ya3Nob3A'
const OTHER_SECRET = 'YW5vdGhlci13b3Jrc2hvcC1hbm90aGVyLXdvcmtzaG9w'
const ours = await deriveSession('workshop-1', SECRET)
const otherWorkshop = await deriveSession('workshop-2', OTHER_SECRET)
/** The same workshop id with another secret: a workshop made again elsewhere, or a forger's guess. */
const otherSecret = await deriveSession('workshop-1', OTHER_SECRET)

const bytes = new Uint8Array(3_000).map((_, index) => (index * 7919) % 256)
const transfer = sendBytes(bytes, ours, { fragmentSize: 200, transferId: 77 })
const frames = await Promise.all(Array.from({ length: 24 }, (_, n) => transfer.frame(n)))

function reencode(text: string, change: (bytes: Uint8Array) => void): string {
  const raw = decodeBase45(text)
  change(raw)
  return encodeBase45(raw)
}

describe('frames', () => {
  it('fill each density’s QR version to the last alphanumeric character, in the Base45 alphabet', async () => {
    expect(DENSITIES.map(density => density.qrVersion)).toEqual([10, 15, 20, 25, 28, 30])
    for (const density of DENSITIES) {
      const text = await sendBytes(bytes, ours, { fragmentSize: density.fragmentSize }).frame(5)
      expect(text).toHaveLength(density.textLength)
      expect(density.textLength).toBeLessThanOrEqual(density.capacity)
      expect(density.capacity - density.textLength).toBeLessThan(3)
      expect([...text].every(character => BASE45_ALPHABET.includes(character))).toBe(true)
    }
    // Version 20, error correction L: 1,249 characters, so 832 bytes of frame.
    expect(DEFAULT_FRAGMENT_SIZE + FRAME_OVERHEAD).toBe(832)
  })

  it('are drawn at exactly the QR version each density names', async () => {
    for (const density of DENSITIES) {
      const text = await sendBytes(bytes, ours, { fragmentSize: density.fragmentSize }).frame(30)
      expect(encodeQr(text).version).toBe(density.qrVersion)
    }
  })

  it('hold 1,650 bytes a frame at version 30, twice what version 20 holds', () => {
    expect(DENSITIES.map(density => density.fragmentSize)).toEqual([233, 475, 802, 1205, 1452, 1650])
  })

  it('reads back its own header and payload', async () => {
    const read = await readFrame(frames[20]!, ours)
    expect(read.ok && read.frame).toMatchObject({ transferId: 77, k: 15, length: 3_000, sequence: 20, fragmentSize: 200 })
  })

  it('refuses a frame with any one byte changed', async () => {
    const length = decodeBase45(frames[3]!).length
    for (let at = 0; at < length; at++) {
      const changed = reencode(frames[3]!, raw => {
        raw[at]! ^= 1 << at % 8
      })
      const read = await readFrame(changed, ours)
      expect(read.ok, `byte ${at}`).toBe(false)
    }
  })

  it('refuses a frame with any byte changed to anything, in a mixed frame too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(23), fc.nat(), fc.integer({ min: 1, max: 255 }), async (n, position, change) => {
        const raw = decodeBase45(frames[n]!)
        const at = position % raw.length
        raw[at]! ^= change
        expect((await readFrame(encodeBase45(raw), ours)).ok).toBe(false)
      }),
      { numRuns: 500 },
    )
  })

  it('refuses a frame with a character misread', async () => {
    const text = frames[18]!
    for (let at = 0; at < text.length; at += 7) {
      const replacement = text[at] === 'A' ? 'B' : 'A'
      const misread = text.slice(0, at) + replacement + text.slice(at + 1)
      expect((await readFrame(misread, ours)).ok).toBe(false)
    }
  })

  it('refuses a frame from another workshop at once, saying so', async () => {
    const foreign = await sendBytes(bytes, otherWorkshop, { fragmentSize: 200 }).frame(0)
    expect(parseFrame(foreign, ours)).toMatchObject({ ok: false, reason: 'other-workshop' })
    const read = await readFrame(foreign, ours)
    expect(read).toMatchObject({ ok: false, reason: 'other-workshop' })
    expect(!read.ok && read.message).toBe('This code is from another workshop. Nothing was changed.')
    const sameIdOtherSecret = await sendBytes(bytes, otherSecret, { fragmentSize: 200 }).frame(0)
    expect(await readFrame(sameIdOtherSecret, ours)).toMatchObject({ ok: false, reason: 'other-workshop' })
  })

  it('refuses a frame whose session tag was copied from ours but whose check was not made with our key', async () => {
    const forged = reencode(await sendBytes(bytes, otherSecret, { fragmentSize: 200 }).frame(0), raw => {
      raw.set(ours.mode === 'sealed' ? ours.tag : [], 4)
    })
    expect(await readFrame(forged, ours)).toMatchObject({ ok: false, reason: 'damaged' })
  })

  it('refuses a frame of a newer or an older format, of another app, and of the other kind', async () => {
    const newer = reencode(frames[0]!, raw => {
      raw[2] = FRAME_FORMAT + 1
    })
    expect(await readFrame(newer, ours)).toMatchObject({ ok: false, reason: 'newer-format' })
    // Format 1 mixed its fragments over GF(2): such a tablet must be updated, and the screen says which one.
    const older = reencode(frames[0]!, raw => {
      raw[2] = 1
    })
    expect(await readFrame(older, ours)).toMatchObject({
      ok: false,
      reason: 'older-format',
      message: 'This code was made by an older version of OKRA Harvest — update the tablet that shows it, then scan again. Nothing was changed.',
    })
    expect(await readFrame('HTTPS://EXAMPLE.COM/', ours)).toMatchObject({ ok: false, reason: 'other-app' })
    expect(await readFrame('https://example.com/', ours)).toMatchObject({ ok: false, reason: 'other-app' })
    expect(await readFrame('', ours)).toMatchObject({ ok: false, reason: 'other-app' })

    const join = await sendBytes(bytes, JOIN_SESSION, { fragmentSize: 200 }).frame(0)
    expect(await readFrame(join, ours)).toMatchObject({ ok: false, reason: 'wrong-kind' })
    expect(await readFrame(frames[0]!, JOIN_SESSION)).toMatchObject({ ok: false, reason: 'wrong-kind' })
    expect((await readFrame(join, JOIN_SESSION)).ok).toBe(true)
  })

  it('checks join frames against damage without a key', async () => {
    const join = await sendBytes(bytes, JOIN_SESSION, { fragmentSize: 200 }).frame(20)
    const damaged = reencode(join, raw => {
      raw[100]! ^= 0x40
    })
    expect(await readFrame(damaged, JOIN_SESSION)).toMatchObject({ ok: false, reason: 'damaged' })
  })

  it('refuses a transfer that claims more than QR codes can carry', async () => {
    // A genuine frame whose header claims 3 MB: consistent K, valid check, yet refused.
    const claim = await encodeFrame(ours, { transferId: 1, k: 1573, length: 3_145_000, sequence: 0 }, new Uint8Array(2000))
    expect(await readFrame(claim, ours)).toMatchObject({ ok: false, reason: 'too-large' })
  })
})

describe('densityFor', () => {
  const versionFor = (bytes: number, slower = false) => DENSITIES[densityFor(bytes, { slower })]!.qrVersion
  const kAt = (bytes: number, version: number) => fragmentCount(bytes, DENSITIES.find(d => d.qrVersion === version)!.fragmentSize)

  it('sends a small transfer in sparse codes, which read from further away, as long as it costs no time', () => {
    expect(versionFor(200)).toBe(10)
    // A small join code (2 KB): 9 frames at version 10, 12 shown at 20 % loss, within the budget.
    expect(versionFor(2_000)).toBe(10)
    expect(framesToShow(kAt(2_000, 10))).toBe(12)
    // A little more no longer fits it.
    expect(versionFor(2_200)).toBe(15)
  })

  it('goes denser as the transfer grows, keeping what 20 % loss costs within 12 frames shown', () => {
    // 200 cards seal to about 8 KB: 10 frames at version 20 (13 shown at 20 % loss), 7 at version 25 (9).
    expect(versionFor(8_000)).toBe(25)
    expect(framesToShow(kAt(8_000, 20))).toBe(13)
    expect(framesToShow(kAt(8_000, 25))).toBe(9)
    expect(versionFor(12_000)).toBe(28)
  })

  it('takes the densest code, version 30, for everything that cannot fit the budget', () => {
    // 1,000 cards: about 31 KB, 19 frames at version 30 instead of 39 at version 20.
    expect(versionFor(31_000)).toBe(30)
    expect(kAt(31_000, 30)).toBe(19)
    expect(versionFor(2_000_000)).toBe(30)
  })

  it('never picks a denser code for fewer bytes, and "slower" is always one step sparser', () => {
    let previous = 0
    for (let bytes = 1; bytes <= 64_000; bytes += 97) {
      const chosen = densityFor(bytes)
      expect(chosen).toBeGreaterThanOrEqual(previous)
      expect(densityFor(bytes, { slower: true })).toBe(Math.max(0, chosen - 1))
      previous = chosen
    }
    expect(densityFor(0)).toBe(0)
  })
})

describe('the frame decoder never throws', () => {
  const base45Text = fc.array(fc.constantFrom(...BASE45_ALPHABET.split('')), { maxLength: 1300 }).map(chars => chars.join(''))
  /** Bytes that begin like our frames, so the decoder gets past its first checks. */
  const ourPrefix = fc.uint8Array({ minLength: 0, maxLength: 900 }).map(tail => {
    const raw = decodeBase45(frames[1]!).slice(0, 12)
    const out = new Uint8Array(12 + tail.length)
    out.set(raw)
    out.set(tail, 12)
    return encodeBase45(out)
  })
  const mutated = fc.tuple(fc.nat(23), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }), fc.nat(), fc.boolean()).map(
    ([n, changes, cut, truncate]) => {
      const raw = decodeBase45(frames[n]!)
      for (const [position, value] of changes) raw[position % raw.length] = value
      return encodeBase45(truncate ? raw.subarray(0, cut % raw.length) : raw)
    },
  )
  const anything = fc.oneof(fc.string({ maxLength: 1400 }), fc.string({ unit: 'binary', maxLength: 200 }), base45Text, ourPrefix, mutated)

  it('parses 20,000 arbitrary texts without throwing', () => {
    fc.assert(
      fc.property(anything, text => {
        const parsed = parseFrame(text, ours)
        expect(typeof parsed.ok).toBe('boolean')
        if (!parsed.ok) expect(parsed.message).toMatch(/Nothing was changed\.$/)
      }),
      { numRuns: 20_000 },
    )
  })

  it('reads 10,000 arbitrary texts without rejecting, accepting only intact frames', async () => {
    const intact = new Set(frames)
    await fc.assert(
      fc.asyncProperty(anything, async text => {
        const read = await readFrame(text, ours)
        expect(read.ok).toBe(intact.has(text))
      }),
      { numRuns: 10_000 },
    )
  }, 60_000)

  it('keeps a receiver scanning through 10,000 arbitrary texts: each is rejected, none throws', async () => {
    const receiver = createReceiver({ mode: 'sealed', workshopId: 'workshop-1', secret: SECRET })
    for (const text of fc.sample(anything, { numRuns: 10_000, seed: 5 })) {
      const step = await receiver.push(text)
      if (!frames.includes(text)) expect(step.status).toBe('rejected')
    }
    expect(receiver.result()).toBeNull()
  }, 60_000)
})
