import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { encodeQr } from '../../src/exchange/qr'
import { filmCode } from '../unit/camera-image'
import { launchChromium, watchForeignRequests } from './browser'
import {
  base45Frames,
  captureFrames,
  framesToY4m,
  greyFramesToY4m,
  labState,
  launchCameraBrowser,
  openQrLab,
  startQrLab,
  type QrLab,
  type QrLabApi,
} from './qr-harness'

type LabWindow = { qrLab: QrLabApi }

/** Six frames as the transport makes them: Base45 text of 1,000–1,200 characters each. */
const FRAMES = base45Frames(6, 1000, 1200, 20_260_101)

describe('QR through a camera, in Chromium', () => {
  let lab: QrLab
  let folder: string
  let sender: Browser | undefined

  beforeAll(async () => {
    lab = await startQrLab()
    folder = await mkdtemp(join(tmpdir(), 'qr-camera-'))
    // The sender has a fake camera but no permission for it: its page doubles as the "blocked" case.
    sender = await launchChromium(['--use-fake-device-for-media-stream'])
  })
  afterAll(async () => {
    await sender?.close()
    await lab?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('bundles the reader: the worker chunk and the .wasm are built and precached', async () => {
    const assets = await readdir(join(lab.dist, 'assets'))
    const wasm = assets.find(name => name.endsWith('.wasm'))
    const worker = assets.find(name => name.startsWith('scan.worker') && name.endsWith('.js'))
    expect(wasm).toBeDefined()
    expect(worker).toBeDefined()
    const precache = await readFile(join(lab.dist, 'sw.js'), 'utf8')
    expect(precache).toContain(`assets/${wasm}`)
    expect(precache).toContain(`assets/${worker}`)
  })

  it('draws six dense frames, and a fake camera filming them reads all six exactly, from the origin only', async () => {
    const drawing = await sender!.newContext({ viewport: { width: 800, height: 800 } })
    const drawPage = await drawing.newPage()
    await openQrLab(drawPage, lab)
    const { pngs, versions } = await captureFrames(drawPage, FRAMES)
    console.log(`qr versions drawn: ${versions.join(', ')}`)
    expect(Math.max(...versions)).toBeLessThanOrEqual(21)
    const video = await framesToY4m(pngs, folder, 8)

    const receiver = await launchCameraBrowser(video)
    try {
      const context = await receiver.newContext({ viewport: { width: 1024, height: 768 } })
      const foreign = watchForeignRequests(context, lab.origin)
      const wasmRequests: string[] = []
      context.on('request', request => {
        if (request.url().endsWith('.wasm')) wasmRequests.push(request.url())
      })
      const page = await context.newPage()
      await openQrLab(page, lab)
      await page.evaluate(() => (window as unknown as LabWindow).qrLab.scan('worker'))

      await expect
        .poll(async () => {
          const { texts, error } = await labState(page)
          if (error) throw new Error(error.message)
          return new Set(texts).size
        }, { timeout: 30_000, interval: 250 })
        .toBe(FRAMES.length)

      const { texts, decodes } = await labState(page)
      // Exactly the frames drawn: every one of them, and nothing garbled beside them.
      expect([...new Set(texts)].sort()).toEqual([...FRAMES].sort())
      expect(await page.locator('video').evaluate(v => [(v as HTMLVideoElement).videoWidth, (v as HTMLVideoElement).videoHeight])).toEqual([1280, 720])

      const times = decodes.filter(frame => frame.decoder === 'worker').map(frame => frame.ms).sort((a, b) => a - b)
      const found = decodes.filter(frame => frame.found > 0).length
      const median = times[Math.floor(times.length / 2)] ?? NaN
      const mean = times.reduce((sum, ms) => sum + ms, 0) / times.length
      console.log(
        `qr decode (worker, 1280×720): median ${median.toFixed(1)} ms, mean ${mean.toFixed(1)} ms over ${times.length} frames, ${found} with a code`,
      )
      expect(times.length).toBe(decodes.length)

      await page.evaluate(() => (window as unknown as LabWindow).qrLab.stop())
      expect(await page.locator('video').count()).toBe(0)
      expect(wasmRequests.length).toBeGreaterThan(0)
      expect(wasmRequests.every(url => url.startsWith(lab.origin))).toBe(true)
      expect(foreign).toEqual([])
    } finally {
      await receiver.close()
    }
  })

  it('reads version-30 codes filmed tilted and blurred at 0.6 of the frame height, cropping to where they are', async () => {
    // The densest code a sender chooses, as a tablet camera sees it off a screen (blur 1.1 px, keystone, noise).
    const texts = base45Frames(4, 2520, 2520, 30)
    const pictures = texts.map((text, at) => {
      const matrix = encodeQr(text)
      expect(matrix.version).toBe(30)
      const image = filmCode(matrix, { share: 0.6, blur: 1.1, seed: at + 1, tilt: 0.18, rotation: 0.03 * (at - 1.5) })
      return Uint8Array.from({ length: image.width * image.height }, (_, at) => image.data[4 * at]!)
    })
    const video = await greyFramesToY4m(pictures, folder, 4)
    const receiver = await launchCameraBrowser(video)
    try {
      const page = await receiver.newPage({ viewport: { width: 1024, height: 768 } })
      await openQrLab(page, lab)
      await page.evaluate(() => (window as unknown as LabWindow).qrLab.scan('worker'))
      await expect
        .poll(async () => {
          const { texts: read, error } = await labState(page)
          if (error) throw new Error(error.message)
          return new Set(read).size
        }, { timeout: 60_000, interval: 250 })
        .toBe(texts.length)
      const { texts: read, decodes } = await labState(page)
      expect([...new Set(read)].sort()).toEqual([...texts].sort())
      // Once a code is found the loop reads the crop around it, not the whole 1280×720 frame.
      const whole = 1280 * 720
      const cropped = decodes.filter(frame => frame.area < whole)
      expect(cropped.length).toBeGreaterThan(0)
      expect(cropped.filter(frame => frame.found > 0).length).toBeGreaterThan(0)
      expect(decodes.some(frame => frame.sharpened && frame.found > 0)).toBe(true)
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN
      console.log(
        `qr v30 through the camera: ${decodes.length} frames read, ${cropped.length} cropped ` +
          `(median ${median(cropped.map(frame => frame.ms)).toFixed(1)} ms, whole frame ` +
          `${median(decodes.filter(frame => frame.area === whole).map(frame => frame.ms)).toFixed(1)} ms)`,
      )
    } finally {
      await receiver.close()
    }
  })

  it('shows an animated version-30 code frame after frame in order, never faster than asked, painting only', async () => {
    const page = await sender!.newPage({ viewport: { width: 1024, height: 768 } })
    await openQrLab(page, lab)
    // 31 KB (1,000 cards) at version 30: 19 fragments of 1,650 bytes.
    await page.evaluate(() => (window as unknown as LabWindow).qrLab.animate({ fps: 20, fragmentSize: 1650, bytes: 31_000, maxSize: 600 }))
    await expect.poll(async () => (await page.evaluate(() => (window as unknown as LabWindow).qrLab.shown)).length, { timeout: 30_000 }).toBeGreaterThan(40)
    const shown = await page.evaluate(() => (window as unknown as LabWindow).qrLab.shown)
    expect(shown.map(frame => frame.frame)).toEqual(shown.map((_, at) => shown[0]!.frame + at))
    const gaps = shown.slice(1).map((frame, at) => frame.at - shown[at]!.at).sort((a, b) => a - b)
    // 60 Hz in headless Chromium: 3 refresh periods a frame, 50 ms; a busy machine can only make it longer.
    expect(gaps[gaps.length >> 1]).toBeGreaterThanOrEqual(45)
    const paints = shown.map(frame => frame.drawMs).sort((a, b) => a - b)
    console.log(`animated v30 code: median gap ${gaps[gaps.length >> 1]!.toFixed(1)} ms, paint ${paints[paints.length >> 1]} ms`)
    // Encoding happened ahead; a frame on screen costs only its paint.
    expect(paints[paints.length >> 1]).toBeLessThan(16)
    await page.close()
  })

  it('says so when the camera is blocked', async () => {
    const context = await sender!.newContext()
    const page = await context.newPage()
    await openQrLab(page, lab)
    await page.evaluate(() => (window as unknown as LabWindow).qrLab.scan('auto'))
    await expect.poll(async () => (await labState(page)).error, { timeout: 10_000 }).toEqual({
      problem: 'blocked',
      message: expect.stringMatching(/^The camera is blocked for this app\.\nOn an iPad: [\s\S]*\nOn Android: [\s\S]* or use a file instead\.$/),
    })
    expect(await page.locator('video').count()).toBe(0)
    await context.close()
  })
})
