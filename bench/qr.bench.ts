import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { launchChromium } from '../tests/e2e/browser'
import {
  base45Frames,
  captureFrames,
  framesToY4m,
  labState,
  launchCameraBrowser,
  openQrLab,
  startQrLab,
  type QrLabApi,
} from '../tests/e2e/qr-harness'

type LabWindow = { qrLab: QrLabApi }

const FRAMES = base45Frames(8, 1100, 1249, 7)
/** How long the fake camera is read, once every frame has been seen, to time the decoder. */
const DECODE_WINDOW_MS = 4000

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length

/** Draw time (text → QR on a canvas, encoding included) and decode time in Chromium's worker. */
it('qr draw and decode', async () => {
  const lab = await startQrLab()
  const folder = await mkdtemp(join(tmpdir(), 'qr-bench-'))
  const sender = await launchChromium()
  let receiver: Awaited<ReturnType<typeof launchCameraBrowser>> | undefined
  try {
    const drawPage = await sender.newPage({ viewport: { width: 800, height: 800 } })
    await openQrLab(drawPage, lab)
    await drawPage.evaluate(texts => (window as unknown as LabWindow).qrLab.drawTime(texts, 3), FRAMES)
    const drawMs = await drawPage.evaluate(texts => (window as unknown as LabWindow).qrLab.drawTime(texts, 20), FRAMES)
    const encodeMs = await drawPage.evaluate(texts => (window as unknown as LabWindow).qrLab.encodeTime(texts, 20), FRAMES)
    console.log(`qr draw: ${drawMs.toFixed(2)} ms/frame (v20–21, 720 px, of which encoding ${encodeMs.toFixed(2)} ms)`)

    const { pngs } = await captureFrames(drawPage, FRAMES)
    const video = await framesToY4m(pngs, folder, 8)
    receiver = await launchCameraBrowser(video)
    const page = await receiver.newPage()
    await openQrLab(page, lab)
    await page.evaluate(() => (window as unknown as LabWindow).qrLab.scan('worker'))
    await expect
      .poll(async () => new Set((await labState(page)).texts).size, { timeout: 30_000, interval: 250 })
      .toBe(FRAMES.length)
    const seenAt = (await labState(page)).decodes.length
    await page.waitForTimeout(DECODE_WINDOW_MS)
    const { decodes } = await labState(page)
    // The first frames include the wasm's start; time the steady state only.
    const steady = decodes.slice(seenAt)
    const times = steady.map(frame => frame.ms)
    const found = steady.filter(frame => frame.found > 0).length
    console.log(
      `qr decode (worker): ${mean(times).toFixed(1)} ms/frame (median ${median(times).toFixed(1)} ms, ` +
        `1280×720, ${times.length} frames, ${found} with a code)`,
    )
    expect(times.length).toBeGreaterThan(0)
  } finally {
    await receiver?.close()
    await sender.close()
    await lab.close()
    await rm(folder, { recursive: true, force: true })
  }
})
