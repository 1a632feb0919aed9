/**
 * Reads QR codes from camera frames off the main thread, with ZXing-C++ compiled to wasm.
 *
 * A frame arrives as an ImageBitmap of the region to read (drawn here on an OffscreenCanvas,
 * so the pixel copy costs the main thread nothing) or, where the browser cannot do that, as
 * ImageData. It is sharpened when the scan loop asks, read, and answered with the texts and
 * where the code was found, in camera-frame pixels, for the next frame's crop.
 *
 * zxing-wasm fetches its .wasm from a CDN unless told otherwise; we point it at the copy vite
 * bundles next to this worker, which the service worker precaches, so scanning works offline.
 */
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader'
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'
import type { Point, Region } from './scan-region'
import { encodeQr } from './qr'
import { sharpen } from './sharpen'

/** Main thread → worker: one camera frame, or the region of it to read. */
export type ScanRequest = {
  readonly id: number
  /** Where the pixels sit in the camera frame. */
  readonly region: Region
  readonly sharpen: boolean
} & ({ readonly bitmap: ImageBitmap } | { readonly image: ImageData })

/** Worker → main thread: what one frame held, or why the reader cannot start. */
export type ScanReply =
  | {
      readonly kind: 'read'
      readonly id: number
      readonly texts: readonly string[]
      /** The corners of the code located, read or not, in camera-frame pixels. */
      readonly corners: readonly Point[] | undefined
      /** Reading (sharpening included), in ms. */
      readonly ms: number
    }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string }
  /** This worker cannot draw an ImageBitmap: send ImageData instead. */
  | { readonly kind: 'no-bitmap'; readonly id: number }
  /** Warmed up (or unable to start, which the first frame's reply says): send frames now. */
  | { readonly kind: 'ready' }

/**
 * Measured on codes filmed off a screen (version 20–30, tilted, blurred): tryHarder and the
 * binarizer changed nothing in what was read (the global-histogram and fixed-threshold
 * binarizers read almost nothing through glare); tryDenoise only cost time. Downscaled
 * passes never read a code this dense (a third of 720 rows leaves under a pixel a module) but
 * ran on every frame not read, a third more time on a whole frame, so they are off. Our codes
 * are never inverted and the QR detector finds any rotation by itself, so the rotated and
 * inverted retries are skipped. Codes that fail to decode are still returned, for where they
 * are: the next frame's crop.
 */
const READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: false,
  tryInvert: false,
  tryDownscale: false,
  maxNumberOfSymbols: 1,
  returnErrors: true,
}

const ready = prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
  fireImmediately: true,
})
// A failed start is reported with the first frame; this keeps it from also surfacing as unhandled.
ready.catch(() => undefined)
/**
 * The reader's first reads of a code run cold (memory grown, code compiled, then tiered up as
 * it runs): the first whole 1280×720 frame of a version-30 code took ~200 ms, 72–132 ms after
 * one read of a code, 44–81 ms after two (three did no better), against ~45 ms warm. A blank
 * frame does not warm it, since locating and decoding run only where there is a code. So the
 * worker reads a code of its own twice, drawn at a camera frame's size, and then says 'ready';
 * the scanner cuts its first frame from the camera only then. Before, that first frame waited
 * behind the warm-up and a cold read, and the other screen went through five or more codes
 * meanwhile, none of them read.
 */
const WARM_READS = 2
const warm = ready
  .then(async () => {
    const frame = warmFrame()
    for (let read = 0; read < WARM_READS; read++) {
      const bitmap = typeof createImageBitmap === 'function' ? await createImageBitmap(frame).catch(() => undefined) : undefined
      const image = (bitmap && pixelsOf(bitmap)) ?? new ImageData(new Uint8ClampedArray(frame.data), frame.width, frame.height)
      bitmap?.close()
      sharpen(image.data, image.width, image.height)
      await readBarcodes(image, READER_OPTIONS)
    }
  })
  .catch(() => undefined) // a reader that cannot start says so at the first frame
  .finally(() => self.postMessage({ kind: 'ready' } satisfies ScanReply))

/** A camera-sized frame with a dense code in it (version 20, 4 px a module, grey on grey). */
function warmFrame(): ImageData {
  const width = 1280
  const height = 720
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'
  let state = 1
  const text = Array.from({ length: 1200 }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return alphabet[state % alphabet.length]
  }).join('')
  const { modules, dark } = encodeQr(text, { mask: 0 })
  const image = new ImageData(width, height)
  new Uint32Array(image.data.buffer).fill(0xffc8c8c8)
  const size = 4
  const left = (width - modules * size) >> 1
  const top = (height - modules * size) >> 1
  for (let y = 0; y < modules * size; y++) {
    const row = dark[Math.floor(y / size)]!
    for (let x = 0; x < modules * size; x++) {
      if (!row[Math.floor(x / size)]) continue
      const at = 4 * ((top + y) * width + left + x)
      image.data[at] = image.data[at + 1] = image.data[at + 2] = 50
    }
  }
  return image
}

let context: OffscreenCanvasRenderingContext2D | undefined

function pixelsOf(bitmap: ImageBitmap): ImageData | undefined {
  if (typeof OffscreenCanvas !== 'function') return undefined
  const { width, height } = bitmap
  if (!context || context.canvas.width < width || context.canvas.height < height) {
    const canvas = new OffscreenCanvas(width, height)
    context = canvas.getContext('2d', { willReadFrequently: true, alpha: false }) ?? undefined
    if (!context) return undefined
  }
  context.drawImage(bitmap, 0, 0)
  return context.getImageData(0, 0, width, height)
}

self.addEventListener('message', async (event: MessageEvent<ScanRequest>) => {
  const request = event.data
  const { id, region } = request
  let reply: ScanReply
  try {
    await ready
    await warm
    const started = performance.now()
    let image: ImageData | undefined
    if ('bitmap' in request) {
      image = pixelsOf(request.bitmap)
      request.bitmap.close()
    } else {
      image = request.image
    }
    if (!image) {
      self.postMessage({ kind: 'no-bitmap', id } satisfies ScanReply)
      return
    }
    if (request.sharpen) sharpen(image.data, image.width, image.height)
    const results = await readBarcodes(image, READER_OPTIONS)
    const texts = results.filter(result => result.isValid).map(result => result.text)
    const position = results[0]?.position
    const corners = position
      ? [position.topLeft, position.topRight, position.bottomRight, position.bottomLeft].map(point => ({
          x: point.x + region.x,
          y: point.y + region.y,
        }))
      : undefined
    reply = { kind: 'read', id, texts, corners, ms: performance.now() - started }
  } catch (error) {
    reply = { kind: 'failed', id, message: error instanceof Error ? error.message : String(error) }
  }
  self.postMessage(reply)
})
