/**
 * A one-page lab that exposes src/exchange/qr.ts and scan.ts to a browser, built and served the
 * way the app is (vite with the app's own config, so the same worker format, the same wasm
 * handling and the same service-worker precache list), but from a temporary root, so the app's
 * dist/ is left alone.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { promisify } from 'node:util'
import { build, preview } from 'vite'
import { launchChromium } from './browser'

const REPO = resolve(import.meta.dirname, '../..')

export interface QrLab {
  /** The lab page, on its own localhost origin (a secure context, so the camera is allowed). */
  readonly url: string
  readonly origin: string
  /** The built lab: index.html, assets/, sw.js. */
  readonly dist: string
  close(): Promise<void>
}

export interface LabScanOptions {
  readonly facing?: 'environment' | 'user'
}

/** What the lab page puts on `window.qrLab`, for `page.evaluate`. */
export interface QrLabApi {
  draw(text: string, maxSize: number): { version: number; modules: number; moduleSize: number; size: number; ms: number }
  /** Encodes and draws each text `rounds` times; the mean time per frame in ms. */
  drawTime(texts: string[], rounds: number): number
  /** Only encodes (text → matrix), the part a sender does ahead of time; with `mask`, the animated code's way. */
  encodeTime(texts: string[], rounds: number, mask?: number): number
  scan(decoder: 'auto' | 'worker', options?: LabScanOptions): void
  stop(): void
  /**
   * Shows an animated code (the app's AnimatedQr) of `bytes` random bytes at `fragmentSize`,
   * and records every frame it shows, for a measure of its rate.
   */
  animate(options: { fps: number; fragmentSize: number; bytes: number; maxSize: number }): void
  /** What the animated code has shown so far: each data frame's number and when it went up (ms). */
  readonly shown: { frame: number; at: number; drawMs: number }[]
  /** The fountain and frames as this engine computes them, for the golden vectors. */
  readonly golden: {
    /** Each (transferId, n, k)'s fragment subset, as 8 hex digits a 32-bit word. */
    mixes(inputs: readonly (readonly [number, number, number])[]): string[]
    /** The first `count` frame texts of a join transfer of `bytes` (hex). */
    joinFrames(bytes: string, transferId: number, fragmentSize: number, count: number): Promise<string[]>
  }
  readonly state: {
    texts: string[]
    decodes: {
      decoder: 'native' | 'worker'
      ms: number
      found: number
      /** Pixels read: the whole 1280×720 frame or the crop around the last code. */
      area: number
      located: boolean
      sharpened: boolean
      dropped: number
      latency: number
      /** performance.now() when the reading ended. */
      at: number
    }[]
    error: { problem: string; message: string } | null
  }
}

const LAB_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>QR lab</title>
    <style>body { margin: 0; background: #fff } video { width: 640px }</style>
  </head>
  <body>
    <canvas id="qr"></canvas>
    <div id="animated"></div>
    <div id="camera"></div>
    <script type="module" src="./lab.ts"></script>
  </body>
</html>
`

function labScript(root: string): string {
  const source = (file: string) => relative(root, join(REPO, 'src/exchange', file)).split('\\').join('/')
  return `
import { drawQr, encodeQr } from './${source('qr.ts')}'
import { startScanner } from './${source('scan.ts')}'
import { coefficientsOf } from './${source('fountain.ts')}'
import { JOIN_SESSION, sendBytes } from './${source('transfer.ts')}'
import { AnimatedQr } from './${relative(root, join(REPO, 'src/phases/handoff/AnimatedQr.tsx')).split('\\').join('/')}'
import { createComponent, render } from 'solid-js/web'

const hexOfBytes = bytes => Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('')
const bytesOfHex = hex => new Uint8Array(hex.length / 2).map((_, at) => parseInt(hex.slice(2 * at, 2 * at + 2), 16))

const canvas = document.getElementById('qr')
const camera = document.getElementById('camera')
const state = { texts: [], decodes: [], error: null }
const shown = []
let stop = () => {}
let unmount = () => {}

window.qrLab = {
  state,
  draw(text, maxSize) {
    const started = performance.now()
    const drawn = drawQr(canvas, text, { maxSize, pixelRatio: 1 })
    return { ...drawn, ms: performance.now() - started }
  },
  drawTime(texts, rounds) {
    const started = performance.now()
    for (let round = 0; round < rounds; round++) for (const text of texts) drawQr(canvas, text, { maxSize: 720, pixelRatio: 1 })
    return (performance.now() - started) / (rounds * texts.length)
  },
  encodeTime(texts, rounds, mask) {
    const started = performance.now()
    for (let round = 0; round < rounds; round++) for (const text of texts) encodeQr(text, mask === undefined ? {} : { mask })
    return (performance.now() - started) / (rounds * texts.length)
  },
  scan(decoder, options = {}) {
    stop()
    stop = startScanner(
      camera,
      text => state.texts.push(text),
      error => { state.error = { problem: error.problem, message: error.message } },
      {
        ...options,
        decoder,
        onDecode: frame =>
          state.decodes.push({
            decoder: frame.decoder,
            ms: frame.ms,
            found: frame.texts.length,
            area: frame.region.width * frame.region.height,
            located: frame.located,
            sharpened: frame.sharpened,
            dropped: frame.dropped,
            latency: frame.latency,
            at: performance.now(),
          }),
      },
    )
  },
  stop() { stop() },
  shown,
  animate({ fps, fragmentSize, bytes, maxSize }) {
    unmount()
    shown.length = 0
    const data = new Uint8Array(bytes).map((_, at) => (at * 2654435761) >>> 24)
    const transfer = sendBytes(data, JOIN_SESSION, { fragmentSize, transferId: 77 })
    const host = document.getElementById('animated')
    unmount = render(() => createComponent(AnimatedQr, { transfer, fps, maxSize }), host)
    const canvas = host.querySelector('canvas')
    new MutationObserver(() => {
      if (canvas.dataset.shows !== 'data') return
      shown.push({ frame: Number(canvas.dataset.frame), at: performance.now(), drawMs: Number(canvas.dataset.drawMs) })
    }).observe(canvas, { attributes: true, attributeFilter: ['data-frame'] })
  },
  golden: {
    mixes: inputs => inputs.map(([transferId, n, k]) => hexOfBytes(coefficientsOf(transferId, n, k))),
    async joinFrames(bytes, transferId, fragmentSize, count) {
      const transfer = sendBytes(bytesOfHex(bytes), JOIN_SESSION, { fragmentSize, transferId })
      return Promise.all(Array.from({ length: count }, (_, n) => transfer.frame(n)))
    },
  },
}
`
}

/** Builds the lab with the app's vite config into a temporary folder and serves it. */
export async function startQrLab(): Promise<QrLab> {
  // Inside node_modules (ignored by git), so the lab's own imports (solid-js) resolve as the app's do.
  const cache = join(REPO, 'node_modules', '.cache')
  await mkdir(cache, { recursive: true })
  const root = await mkdtemp(join(cache, 'qr-lab-'))
  const dist = join(root, 'dist')
  await writeFile(join(root, 'index.html'), LAB_HTML)
  await writeFile(join(root, 'lab.ts'), labScript(root))
  await build({
    root,
    configFile: resolve(REPO, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true },
  })
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: dist },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('The lab server has no port.')
  const origin = `http://localhost:${address.port}`
  return {
    url: `${origin}/`,
    origin,
    dist,
    async close() {
      await server.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}

/** Opens the lab in `page` and waits for its script. */
export async function openQrLab(page: Page, lab: QrLab): Promise<void> {
  await page.goto(lab.url)
  await page.waitForFunction(() => 'qrLab' in window)
}

/** What the lab's scanner has seen so far. */
export function labState(page: Page): Promise<QrLabApi['state']> {
  return page.evaluate(() => (window as unknown as { qrLab: QrLabApi }).qrLab.state)
}

/** Texts in the QR alphanumeric alphabet, as Base45 frames are, of `min`–`max` characters. */
export function base45Frames(count: number, min: number, max: number, seed = 1): string[] {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'
  let state = seed >>> 0
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state >>> 8
  }
  return Array.from({ length: count }, () => {
    const length = min + (next() % (max - min + 1))
    return Array.from({ length }, () => alphabet[next() % alphabet.length]).join('')
  })
}

type LabWindow = { qrLab: QrLabApi }

/**
 * Draws each text in the lab and photographs the canvas: what a camera pointed at the sender's
 * screen would see at best. Returns the PNGs, in order, and the mean draw time in ms.
 */
export async function captureFrames(page: Page, texts: string[], maxSize = 720): Promise<{ pngs: Buffer[]; versions: number[] }> {
  const pngs: Buffer[] = []
  const versions: number[] = []
  for (const text of texts) {
    const drawn = await page.evaluate(([t, m]) => (window as unknown as LabWindow).qrLab.draw(t, m), [text, maxSize] as const)
    versions.push(drawn.version)
    pngs.push(await page.locator('#qr').screenshot())
  }
  return { pngs, versions }
}

/**
 * Turns PNG frames into a 1280×720 .y4m video at `fps`, the format Chromium's fake camera plays
 * (`--use-file-for-fake-video-capture`, looping). Returns the video's path.
 */
export async function framesToY4m(pngs: Buffer[], folder: string, fps = 8): Promise<string> {
  await Promise.all(pngs.map((png, i) => writeFile(join(folder, `frame-${String(i).padStart(3, '0')}.png`), png)))
  const video = join(folder, 'camera.y4m')
  await promisify(execFile)('ffmpeg', [
    '-y', '-loglevel', 'error',
    '-framerate', String(fps),
    '-i', join(folder, 'frame-%03d.png'),
    '-pix_fmt', 'yuv420p',
    '-vf', 'scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2:white',
    video,
  ])
  return video
}

/**
 * Turns grey 1280×720 pictures (one byte a pixel) into a .y4m video at `fps`, for pictures
 * computed in Node (see tests/unit/camera-image.ts) rather than photographed. Returns its path.
 */
export async function greyFramesToY4m(frames: readonly Uint8Array[], folder: string, fps = 8): Promise<string> {
  const raw = join(folder, 'frames.grey')
  await writeFile(raw, Buffer.concat(frames.map(frame => Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength))))
  const video = join(folder, 'camera.y4m')
  await promisify(execFile)('ffmpeg', [
    '-y', '-loglevel', 'error',
    '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', '1280x720', '-framerate', String(fps),
    '-i', raw,
    '-pix_fmt', 'yuv420p',
    video,
  ])
  return video
}

/** A Chromium whose only camera films `video` (looping), with camera permission granted. */
export function launchCameraBrowser(video: string): Promise<Browser> {
  return launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ])
}
