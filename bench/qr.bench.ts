import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { encodeQr } from '../src/exchange/qr'
import { launchChromium } from '../tests/e2e/browser'
import {
  base45Frames,
  greyFramesToY4m,
  labState,
  launchCameraBrowser,
  openQrLab,
  startQrLab,
  type QrLab,
  type QrLabApi,
} from '../tests/e2e/qr-harness'
import { filmCode } from '../tests/unit/camera-image'

type LabWindow = { qrLab: QrLabApi }

/** The densities a sender uses, each filled to its last alphanumeric character at level L. */
const VERSIONS = [
  [20, 1249],
  [25, 1853],
  [28, 2223],
  [30, 2520],
] as const
/** Distinct frames per version, filmed as a tablet camera sees them. */
const FRAMES = 6
/** How long the loop is timed once every frame has been read. */
const STEADY_MS = 4000

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN

/** Draw time in Chromium, then per version: decode ms through the fake camera and frames the loop reads a second. */
it('qr draw, decode per version, and the scan loop’s rate', async () => {
  const lab = await startQrLab()
  const folder = await mkdtemp(join(tmpdir(), 'qr-bench-'))
  try {
    await drawTimes(lab)
    for (const [version, length] of VERSIONS) await scanRate(lab, folder, version, length)
  } finally {
    await lab.close()
    await rm(folder, { recursive: true, force: true })
  }
}, 600_000)

async function drawTimes(lab: QrLab) {
  const sender = await launchChromium()
  try {
    const page = await sender.newPage({ viewport: { width: 800, height: 800 } })
    await openQrLab(page, lab)
    for (const [version, length] of VERSIONS) {
      const texts = base45Frames(FRAMES, length, length, version)
      await page.evaluate(t => (window as unknown as LabWindow).qrLab.drawTime(t, 2), texts)
      const drawMs = await page.evaluate(t => (window as unknown as LabWindow).qrLab.drawTime(t, 10), texts)
      const encodeMs = await page.evaluate(t => (window as unknown as LabWindow).qrLab.encodeTime(t, 10), texts)
      const maskedMs = await page.evaluate(t => (window as unknown as LabWindow).qrLab.encodeTime(t, 10, 3), texts)
      console.log(
        `qr v${version}: encode ${encodeMs.toFixed(2)} ms with the mask search, ${maskedMs.toFixed(2)} ms with a given mask ` +
          `(the animated code's way), paint ${Math.max(0, drawMs - encodeMs).toFixed(2)} ms a frame (720 px)`,
      )
    }
  } finally {
    await sender.close()
  }
}

async function scanRate(lab: QrLab, folder: string, version: number, length: number) {
  const texts = base45Frames(FRAMES, length, length, version * 7)
  // Tilted, blurred (1.0 px) at 0.6 of the frame height: the densest codes still read there.
  const pictures = texts.map((text, at) => {
    const image = filmCode(encodeQr(text), { share: 0.6, blur: 1.0, seed: at + version, tilt: 0.18, rotation: 0.02 * (at - 3) })
    return Uint8Array.from({ length: image.width * image.height }, (_, pixel) => image.data[4 * pixel]!)
  })
  const into = await mkdtemp(join(folder, `v${version}-`))
  // 30 fps of pictures, each held for 3 camera frames: a 10 fps screen under a 30 fps camera.
  const video = await greyFramesToY4m(pictures.flatMap(picture => [picture, picture, picture]), into, 30)
  const receiver = await launchCameraBrowser(video)
  try {
    const page = await receiver.newPage()
    await openQrLab(page, lab)
    await page.evaluate(() => (window as unknown as LabWindow).qrLab.scan('worker'))
    await expect
      .poll(async () => new Set((await labState(page)).texts).size, { timeout: 60_000, interval: 250 })
      .toBe(texts.length)
    const from = (await labState(page)).decodes.length
    await page.evaluate(ms => new Promise(resolve => setTimeout(resolve, ms)), STEADY_MS)
    const steady = (await labState(page)).decodes.slice(from)
    const span = (steady.at(-1)!.at - steady[0]!.at) / 1000
    const read = steady.filter(frame => frame.found > 0)
    const whole = 1280 * 720
    const cropped = steady.filter(frame => frame.area < whole)
    console.log(
      `qr v${version} through the camera: decode ${median(steady.map(f => f.ms)).toFixed(1)} ms median ` +
        `(crop ${median(cropped.map(f => f.ms)).toFixed(1)} ms, whole ${median(steady.filter(f => f.area === whole).map(f => f.ms)).toFixed(1)} ms), ` +
        `loop ${(steady.length / span).toFixed(1)} frames/s, ${(read.length / span).toFixed(1)} read/s ` +
        `(${read.length}/${steady.length}), ${steady.reduce((sum, f) => sum + f.dropped, 0)} camera frames dropped`,
    )
    expect(steady.length).toBeGreaterThan(0)
  } finally {
    await receiver.close()
  }
}
