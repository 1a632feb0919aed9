/**
 * Reads QR texts from the camera: the optical half of a handoff's receiving side.
 *
 * The browser's own BarcodeDetector is used where it exists and reads QR codes (Chromium on
 * Android, macOS); elsewhere (desktop Linux, iPad) frames go to a Web Worker running
 * zxing-wasm. At most one frame is being decoded at a time: a slow decoder skips frames
 * instead of queueing them, so what it reads is always recent.
 */
import type { ScanReply, ScanRequest } from './scan.worker'

export type ScanProblem = 'insecure' | 'blocked' | 'no-camera' | 'camera-failed' | 'reader-failed'

/** Why scanning stopped, with a message to show as it is. */
export class ScanError extends Error {
  constructor(
    readonly problem: ScanProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'ScanError'
  }
}

const MESSAGES: Record<ScanProblem, string> = {
  insecure: 'The camera needs HTTPS or localhost. Open the app from its secure address, or use a file instead.',
  blocked: "The camera is blocked. Allow it in the browser's settings, or use a file instead.",
  'no-camera': 'No camera was found on this device. Use a file instead.',
  'camera-failed': 'The camera could not start: another app may be using it. Close that app and try again, or use a file instead.',
  'reader-failed': 'The QR reader could not start. Reload the app and try again, or use a file instead.',
}

/** The ScanError for a failed `getUserMedia`. */
export function cameraError(error: unknown): ScanError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  const problem: ScanProblem =
    name === 'NotAllowedError' || name === 'SecurityError'
      ? 'blocked'
      : name === 'NotFoundError' || name === 'OverconstrainedError'
        ? 'no-camera'
        : 'camera-failed'
  return new ScanError(problem, MESSAGES[problem], { cause: error })
}

export interface DecodedFrame {
  readonly decoder: 'native' | 'worker'
  /** Time spent decoding this frame (in the worker, or in the native detector). */
  readonly ms: number
  readonly texts: readonly string[]
}

export interface ScannerOptions {
  /** 'auto' tries the browser's own BarcodeDetector first; 'worker' always uses zxing-wasm. */
  readonly decoder?: 'auto' | 'worker'
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

const CAMERA: MediaStreamConstraints = {
  // Plain values are preferences: a laptop with only a front camera still works.
  video: { facingMode: 'environment', width: 1280, height: 720 },
  audio: false,
}

/**
 * Starts the rear camera in `target` (a `<video>`, or a container that gets one) and calls
 * `onText` with each QR text read, once per run of identical texts. `onError` is called at
 * most once, after which the camera is already released. Returns a function that stops it all.
 */
export function startScanner(
  target: HTMLVideoElement | HTMLElement,
  onText: (text: string) => void,
  onError: (error: ScanError) => void,
  options: ScannerOptions = {},
): StopScanner {
  let stopped = false
  let stream: MediaStream | undefined
  let video: HTMLVideoElement | undefined
  let ownsVideo = false
  let cancelFrame: (() => void) | undefined
  let worker: Worker | undefined
  let detector: NativeDetector | undefined
  let frameContext: FrameContext | undefined
  let busy = false
  let lastText: string | undefined
  let nextId = 0
  let settleReply: ((reply: ScanReply | undefined) => void) | undefined

  const stop: StopScanner = () => {
    if (stopped) return
    stopped = true
    cancelFrame?.()
    stream?.getTracks().forEach(track => track.stop())
    worker?.terminate()
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

  const decodeNatively = async (source: HTMLVideoElement, native: NativeDetector) => {
    const started = performance.now()
    try {
      const found = await native.detect(source)
      report({ decoder: 'native', ms: performance.now() - started, texts: found.map(code => code.rawValue) })
    } catch {
      // A detector that fails once (some Android builds lack the model) is not tried again.
      detector = undefined
    }
  }

  const decodeInWorker = async (source: HTMLVideoElement) => {
    const image = grabFrame(source)
    worker ??= startWorker()
    const reader = worker
    const reply = await new Promise<ScanReply | undefined>(resolve => {
      settleReply = resolve
      const request: ScanRequest = { id: ++nextId, image }
      reader.postMessage(request, [image.data.buffer])
    })
    settleReply = undefined
    if (!reply) return
    if (reply.kind === 'failed') {
      readerFailed(new Error(reply.message))
      return
    }
    report({ decoder: 'worker', ms: reply.ms, texts: reply.texts })
  }

  const startWorker = () => {
    const started = new Worker(new URL('./scan.worker.ts', import.meta.url), { type: 'module' })
    started.addEventListener('message', (event: MessageEvent<ScanReply>) => settleReply?.(event.data))
    started.addEventListener('error', event => readerFailed(new Error(event.message)))
    return started
  }

  const grabFrame = (source: HTMLVideoElement): ImageData => {
    const width = source.videoWidth
    const height = source.videoHeight
    if (!frameContext || frameContext.canvas.width !== width || frameContext.canvas.height !== height) {
      frameContext = makeFrameContext(width, height)
    }
    frameContext.drawImage(source, 0, 0, width, height)
    return frameContext.getImageData(0, 0, width, height)
  }

  const onFrame = () => {
    if (stopped || !video) return
    // Until the camera's first frame arrives there is nothing to read (and a native detector throws).
    if (!busy && video.videoWidth > 0) {
      busy = true
      const decoding = detector ? decodeNatively(video, detector) : decodeInWorker(video)
      void decoding.catch(readerFailed).finally(() => {
        busy = false
      })
    }
    requestFrame(video)
  }

  const requestFrame = (source: HTMLVideoElement) => {
    // A callback per new camera frame where the browser offers one; otherwise once per paint.
    if ('requestVideoFrameCallback' in source) {
      const handle = source.requestVideoFrameCallback(onFrame)
      cancelFrame = () => source.cancelVideoFrameCallback(handle)
    } else {
      const handle = requestAnimationFrame(onFrame)
      cancelFrame = () => cancelAnimationFrame(handle)
    }
  }

  const run = async () => {
    const devices = (globalThis.navigator as Navigator | undefined)?.mediaDevices
    if (!devices?.getUserMedia) throw new ScanError('insecure', MESSAGES.insecure)
    try {
      stream = await devices.getUserMedia(CAMERA)
    } catch (error) {
      throw cameraError(error)
    }
    if (stopped) {
      stream.getTracks().forEach(track => track.stop())
      return
    }
    if (options.decoder !== 'worker') detector = await nativeDetector()
    video = target instanceof HTMLVideoElement ? target : createVideo(target)
    ownsVideo = video !== target
    video.muted = true
    video.playsInline = true
    video.srcObject = stream
    await video.play().catch(() => undefined)
    if (!stopped) requestFrame(video)
  }

  const readerFailed = (error: unknown) => {
    fail(error instanceof ScanError ? error : new ScanError('reader-failed', MESSAGES['reader-failed'], { cause: error }))
  }

  run().catch((error: unknown) => {
    fail(error instanceof ScanError ? error : new ScanError('camera-failed', MESSAGES['camera-failed'], { cause: error }))
  })
  return stop
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
