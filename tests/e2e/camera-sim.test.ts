import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { beforeAll, describe, expect, it } from 'vitest'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { encodeQr, QUIET_ZONE } from '../../src/exchange/qr'
import { makeTabletCamera, type GrayImage, type ShownFrame } from './camera-sim'
import { base45Frames } from './qr-harness'

/**
 * The simulated tablet camera, checked with the same reader the app uses (zxing-wasm, here in
 * Node): it must hurt (mixed and smeared frames do not read) without making codes unreadable,
 * and a lost screen frame must never reach the reader.
 */

const MODULE_PIXELS = 5

/** A code as the sender's canvas paints it: black modules of whole pixels on white, with the quiet zone. */
function painted(text: string): GrayImage {
  const matrix = encodeQr(text)
  const side = (matrix.modules + 2 * QUIET_ZONE) * MODULE_PIXELS
  const data = new Uint8Array(side * side).fill(255)
  matrix.dark.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return
      for (let j = 0; j < MODULE_PIXELS; j++) {
        const start = ((y + QUIET_ZONE) * MODULE_PIXELS + j) * side + (x + QUIET_ZONE) * MODULE_PIXELS
        data.fill(0, start, start + MODULE_PIXELS)
      }
    }),
  )
  return { width: side, height: side, data }
}

async function read(pixels: Uint8Array, width: number, height: number): Promise<string[]> {
  const rgba = new Uint8ClampedArray(width * height * 4)
  for (let i = 0; i < pixels.length; i++) rgba.fill(pixels[i]!, 4 * i, 4 * i + 3).fill(255, 4 * i + 3, 4 * i + 4)
  const found = await readBarcodes({ data: rgba, width, height, colorSpace: 'srgb' } as ImageData, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 })
  return found.filter(result => result.isValid).map(result => result.text)
}

describe('the simulated tablet camera', () => {
  // Dense frames as the sender makes them for a large workshop (QR version ~20, level L).
  const texts = base45Frames(12, 1000, 1100, 5)
  const images = texts.map(painted)
  const slot = 1000 / 20
  const lost = new Set([3, 8])
  const shown: ShownFrame[] = images.map((image, i) => ({ start: i * slot, end: (i + 1) * slot, image, lost: lost.has(i) }))

  beforeAll(async () => {
    const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')
    const wasmBinary = (await readFile(wasm)).buffer as ArrayBuffer
    await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true })
  })

  it('films the same bytes from the same seed, and other bytes from another', () => {
    const frame = (seed: number) => {
      const out = new Uint8Array(1280 * 720)
      makeTabletCamera({ seed }).render(4, 4 * (1000 / 30), shown, out)
      return out
    }
    const first = frame(3)
    expect(Buffer.compare(first, frame(3))).toBe(0)
    expect(Buffer.compare(first, frame(4))).not.toBe(0)
  })

  it('reads most screen frames through it, loses the lost ones, and not every camera frame reads', async () => {
    const camera = makeTabletCamera({ seed: 2 })
    const out = new Uint8Array(1280 * 720)
    const readShown = new Set<number>()
    let cameraFrames = 0
    let readable = 0
    const started = performance.now()
    for (let k = 0; (k * 1000) / 30 < shown.length * slot - 40; k++) {
      camera.render(k, (k * 1000) / 30, shown, out)
      cameraFrames += 1
      const found = await read(out, 1280, 720)
      if (found.length > 0) readable += 1
      for (const text of found) readShown.add(texts.indexOf(text))
    }
    const kept = shown.length - lost.size
    console.log(`simulated camera: ${readable} of ${cameraFrames} camera frames read, ${readShown.size} of ${kept} kept screen frames; ${((performance.now() - started) / cameraFrames).toFixed(0)} ms a frame (render + read)`)
    expect(readShown.has(-1)).toBe(false)
    for (const index of lost) expect(readShown.has(index)).toBe(false)
    expect(readShown.size).toBeGreaterThanOrEqual(Math.ceil(0.7 * kept))
    expect(readable).toBeLessThan(cameraFrames)
  })
})
