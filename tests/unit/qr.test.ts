import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { drawQr, encodeQr, moduleSizeFor, QUIET_ZONE } from '../../src/exchange/qr'
import { cameraError, ScanError, startScanner } from '../../src/exchange/scan'
import { sharpen } from '../../src/exchange/sharpen'
import { filmCode } from './camera-image'

const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'

/** A reproducible text in the QR alphanumeric alphabet, like the frames Base45 makes. */
function base45Text(length: number, seed: number): string {
  let state = seed >>> 0
  let text = ''
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    text += BASE45[(state >>> 16) % BASE45.length]
  }
  return text
}

/** A canvas stand-in that really paints: fillRect into an RGBA buffer, as a browser would. */
function paintingCanvas() {
  let pixels = new Uint8ClampedArray(0)
  const context = {
    imageSmoothingEnabled: true,
    fillStyle: '#000',
    fillRect(x: number, y: number, w: number, h: number) {
      const value = context.fillStyle === '#fff' ? 255 : 0
      for (let row = y; row < y + h; row++) {
        for (let col = x; col < x + w; col++) {
          const at = (row * canvas.width + col) * 4
          pixels.fill(value, at, at + 3)
          pixels[at + 3] = 255
        }
      }
    },
  }
  const canvas = {
    width: 0,
    height: 0,
    style: {} as Record<string, string>,
    getContext: () => {
      pixels = new Uint8ClampedArray(canvas.width * canvas.height * 4)
      return context
    },
  }
  const image = () => ({ data: pixels, width: canvas.width, height: canvas.height })
  return { canvas, context, image, element: canvas as unknown as HTMLCanvasElement }
}

describe('QR matrix', () => {
  it('codes a 1,200-character Base45 frame in alphanumeric mode, at version 21 or less', () => {
    const frame = encodeQr(base45Text(1200, 1))
    expect(frame.version).toBeLessThanOrEqual(21)
    expect(frame.modules).toBe(17 + 4 * frame.version)
    expect(frame.dark).toHaveLength(frame.modules)
    // The same length in byte mode (lower case is not alphanumeric) needs a much larger code.
    expect(encodeQr(base45Text(1200, 1).toLowerCase()).version).toBe(25)
  })

  it('fills version 20 at L up to its alphanumeric capacity of 1,249 characters', () => {
    expect(encodeQr(base45Text(1249, 2)).version).toBe(20)
    expect(encodeQr(base45Text(1250, 2)).version).toBe(21)
  })

  it('refuses a text too long for any QR code, with a message', () => {
    expect(() => encodeQr(base45Text(5000, 3))).toThrow('too long for one QR code')
  })
})

describe('drawQr', () => {
  it('draws whole pixels per module inside a 4-module quiet zone, without smoothing', () => {
    const { canvas, context, image, element } = paintingCanvas()
    const drawn = drawQr(element, base45Text(1200, 4), { maxSize: 720, pixelRatio: 1 })
    const side = drawn.modules + 2 * QUIET_ZONE
    expect(drawn.moduleSize).toBe(Math.floor(720 / side))
    expect(canvas.width).toBe(side * drawn.moduleSize)
    expect(canvas.height).toBe(canvas.width)
    expect(canvas.width).toBeLessThanOrEqual(720)
    expect(context.imageSmoothingEnabled).toBe(false)
    expect(canvas.style.imageRendering).toBe('pixelated')

    // Every pixel of the quiet zone is white; the top-left finder pattern starts right after it.
    const { data } = image()
    const pixel = (x: number, y: number) => data[(y * canvas.width + x) * 4]
    const quiet = QUIET_ZONE * drawn.moduleSize
    for (let i = 0; i < canvas.width; i++) {
      expect(pixel(i, quiet - 1)).toBe(255)
      expect(pixel(quiet - 1, i)).toBe(255)
    }
    expect(pixel(quiet, quiet)).toBe(0)
  })

  it('sizes the canvas in device pixels and the element in CSS pixels', () => {
    const { canvas, element } = paintingCanvas()
    const drawn = drawQr(element, 'HELLO', { maxSize: 300, pixelRatio: 2 })
    expect(drawn.moduleSize).toBe(moduleSizeFor(drawn.modules, 600))
    expect(canvas.style.width).toBe(`${canvas.width / 2}px`)
  })

  it('never goes below one pixel per module', () => {
    expect(moduleSizeFor(97, 50)).toBe(1)
  })
})

describe('draw, then read back with the decoder the scanner uses', () => {
  beforeAll(async () => {
    // In Node the wasm comes from node_modules: no network in tests either.
    const wasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')
    await prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasm).buffer as ArrayBuffer }, fireImmediately: true })
  })

  it.each([
    ['one character', '7'],
    ['every alphanumeric symbol', BASE45.repeat(3)],
    ['a 1,200-character frame', base45Text(1200, 5)],
    ['a full version-20 frame', base45Text(1249, 6)],
  ])('reads %s exactly', async (_name, text) => {
    const { image, element } = paintingCanvas()
    drawQr(element, text, { maxSize: 500, pixelRatio: 1 })
    const results = await readBarcodes(image() as ImageData, { formats: ['QRCode'], maxNumberOfSymbols: 1 })
    expect(results.map(result => result.text)).toEqual([text])
  })
})

describe('reading codes filmed off a screen: tilted, blurred, noisy, at 1280×720', () => {
  const read = async (image: { data: Uint8ClampedArray; width: number; height: number }) =>
    (await readBarcodes(image as ImageData, { formats: ['QRCode'], maxNumberOfSymbols: 1, tryInvert: false, tryRotate: false }))
      .filter(result => result.isValid)
      .map(result => result.text)

  it.each([
    // [version, characters, share of the frame height, blur]
    [25, 1853, 0.5, 1.2],
    [28, 2223, 0.5, 1.0],
    [30, 2520, 0.6, 1.2],
  ])('reads a full version-%i code (%i characters) at %f of the height, blur %f px, once sharpened (not without)', async (version, length, share, blur) => {
    for (const seed of [1, 2, 3]) {
      const text = base45Text(length, seed * 31 + version)
      const matrix = encodeQr(text)
      expect(matrix.version).toBe(version)
      const image = filmCode(matrix, { share, blur, seed, tilt: 0.15 + 0.04 * seed, rotation: 0.02 * seed })
      expect(await read(image)).toEqual([])
      sharpen(image.data, image.width, image.height)
      expect(await read(image), `seed ${seed}`).toEqual([text])
    }
  })

  it('reads a version-30 frame under each of the eight masks an animated code cycles through', async () => {
    const text = base45Text(2520, 8)
    const results = new Set<number>()
    for (let mask = 0; mask < 8; mask++) {
      const matrix = encodeQr(text, { mask })
      expect(matrix.version).toBe(30)
      const image = filmCode(matrix, { share: 0.6, blur: 1.0, seed: mask + 1 })
      sharpen(image.data, image.width, image.height)
      expect(await read(image), `mask ${mask}`).toEqual([text])
      results.add(matrix.dark.flat().filter(Boolean).length)
    }
    // Eight masks, eight different patterns of the same text.
    expect(results.size).toBe(8)
  })

  it('keeps sharp codes readable: sharpening spoils none of them', async () => {
    for (const [version, length] of [[20, 1249], [30, 2520]] as const) {
      const text = base45Text(length, version)
      const image = filmCode(encodeQr(text), { share: 0.67, blur: 0.5, seed: version })
      expect(await read(image)).toEqual([text])
      sharpen(image.data, image.width, image.height)
      expect(await read(image)).toEqual([text])
    }
  })
})

describe('scanner errors', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('explains a blocked camera, a missing camera and a busy camera', () => {
    const blocked = cameraError(new DOMException('denied', 'NotAllowedError')).message
    expect(blocked.split('\n')).toEqual([
      'The camera is blocked for this app.',
      expect.stringMatching(/^On an iPad: tap “aA” in the address bar › Website Settings › Camera › Allow/),
      expect.stringMatching(/^In an app added to an iPad’s Home Screen: /),
      'On Android: tap the lock icon beside the address › Permissions › Camera › Allow.',
      'Then scan again, or use a file instead.',
    ])
    expect(cameraError(new DOMException('none', 'NotFoundError')).problem).toBe('no-camera')
    expect(cameraError(new DOMException('busy', 'NotReadableError')).problem).toBe('camera-failed')
  })

  it('says the camera needs HTTPS when the page has no mediaDevices', async () => {
    vi.stubGlobal('navigator', {})
    const onError = vi.fn<(error: ScanError) => void>()
    const onText = vi.fn()
    startScanner({} as HTMLElement, onText, onError)
    await vi.waitFor(() => expect(onError).toHaveBeenCalledOnce())
    expect(onError.mock.calls[0]?.[0].problem).toBe('insecure')
    expect(onError.mock.calls[0]?.[0].message).toMatch(/^The camera needs HTTPS or localhost/)
    expect(onText).not.toHaveBeenCalled()
  })
})
