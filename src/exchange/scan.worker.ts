/**
 * Reads QR codes from camera frames off the main thread, with ZXing-C++ compiled to wasm.
 *
 * zxing-wasm fetches its .wasm from a CDN unless told otherwise; we point it at the copy vite
 * bundles next to this worker, which the service worker precaches, so scanning works offline.
 */
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader'
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'

/** Main thread → worker: one camera frame. */
export interface ScanRequest {
  readonly id: number
  readonly image: ImageData
}

/** Worker → main thread: what one frame held, or why the reader cannot start. */
export type ScanReply =
  | { readonly kind: 'read'; readonly id: number; readonly texts: readonly string[]; readonly ms: number }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string }

const READER_OPTIONS: ReaderOptions = {
  formats: ['QRCode'],
  // Dense codes (version ~20) filmed off a screen need the slower, more thorough search.
  tryHarder: true,
  maxNumberOfSymbols: 1,
}

const ready = prepareZXingModule({
  overrides: {
    locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path),
  },
  fireImmediately: true,
})
// A failed start is reported with the first frame; this keeps it from also surfacing as unhandled.
ready.catch(() => undefined)

self.addEventListener('message', async (event: MessageEvent<ScanRequest>) => {
  const { id, image } = event.data
  let reply: ScanReply
  try {
    await ready
    const started = performance.now()
    const results = await readBarcodes(image, READER_OPTIONS)
    const texts = results.filter(result => result.isValid).map(result => result.text)
    reply = { kind: 'read', id, texts, ms: performance.now() - started }
  } catch (error) {
    reply = { kind: 'failed', id, message: error instanceof Error ? error.message : String(error) }
  }
  self.postMessage(reply)
})
