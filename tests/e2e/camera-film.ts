/**
 * Films a sending tablet through a simulated tablet camera, offline: every frame the sender
 * shows is collected in its page (none missed, however fast it animates), turned to grey,
 * degraded by `makeTabletCamera` as a 30 fps camera filming a screen at `screenFps`, and written
 * as a .y4m video that Chromium's fake camera plays (looping) to the receiving tablet.
 */
import { execFile } from 'node:child_process'
import { mkdir, open, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from 'playwright-core'
import { makeTabletCamera, type CameraSettings, type GrayImage, type ShownFrame } from './camera-sim'

export interface ShownFrames {
  /** The number of the first frame collected (the sender's `data-frame`); the rest follow without a gap. */
  readonly first: number
  readonly transfer: string
  readonly pngs: Buffer[]
}

/**
 * Collects `count` consecutive frames of the animated code on `page`, as the sender painted
 * them: a MutationObserver on the canvas's `data-frame` (set right after each paint) copies
 * the canvas before the next frame is drawn. A new transfer or a gap starts the count again.
 */
export async function recordShownFrames(page: Page, count: number): Promise<ShownFrames> {
  const canvas = page.locator('canvas[data-frame]')
  await canvas.waitFor()
  const recorded = await canvas.evaluate(
    (element, wanted) =>
      new Promise<{ first: number; transfer: string; urls: string[] }>(resolve => {
        const qr = element as HTMLCanvasElement
        let transfer = ''
        let first = -1
        let urls: string[] = []
        const observer = new MutationObserver(() => {
          const frame = Number(qr.dataset.frame)
          if (qr.dataset.transfer !== transfer || frame !== first + urls.length) {
            transfer = qr.dataset.transfer ?? ''
            first = frame
            urls = []
          }
          urls.push(qr.toDataURL())
          if (urls.length < wanted) return
          observer.disconnect()
          resolve({ first, transfer, urls })
        })
        observer.observe(qr, { attributes: true, attributeFilter: ['data-frame'] })
      }),
    count,
  )
  return {
    first: recorded.first,
    transfer: recorded.transfer,
    pngs: recorded.urls.map(url => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')),
  }
}

/** The number of fragments K the sender's code carries, from the caption under it ("… 12 fragments"). */
export async function shownFragments(page: Page): Promise<number> {
  const caption = page.locator('figure:has(canvas[data-frame]) figcaption, :has(> canvas[data-frame])').first()
  await page.locator('canvas[data-frame]').waitFor()
  const text = (await caption.textContent()) ?? ''
  const k = Number(/(\d+) fragments?\b/.exec(text)?.[1])
  if (!(k > 0)) throw new Error(`No fragment count beside the code: “${text}”`)
  return k
}

/** Decodes PNGs (all the same size) to grayscale with ffmpeg. */
export async function pngsToGray(pngs: Buffer[], folder: string): Promise<GrayImage[]> {
  if (pngs.length === 0) return []
  const width = pngs[0]!.readUInt32BE(16)
  const height = pngs[0]!.readUInt32BE(20)
  if (pngs.some(png => png.readUInt32BE(16) !== width || png.readUInt32BE(20) !== height)) {
    throw new Error('The frames changed size mid-way: the sender started another transfer.')
  }
  await mkdir(folder, { recursive: true })
  await Promise.all(pngs.map((png, i) => writeFile(join(folder, `shown-${String(i).padStart(4, '0')}.png`), png)))
  const { stdout } = await promisify(execFile)(
    'ffmpeg',
    ['-loglevel', 'error', '-i', join(folder, 'shown-%04d.png'), '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'],
    { encoding: 'buffer', maxBuffer: pngs.length * width * height + 1024 },
  )
  const size = width * height
  return pngs.map((_, i) => ({ width, height, data: stdout.subarray(i * size, (i + 1) * size) }))
}

export interface FilmOptions {
  /** The rate the sending screen shows frames at (20 normally, 8 on "Slower"). */
  readonly screenFps?: number
  /** Share of screen frames the camera never catches. */
  readonly loss?: number
  readonly camera?: Partial<CameraSettings>
  /** If set, a few camera frames are also written there as PNGs, to look at. */
  readonly shots?: string
}

export interface Film {
  readonly video: string
  readonly screenFrames: number
  readonly cameraFrames: number
  readonly lost: number
  readonly screenFps: number
}

/**
 * Plays `frames` on a simulated screen at `screenFps`, films it with the tablet camera and
 * writes `into/camera.y4m` (1280×720 by default, 30 fps). The film's end joins its start, since
 * the fake camera loops it.
 */
export async function filmWithTabletCamera(frames: GrayImage[], into: string, options: FilmOptions = {}): Promise<Film> {
  const screenFps = options.screenFps ?? 20
  const loss = options.loss ?? 0
  const camera = makeTabletCamera({ seed: 1, ...options.camera })
  const { width, height, fps, seed, exposureMs, readoutMs } = camera.settings
  const slot = 1000 / screenFps
  let state = (seed * 40503 + 17) >>> 0
  const shown: ShownFrame[] = frames.map((image, i) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return { start: i * slot, end: (i + 1) * slot, image, lost: state / 4294967296 < loss }
  })
  const loop = frames.length * slot
  const looped = [...shown, ...shown.slice(0, 3).map(frame => ({ ...frame, start: frame.start + loop, end: frame.end + loop }))]
  const cameraFrames = Math.round((frames.length * fps) / screenFps)
  const phase = ((seed * 37) % 29) / 30 * (1000 / fps)

  await mkdir(into, { recursive: true })
  const video = join(into, 'camera.y4m')
  const file = await open(video, 'w')
  const luma = new Uint8Array(width * height)
  const chroma = Buffer.alloc(width * height / 2, 128)
  const shotsEvery = Math.max(1, Math.floor(cameraFrames / 6))
  try {
    await file.write(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)
    for (let k = 0; k < cameraFrames; k++) {
      const time = phase + (k * 1000) / fps
      const near = looped.filter(frame => frame.end > time && frame.start < time + readoutMs + exposureMs)
      camera.render(k, time, near, luma)
      await file.write('FRAME\n')
      await file.write(luma)
      await file.write(chroma)
      if (options.shots && k % shotsEvery === 0) await writeGrayPng(luma, width, height, join(options.shots, `camera-${k}.png`))
    }
  } finally {
    await file.close()
  }
  return { video, screenFrames: frames.length, cameraFrames, lost: shown.filter(frame => frame.lost).length, screenFps }
}

async function writeGrayPng(pixels: Uint8Array, width: number, height: number, path: string) {
  const raw = `${path}.gray`
  await writeFile(raw, pixels)
  await promisify(execFile)('ffmpeg', ['-y', '-loglevel', 'error', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${width}x${height}`, '-i', raw, path])
}

/** Records the sender's next frames (twice K and a dozen) and films them: the usual way to hand a code to a fake camera. */
export async function filmSender(page: Page, folder: string, options: FilmOptions & { frames?: number } = {}) {
  const k = await shownFragments(page)
  const shown = await recordShownFrames(page, options.frames ?? 2 * k + 12)
  const gray = await pngsToGray(shown.pngs, join(folder, 'shown'))
  const film = await filmWithTabletCamera(gray, folder, options)
  return { ...film, k, first: shown.first, transfer: shown.transfer }
}
