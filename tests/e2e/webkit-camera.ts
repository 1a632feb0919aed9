/**
 * A tablet camera for WebKit, where no fake video file can be fed to the browser: the page's
 * `navigator.mediaDevices.getUserMedia` is replaced by one that returns the `captureStream()` of a
 * canvas, and the test plays the frames another tablet showed on that canvas, looping, as a
 * screen held in front of the camera. Every call gets a stream of its own from the same "screen",
 * so the app may open the camera once per scan or once for a whole scanning session.
 *
 * With `degrade`, each camera frame is filmed by `makeTabletCamera` (camera-sim.ts) in a worker:
 * tilt, shake, blur, glare and noise, as the Chromium films have them. Without it the code is
 * drawn square and sharp in the middle of the picture.
 *
 * WebDriver classic has no init scripts: install the camera after each page load, before the scan
 * starts (the app reads `getUserMedia` when a scan starts, not when it loads).
 */
import { makeTabletCamera, type CameraSettings } from './camera-sim'
import type { Browser } from './webkit'

/** What the page exposes on `window.canvasCamera`. */
export interface CanvasCameraApi {
  /** Plays these frames (PNG data URLs) as a screen showing `screenFps` of them a second, looping. */
  play(urls: string[], screenFps: number): Promise<void>
  /** How many times the app asked for the camera, and how many of those streams are still live. */
  readonly opened: number
  readonly live: number
  /** Camera frames painted so far. */
  readonly filmed: number
}

/** The page script (serialised into the page: it must stand alone). */
function canvasCameraScript(degrade: Partial<CameraSettings> | null, makeSource: string) {
  type Gray = { width: number; height: number; data: Uint8Array }
  const page = window as unknown as { canvasCamera?: unknown }
  if (page.canvasCamera) return
  let pictures: HTMLImageElement[] = []
  let grays: Gray[] = []
  let period = 100
  let startedAt = 0
  let generation = 0
  const tracks: MediaStreamTrack[] = []
  const api = {
    opened: 0,
    get live() {
      return tracks.filter(track => track.readyState === 'live').length
    },
    filmed: 0,
    async play(urls: string[], screenFps: number) {
      const loaded = await Promise.all(
        urls.map(async url => {
          const picture = new Image()
          picture.src = url
          await picture.decode()
          return picture
        }),
      )
      pictures = loaded
      grays = degrade ? loaded.map(toGray) : []
      period = 1000 / screenFps
      startedAt = performance.now()
      generation += 1
    },
  }
  page.canvasCamera = api

  function toGray(picture: HTMLImageElement): Gray {
    const canvas = document.createElement('canvas')
    canvas.width = picture.naturalWidth
    canvas.height = picture.naturalHeight
    const context = canvas.getContext('2d', { willReadFrequently: true })!
    context.drawImage(picture, 0, 0)
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data
    const data = new Uint8Array(canvas.width * canvas.height)
    for (let i = 0; i < data.length; i++) data[i] = (rgba[4 * i]! * 77 + rgba[4 * i + 1]! * 150 + rgba[4 * i + 2]! * 29) >> 8
    return { width: canvas.width, height: canvas.height, data }
  }

  // The degrading camera: frames to film in (sent once per `play`), RGBA pictures out.
  const workerSource = `
    const make = (${makeSource});
    let camera, frames = [];
    onmessage = ({ data }) => {
      if (data.frames) { frames = data.frames; return; }
      camera ??= make(data.settings);
      const { width, height } = camera.settings;
      const luma = new Uint8Array(width * height);
      const shown = data.slots.map(slot => ({ start: slot.start, end: slot.end, image: frames[slot.frame] }));
      camera.render(data.index, data.time, shown, luma);
      const rgba = new Uint8ClampedArray(width * height * 4);
      for (let i = 0; i < luma.length; i++) { rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = luma[i]; rgba[4 * i + 3] = 255; }
      postMessage({ width, height, rgba }, [rgba.buffer]);
    };`

  const devices = navigator.mediaDevices
  const original = devices.getUserMedia.bind(devices)
  devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    if (!constraints?.video) return original(constraints)
    api.opened += 1
    const width = degrade?.width ?? 1280
    const height = degrade?.height ?? 720
    const fps = degrade?.fps ?? 30
    const canvas = document.createElement('canvas')
    canvas.width = width
    canvas.height = height
    const context = canvas.getContext('2d')!
    context.fillStyle = '#777'
    context.fillRect(0, 0, width, height)
    const stream = canvas.captureStream(fps)

    let worker: Worker | undefined
    let busy = false
    let sent = -1
    if (degrade) {
      worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })))
      worker.onmessage = ({ data }: MessageEvent<{ width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> }>) => {
        busy = false
        context.putImageData(new ImageData(data.rgba, data.width, data.height), 0, 0)
        api.filmed += 1
      }
    }
    let index = 0
    const [track] = stream.getVideoTracks()
    if (track) tracks.push(track)
    const film = () => {
      if (track?.readyState !== 'live') {
        // Stopped by the app: the camera goes dark.
        clearInterval(timer)
        worker?.terminate()
        return
      }
      const at = index++
      if (pictures.length === 0) return
      const now = performance.now()
      const slot = Math.floor((now - startedAt) / period)
      if (!worker) {
        const picture = pictures[slot % pictures.length]!
        const side = Math.round(height * 0.8)
        context.fillStyle = '#eee'
        context.fillRect(0, 0, width, height)
        context.imageSmoothingEnabled = false
        context.drawImage(picture, (width - side) / 2, (height - side) / 2, side, side)
        api.filmed += 1
        return
      }
      if (busy) return // the sensor's frame is dropped, as a slow camera pipeline does
      busy = true
      if (sent !== generation) {
        worker.postMessage({ frames: grays })
        sent = generation
      }
      // The screen frames around this moment: the one before, this one, and the next (a rolling shutter spans two).
      const slots = [slot - 1, slot, slot + 1]
        .filter(n => n >= 0)
        .map(n => ({ frame: n % pictures.length, start: startedAt + n * period, end: startedAt + (n + 1) * period }))
      worker.postMessage({ settings: degrade, index: at, time: now, slots })
    }
    const timer = setInterval(film, 1000 / fps)
    return stream
  }
}

/** Gives the page now loaded in `browser` the canvas camera (again after every reload). */
export async function installCanvasCamera(browser: Browser, options: { degrade?: Partial<CameraSettings> } = {}): Promise<void> {
  // The function itself goes to the page (the app's CSP allows no eval there); the camera's, as text for its worker.
  await browser.execute(canvasCameraScript, options.degrade ?? null, makeTabletCamera.toString())
}

/** Puts `frames` on the camera's "screen", `screenFps` a second, looping. */
export async function playOnCamera(browser: Browser, frames: string[], screenFps = 8): Promise<void> {
  await browser.execute(
    (urls: string[], fps: number) => (window as unknown as { canvasCamera: CanvasCameraApi }).canvasCamera.play(urls, fps),
    frames,
    screenFps,
  )
}

export function cameraCounts(browser: Browser): Promise<{ opened: number; live: number; filmed: number }> {
  return browser.execute(() => {
    const api = (window as unknown as { canvasCamera?: CanvasCameraApi }).canvasCamera
    return { opened: api?.opened ?? 0, live: api?.live ?? 0, filmed: api?.filmed ?? 0 }
  })
}

/** The number of fragments K the code on screen carries, from its caption ("frame 3 · 12 fragments"). */
export async function shownFragments(browser: Browser): Promise<number> {
  let k = 0
  let caption = ''
  await browser.waitUntil(
    async () => {
      caption = await browser.execute(
        () => document.querySelector('canvas[data-frame]')?.closest('figure')?.querySelector('figcaption')?.textContent ?? '',
      )
      k = Number(/(\d+) fragments?\b/.exec(caption)?.[1])
      return k > 0
    },
    { timeout: 20_000, interval: 200 },
  ).catch(() => {
    throw new Error(`No animated code with a fragment count on screen (caption: “${caption}”)`)
  })
  return k
}

/** How long recording the sender's frames may take in the page. */
const RECORD_LIMIT_MS = 25_000

/**
 * Collects `count` consecutive frames of the animated code on screen, as the sender painted them:
 * a MutationObserver on the canvas's `data-frame` (set right after each paint) copies the canvas
 * before the next frame is drawn. A new transfer or a gap starts the count again.
 */
export async function recordShownFrames(browser: Browser, count: number): Promise<string[]> {
  await browser.$('canvas[data-frame]').waitForExist({ timeout: 20_000 })
  return browser.execute(
    (wanted: number, limitMs: number) =>
      new Promise<string[]>((resolve, reject) => {
        const qr = document.querySelector<HTMLCanvasElement>('canvas[data-frame]')
        if (!qr) return reject(new Error('No animated code on screen'))
        let transfer = ''
        let first = -1
        let urls: string[] = []
        let changes = 0
        let restarts = 0
        const observer = new MutationObserver(() => {
          changes += 1
          if (qr.dataset.frame === undefined) return // an interleaved code, not a data frame
          const frame = Number(qr.dataset.frame)
          if (qr.dataset.transfer !== transfer || frame !== first + urls.length) {
            if (urls.length > 0) restarts += 1
            transfer = qr.dataset.transfer ?? ''
            first = frame
            urls = []
          }
          urls.push(qr.toDataURL())
          if (urls.length < wanted) return
          observer.disconnect()
          clearTimeout(timer)
          resolve(urls)
        })
        // Bounded in the page: a script that never ends would leave the WebDriver session waiting on it.
        const timer = setTimeout(() => {
          observer.disconnect()
          reject(
            new Error(
              `Recorded ${urls.length} of ${wanted} consecutive frames in ${limitMs} ms ` +
                `(${changes} frame changes, ${restarts} restarts after a skipped frame, page ${document.visibilityState})`,
            ),
          )
        }, limitMs)
        observer.observe(qr, { attributes: true, attributeFilter: ['data-frame'] })
      }),
    count,
    RECORD_LIMIT_MS,
  )
}
