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
 * The reader's first read runs cold (memory grown, code compiled): ~170 ms against ~20 on a
 * tablet-sized frame, and meanwhile four or five frames of the other screen go by unread. The
 * scanner starts this worker while the camera opens, and a blank read here takes that cost
 * before the first frame comes.
 */
const warm = ready.then(() => readBarcodes(new ImageData(320, 240), READER_OPTIONS)).catch(() => undefined)

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
