/**
 * The golden vectors of the QR transport (tests/unit/fountain-golden.json), recomputed by the
 * browsers the room uses: Chromium (Android tablets) and WebKit (iPads). A tablet can finish a
 * transfer from another engine only if both draw the same coefficients and write the same
 * frames, bit for bit. Needs WebKitWebDriver and Xvfb for the WebKit half: see webkit.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GOLDEN } from '../unit/fountain-golden'
import { launchChromium } from './browser'
import { openQrLab, startQrLab, type QrLab, type QrLabApi } from './qr-harness'
import { startWebKit, WEBKIT_START_MS } from './webkit'

type LabWindow = { qrLab: QrLabApi }

const INPUTS = GOLDEN.mixes.map(({ transferId, n, k }) => [transferId, n, k] as const)
const JOIN = GOLDEN.join

interface Computed {
  mixes: string[]
  frames: string[]
}

function expectGolden(computed: Computed) {
  expect(computed.mixes).toHaveLength(GOLDEN.mixes.length)
  GOLDEN.mixes.forEach(({ transferId, n, k, coefficients }, at) => {
    expect(computed.mixes[at], `transfer ${transferId}, frame ${n}, K ${k}`).toBe(coefficients)
  })
  expect(computed.frames).toEqual(JOIN.frames)
}

describe('golden fountain vectors in real browsers', () => {
  let lab: QrLab

  beforeAll(async () => {
    lab = await startQrLab()
  }, 180_000)
  afterAll(async () => {
    await lab?.close()
  })

  it('Chromium draws the same coefficients and writes the same join frames', async () => {
    const browser = await launchChromium()
    try {
      const page = await browser.newPage()
      await openQrLab(page, lab)
      const computed = await page.evaluate(
        async ([inputs, join]) => {
          const { golden } = (window as unknown as LabWindow).qrLab
          return {
            mixes: golden.mixes(inputs),
            frames: await golden.joinFrames(join.bytes, join.transferId, join.fragmentSize, join.frames.length),
          }
        },
        [INPUTS, JOIN] as const,
      )
      expectGolden(computed)
    } finally {
      await browser.close()
    }
  })

  it('WebKit draws the same coefficients and writes the same join frames', async () => {
    const webkit = await startWebKit()
    try {
      const { browser } = webkit
      // 127.0.0.1 rather than localhost: the WebKit session sends every other host to a tripwire proxy.
      await browser.url(lab.url.replace('//localhost:', '//127.0.0.1:'))
      await browser.waitUntil(() => browser.execute(() => 'qrLab' in window), { timeout: 30_000, timeoutMsg: 'The QR lab did not start in WebKit' })
      const computed: Computed = await browser.execute(
        async (inputs: (readonly [number, number, number])[], join: typeof JOIN) => {
          const { golden } = (window as unknown as LabWindow).qrLab
          return {
            mixes: golden.mixes(inputs),
            frames: await golden.joinFrames(join.bytes, join.transferId, join.fragmentSize, join.frames.length),
          }
        },
        INPUTS.map(input => [...input] as const),
        JOIN,
      )
      expectGolden(computed)
      expect(webkit.foreignRequests()).toEqual([])
    } finally {
      await webkit.close()
    }
  }, WEBKIT_START_MS + 60_000)
})
