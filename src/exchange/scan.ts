/**
 * Reads QR texts from the camera: the optical half of a handoff's receiving side.
 *
 * Every camera frame is read as it arrives (requestVideoFrameCallback where the browser has
 * it, once per paint elsewhere), by the browser's own BarcodeDetector where it reads QR codes
 * (Chromium on Android, macOS), elsewhere (desktop Linux, iPad) by zxing-wasm in a Web Worker.
 * Never two frames at once and never a queue: a frame that arrives while another is read is
 * dropped, and when the reader is free again it takes the newest. The worker reads the region
 * where the last code was found (see scan-region.ts), cut from the video as an ImageBitmap
 * so the main thread copies no pixels. The worker starts while the camera opens and warms up on
 * a code of its own; the first frame is cut from the camera when it is warm, not before.
 */
import { openCameraSession, type CameraSession } from './camera'
import type { ScanReply, ScanRequest } from './scan.worker'
import { MESSAGES, ScanError } from './scan-errors'
import { START, cropFor, track, type Region, type Tracking } from './scan-region'

export { ScanError, cameraError, type ScanProblem } from './scan-errors'

export interface DecodedFrame {
  readonly decoder: 'native' | 'worker'
  /** Time spent decoding this frame (in the worker, or in the native detector). */
  readonly ms: number
  readonly texts: readonly string[]
  /** The part of the camera frame that was read (the whole frame, or the crop around the last code). */
  readonly region: Region
  /** Whether a code was located, read or not (the worker says; the native detector only reports codes it read). */
  readonly located: boolean
  /** Whether the frame was sharpened before it was read. */
  readonly sharpened: boolean
  /** Camera frames that came and went unread since the previous frame read (where the browser counts them). */
  readonly dropped: number
  /** From the camera frame's arrival to the end of its reading, in ms. */
  readonly latency: number
}

export interface ScannerOptions {
  /** 'auto' tries the browser's own BarcodeDetector first; 'worker' always uses zxing-wasm. */
  readonly decoder?: 'auto' | 'worker'
  /** 'environment' (default) is the rear camera; 'user' the front one, for a face-to-face swap. */
  readonly facing?: 'environment' | 'user'
  /**
   * The scanning session's camera, kept open across scans (and released by whoever opened it).
   * Without one, the scanner opens the camera itself and closes it when it stops.
   */
  readonly camera?: CameraSession
  /** Called after every decoded frame, found or not: for a "reading…" indicator or a benchmark. */
  readonly onDecode?: (frame: DecodedFrame) => void
}

export type StopScanner = () => void

/** What we use of the BarcodeDetector API (not yet in TypeScript's DOM types). */
interface NativeDetector {
  detect(source: HTMLVideoElement): Promise<readonly { rawValue: string }[]>
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector
  getSupportedFormats(): Promise<string[]>
}

type FrameContext = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D

/**
 * Shows the camera (the rear one unless `facing` says otherwise) in `target` (a `<video>`, or
 * a container that gets one) and calls `onText` with each QR text read, once per run of
 * identical texts. `onError` is called at most once, after which scanning has stopped (and a
 * camera the scanner opened itself is released). Returns a function that stops it all; the
 * stream of a `camera` session given stays open for the next scan.
 */
export function startScanner(
  target: HTMLVideoElement | HTMLElement,
  onText: (text: string) => void,
  onError: (error: ScanError) => void,
  options: ScannerOptions = {},
): StopScanner {
  let stopped = false
  const facing = options.facing ?? 'environment'
  const ownCamera = options.camera ? undefined : openCameraSession()
  const camera = options.camera ?? ownCamera!
  let video: HTMLVideoElement | undefined
  let ownsVideo = false
  let cancelFrame: (() => void) | undefined
  let worker: Worker | undefined
  /** Settles when the worker has warmed up (see scan.worker.ts): its first frame is cut only then. */
  let workerReady: Promise<void> = Promise.resolve()
  let markReady = () => {}
  let detector: NativeDetector | undefined
  let frameContext: FrameContext | undefined
  let busy = false
  let lastText: string | undefined
  let nextId = 0
  let settleReply: ((reply: ScanReply | undefined) => void) | undefined
  let tracking: Tracking = START
  // ImageBitmaps to the worker where the browser can; ImageData from a canvas otherwise.
  let sendBitmaps = typeof createImageBitmap === 'function' && typeof OffscreenCanvas === 'function'
  /** The newest camera frame seen, and the last one read, by the browser's count of frames shown. */
  let newestFrame = 0
  let newestAt = 0
  let lastRead = 0

  const stop: StopScanner = () => {
    if (stopped) return
    stopped = true
    cancelFrame?.()
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible)
    ownCamera?.release()
    worker?.terminate()
    markReady()
    settleReply?.(undefined)
    if (video) {
      video.srcObject = null
      if (ownsVideo) video.remove()
    }
  }

  const fail = (error: ScanError) => {
    if (stopped) return
    stop()
    onError(error)
  }

  const report = (frame: DecodedFrame) => {
    if (stopped) return
    options.onDecode?.(frame)
    for (const text of frame.texts) {
      if (text === lastText) continue
      lastText = text
      onText(text)
    }
  }

  const decodeNatively = async (source: HTMLVideoElement, native: NativeDetector, frame: FrameFacts) => {
    const started = performance.now()
    try {
      const found = await native.detect(source)
      const texts = found.map(code => code.rawValue)
      report({
        dropped: frame.dropped,
        decoder: 'native',
        ms: performance.now() - started,
        texts,
        region: { x: 0, y: 0, width: source.videoWidth, height: source.videoHeight },
        located: texts.length > 0,
        sharpened: false,
        latency: performance.now() - frame.arrived,
      })
    } catch {
      // A detector that fails once (some Android builds lack the model) is not tried again.
      detector = undefined
    }
  }

  const decodeInWorker = async (source: HTMLVideoElement, asked: FrameFacts) => {
    worker ??= startWorker()
    // The frame is cut when the reader can take it, so a frame that came during the warm-up is
    // not read stale: the newest one is, and it counts as read, so the loop does not read it again.
    await workerReady
    if (stopped) return
    const frame = newestFrame === lastRead ? asked : { dropped: asked.dropped + newestFrame - lastRead, arrived: newestAt }
    lastRead = newestFrame
    const size = { width: source.videoWidth, height: source.videoHeight }
    const region = cropFor(tracking, size)
    const sharpen = tracking.sharpen
    let reply = await ask(worker, await frameRequest(source, region, sharpen))
    if (reply?.kind === 'no-bitmap') {
      sendBitmaps = false
      reply = await ask(worker, await frameRequest(source, region, sharpen))
    }
    if (!reply || stopped) return
    if (reply.kind === 'failed') {
      readerFailed(new Error(reply.message))
      return
    }
    if (reply.kind !== 'read') return
    tracking = track(tracking, region, size, { corners: reply.corners, decoded: reply.texts.length > 0 })
    report({
      dropped: frame.dropped,
      decoder: 'worker',
      ms: reply.ms,
      texts: reply.texts,
      region,
      located: reply.corners !== undefined,
      sharpened: sharpen,
      latency: performance.now() - frame.arrived,
    })
  }

  const ask = (reader: Worker, request: { message: ScanRequest; transfer: Transferable[] }) =>
    new Promise<ScanReply | undefined>(resolve => {
      settleReply = resolve
      reader.postMessage(request.message, request.transfer)
    }).finally(() => {
      settleReply = undefined
    })

  const frameRequest = async (source: HTMLVideoElement, region: Region, sharpen: boolean) => {
    const id = ++nextId
    if (sendBitmaps) {
      try {
        const bitmap = await createImageBitmap(source, region.x, region.y, region.width, region.height)
        return { message: { id, region, sharpen, bitmap } satisfies ScanRequest, transfer: [bitmap] }
      } catch {
        sendBitmaps = false // this browser cannot cut a bitmap from a video: copy pixels here instead
      }
    }
    const image = grabRegion(source, region)
    return { message: { id, region, sharpen, image } satisfies ScanRequest, transfer: [image.data.buffer] }
  }

  const startWorker = () => {
    const started = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' })
    workerReady = new Promise(resolve => (markReady = resolve))
    started.addEventListener('message', (event: MessageEvent<ScanReply>) => {
      if (event.data.kind === 'ready') markReady()
      else settleReply?.(event.data)
    })
    started.addEventListener('error', event => {
      markReady()
      readerFailed(new Error(event.message))
    })
    return started
  }

  const grabRegion = (source: HTMLVideoElement, region: Region): ImageData => {
    const { width, height } = region
    if (!frameContext || frameContext.canvas.width !== width || frameContext.canvas.height !== height) {
      frameContext = makeFrameContext(width, height)
    }
    frameContext.drawImage(source, region.x, region.y, width, height, 0, 0, width, height)
    return frameContext.getImageData(0, 0, width, height)
  }

  /** Reads the newest frame unless one is being read, or it was read already. */
  const readNewest = () => {
    if (stopped || !video || busy || newestFrame === lastRead) return
    // Until the camera's first frame arrives there is nothing to read (and a native detector throws).
    if (video.videoWidth === 0) return
    busy = true
    const frame: FrameFacts = { dropped: Math.max(0, newestFrame - lastRead - 1), arrived: newestAt }
    lastRead = newestFrame
    const decoding = detector ? decodeNatively(video, detector, frame) : decodeInWorker(video, frame)
    void decoding.catch(readerFailed).finally(() => {
      busy = false
      // A frame that came while this one was read is read now, not at the next frame: it is the newest.
      readNewest()
    })
  }

  const requestFrame = (source: HTMLVideoElement) => {
    if (typeof source.requestVideoFrameCallback === 'function') {
      const handle = source.requestVideoFrameCallback((now, metadata) => {
        newestFrame = metadata.presentedFrames
        newestAt = now
        readNewest()
        requestFrame(source)
      })
      cancelFrame = () => source.cancelVideoFrameCallback(handle)
    } else {
      // Without frame callbacks a new frame shows as a new media time at a paint.
      let lastTime = -1
      const onPaint = (now: number) => {
        if (source.currentTime !== lastTime) {
          lastTime = source.currentTime
          newestFrame += 1
          newestAt = now
        }
        readNewest()
        handle = requestAnimationFrame(onPaint)
      }
      let handle = requestAnimationFrame(onPaint)
      cancelFrame = () => cancelAnimationFrame(handle)
    }
  }

  /** Back from a long absence the session may have let the camera go: show it again. */
  const onVisible = () => {
    if (document.visibilityState !== 'visible') return
    // After the session's own handler, which decides whether the camera was let go.
    setTimeout(() => {
      if (stopped || !video) return
      camera
        .acquire(facing)
        .then(stream => {
          if (stopped || !video || video.srcObject === stream) return
          video.srcObject = stream
          void video.play().catch(() => undefined)
        })
        .catch((error: unknown) =>
          fail(error instanceof ScanError ? error : new ScanError('camera-failed', MESSAGES['camera-failed'], { cause: error })),
        )
    })
  }

  const run = async () => {
    // Where the worker will read (no BarcodeDetector), it starts and warms up while the camera opens.
    if (typeof Worker === 'function' && (options.decoder === 'worker' || !('BarcodeDetector' in globalThis))) worker ??= startWorker()
    const stream = await camera.acquire(facing)
    if (stopped) return
    if (options.decoder !== 'worker') detector = await nativeDetector()
    video = target instanceof HTMLVideoElement ? target : createVideo(target)
    ownsVideo = video !== target
    video.muted = true
    video.playsInline = true
    video.srcObject = stream
    await video.play().catch(() => undefined)
    if (stopped) return
    requestFrame(video)
    document.addEventListener('visibilitychange', onVisible)
  }

  const readerFailed = (error: unknown) => {
    fail(error instanceof ScanError ? error : new ScanError('reader-failed', MESSAGES['reader-failed'], { cause: error }))
  }

  run().catch((error: unknown) => {
    fail(error instanceof ScanError ? error : new ScanError('camera-failed', MESSAGES['camera-failed'], { cause: error }))
  })
  return stop
}

/** What the loop knows of a camera frame before it is read. */
interface FrameFacts {
  readonly dropped: number
  /** performance.now() when the frame arrived. */
  readonly arrived: number
}

function createVideo(container: HTMLElement): HTMLVideoElement {
  const video = document.createElement('video')
  // iOS plays camera video inline only with this attribute, even muted.
  video.setAttribute('playsinline', '')
  video.setAttribute('aria-label', 'Camera view')
  video.className = 'scan-video'
  container.append(video)
  return video
}

function makeFrameContext(width: number, height: number): FrameContext {
  const settings: CanvasRenderingContext2DSettings = { willReadFrequently: true, alpha: false }
  const canvas: OffscreenCanvas | HTMLCanvasElement =
    typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(width, height) : document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d', settings) as FrameContext | null
  if (!context) throw new ScanError('reader-failed', MESSAGES['reader-failed'])
  return context
}

async function nativeDetector(): Promise<NativeDetector | undefined> {
  const Detector = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector
  if (!Detector) return undefined
  try {
    const formats = await Detector.getSupportedFormats()
    return formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : undefined
  } catch {
    return undefined
  }
}
