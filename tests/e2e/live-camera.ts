/**
 * A live tablet camera for tests where the code to film changes while the receiver watches
 * (two tablets filming each other at once) and for engines without Chromium's fake camera.
 *
 * `installLiveCamera` replaces `navigator.mediaDevices.getUserMedia` in a page with the stream
 * of a canvas; `relay(from, to)` copies every frame `from` shows onto that canvas's screen, and
 * the page films it with `makeTabletCamera`, the same function the offline films use, serialised
 * into the page. Frames keep the sender's own timing: each carries the time it was painted.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { makeTabletCamera, type CameraSettings } from './camera-sim'

export interface LiveCameraOptions {
  readonly camera?: Partial<CameraSettings>
  /** Share of the sender's frames this camera never catches. */
  readonly loss?: number
  /** How far behind the sender the camera films, in ms: room for frames relayed late. */
  readonly delayMs?: number
}

/** What the page exposes on `window.liveCamera`. */
export interface LiveCameraApi {
  /** A frame the sender painted at `paintedAt` (ms on the sender's clock), as a PNG data URL. */
  show(url: string, paintedAt: number): Promise<void>
  /** Camera frames filmed so far (fewer than the camera's rate when filming is slow), and frames relayed. */
  readonly filmed: number
  readonly relayed: number
  /** Ms the camera has been on, over every time it was started and stopped: what `filmed` was filmed in. */
  readonly onMs: number
}

/**
 * The page script: its camera is a canvas the simulated tablet camera paints. The filming runs
 * in a worker (from a blob, which the app's CSP allows), so, like a real camera, it costs the
 * page's own thread nothing but showing the picture; while the worker is busy, frames are skipped.
 */
function liveCameraScript(settings: Partial<CameraSettings>, loss: number, delayMs: number, makeSource: string) {
  type Gray = { width: number; height: number; data: Uint8Array }
  type Shown = { start: number; end: number; image: Gray; lost: boolean }
  const shown: Shown[] = []
  let offset: number | undefined
  let state = ((settings.seed ?? 1) * 48271 + 11) >>> 0
  const api = {
    filmed: 0,
    relayed: 0,
    show,
    /** Ms of the cameras stopped so far, and when the running one started. */
    offMsTotal: 0,
    runningSince: undefined as number | undefined,
    get onMs() {
      return this.offMsTotal + (this.runningSince === undefined ? 0 : performance.now() - this.runningSince)
    },
  }
  ;(window as unknown as { liveCamera: typeof api }).liveCamera = api

  async function show(url: string, paintedAt: number) {
    const picture = new Image()
    picture.src = url
    await picture.decode()
    const canvas = document.createElement('canvas')
    canvas.width = picture.naturalWidth
    canvas.height = picture.naturalHeight
    const context = canvas.getContext('2d', { willReadFrequently: true })!
    context.drawImage(picture, 0, 0)
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data
    const data = new Uint8Array(canvas.width * canvas.height)
    for (let i = 0; i < data.length; i++) data[i] = (rgba[4 * i]! * 77 + rgba[4 * i + 1]! * 150 + rgba[4 * i + 2]! * 29) >> 8
    // The sender's clock, moved onto this page's: the first frame sets the offset.
    offset ??= performance.now() - paintedAt
    const start = paintedAt + offset
    const last = shown[shown.length - 1]
    if (last && last.end > start) last.end = start
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    shown.push({ start, end: Number.POSITIVE_INFINITY, image: { width: canvas.width, height: canvas.height, data }, lost: state / 4294967296 < loss })
    while (shown.length > 2 && shown[1]!.end < performance.now() - 2 * delayMs - 1000) shown.shift()
    api.relayed += 1
  }

  // The worker: frames to film in, RGBA pictures out (transferred, not copied).
  const workerSource = `
    const make = (${makeSource});
    let camera;
    onmessage = ({ data }) => {
      camera ??= make(data.settings);
      const { width, height } = camera.settings;
      const luma = new Uint8Array(width * height);
      camera.render(data.index, data.time, data.shown, luma);
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < luma.length; i++) { rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = luma[i]; rgba[4 * i + 3] = 255; }
      postMessage({ width, height, rgba }, [rgba.buffer]);
    };`

  const devices = navigator.mediaDevices
  if (!devices) return
  const original = devices.getUserMedia?.bind(devices)
  devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    if (!constraints?.video) {
      if (!original) throw new DOMException('No microphone here.', 'NotFoundError')
      return original(constraints)
    }
    const width = settings.width ?? 1280
    const height = settings.height ?? 720
    const fps = settings.fps ?? 30
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')!
    context.fillStyle = '#777'
    context.fillRect(0, 0, width, height)
    const stream = canvas.captureStream(fps)
    const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })))
    let busy = false
    worker.onmessage = ({ data }: MessageEvent<{ width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> }>) => {
      busy = false
      context.putImageData(new ImageData(data.rgba, data.width, data.height), 0, 0)
      api.filmed += 1
    }
    let index = 0
    const film = () => {
      const at = index++
      if (busy) return // the sensor's frame is dropped, as a slow camera pipeline does
      busy = true
      const time = performance.now() - delayMs
      const near = shown.filter(frame => frame.end > time && frame.start < time + 100)
      worker.postMessage({ settings, index: at, time, shown: near })
    }
    const timer = setInterval(film, 1000 / fps)
    const since = performance.now()
    api.runningSince = since
    for (const track of stream.getVideoTracks()) {
      const stop = track.stop.bind(track)
      track.stop = () => {
        if (api.runningSince === since) {
          api.offMsTotal += performance.now() - since
          api.runningSince = undefined
        }
        clearInterval(timer)
        worker.terminate()
        stop()
      }
    }
    return stream
  }
}

/** Gives every page of `target` the live camera (call before the page loads). */
export async function installLiveCamera(target: BrowserContext | Page, options: LiveCameraOptions = {}): Promise<void> {
  const settings = { fps: 30, ...options.camera }
  const source = makeTabletCamera.toString()
  await target.addInitScript({
    content: `(${liveCameraScript.toString()})(${JSON.stringify(settings)}, ${options.loss ?? 0}, ${options.delayMs ?? 250}, ${JSON.stringify(source)})`,
  })
}

let relays = 0

/**
 * Copies every frame the animated code on `from` paints onto `to`'s live camera, in order, until
 * the returned function is called. Frames are copied in `from`'s page as they are painted (a
 * MutationObserver on `data-frame`), so none is missed however fast the code animates.
 */
export async function relay(from: Page, to: Page): Promise<() => Promise<void>> {
  const name = `relayFrame${++relays}`
  let stopped = false
  let queue = Promise.resolve()
  await from.exposeFunction(name, (url: string, paintedAt: number) => {
    if (stopped) return
    queue = queue
      .then(() => to.evaluate(([u, t]) => (window as unknown as { liveCamera: LiveCameraApi }).liveCamera.show(u, t), [url, paintedAt] as const))
      .catch(() => undefined) // a receiver that has navigated or closed just misses frames, as a camera would
  })
  await from.evaluate(binding => {
    const send = (window as unknown as Record<string, (url: string, at: number) => void>)[binding]!
    const observer = new MutationObserver(records => {
      for (const record of records) {
        const canvas = record.target as HTMLCanvasElement
        send(canvas.toDataURL(), performance.now())
      }
    })
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-frame'] })
    ;(window as unknown as Record<string, () => void>)[`${binding}Stop`] = () => observer.disconnect()
  }, name)
  return async () => {
    stopped = true
    await from.evaluate(binding => (window as unknown as Record<string, () => void>)[`${binding}Stop`]?.(), name).catch(() => undefined)
    await queue
  }
}

/** How many frames `page`'s live camera has filmed and been shown, and for how many ms it has been on. */
export function liveCameraCounts(page: Page): Promise<{ filmed: number; relayed: number; onMs: number }> {
  return page.evaluate(() => {
    const api = (window as unknown as { liveCamera: LiveCameraApi }).liveCamera
    return { filmed: api.filmed, relayed: api.relayed, onMs: api.onMs }
  })
}
