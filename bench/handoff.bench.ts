import { mkdtemp, rm, stat } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { base45ToBytes } from '../src/exchange/base45'
import { FountainDecoder } from '../src/exchange/fountain'
import { CHECK_BYTES, FRAME_OVERHEAD, HEADER_BYTES } from '../src/exchange/frames'
import { PREFIX_BYTES, readU16, readU32 } from '../src/exchange/wire'
import { launchChromium, newTablet, watchForeignRequests } from '../tests/e2e/browser'
import { filmWithTabletCamera, pngsToGray, recordShownFrames, shownFragments } from '../tests/e2e/camera-film'
import { installLiveCamera, liveCameraCounts } from '../tests/e2e/live-camera'
import { openSampleWorkshop } from '../tests/e2e/open-sample'
import { launchCameraBrowser } from '../tests/e2e/qr-harness'
import { handOverLive, swapTablets } from '../tests/e2e/swap-flow'

/**
 * A workshop handed from tablet A to tablet B through a simulated tablet camera: every frame A
 * shows is collected, played at the rate the share screen shows (15 a second), filmed (tilt,
 * shake, blur, glare, noise, mixed frames) at the rate the app asks its camera for (30 fps,
 * a tablet camera's default), with a share of the screen frames never caught, and played to
 * B's "Receive by QR" through Chromium's fake camera. The bench checks that the app asks for
 * at least that rate: a film faster than the camera the app asks for would flatter it.
 *
 * Measured: asking for 60 fps (`frameRate: { ideal: 60 }`, which iPad rear cameras offer) with
 * the camera modelled as it would then film (each row exposed 16 ms, gain and noise raised by
 * 25 ÷ 16, read out over 10 ms) read fewer frames, not more: 22 of 80 version-30 frames against
 * 21 of 26 at 30 fps, and 4.0 s for 1,000 cards against 1.75 s (load 12–15). The noise costs
 * more than the cleaner frames gain, so the app asks for the camera's default rate. The transfer time runs from the first
 * fragment B reads to its preview of the whole workshop. The reader's start, from the camera's
 * picture to that first fragment, is printed apart: it holds the reader's warm-up, which starts
 * as the camera is asked for and here, where the fake camera opens at once, outlasts it.
 * Figures are printed, never judged: only a broken handoff fails.
 */

const BASE_URL = process.env.E2E_BASE_URL ?? inject('baseUrl')
const GOALS = { 200: 0.8, 1000: 2.5 } as const
const GOAL_KBS = 12
const GOAL_SHOWN_PER_K = 1.15
/** The camera's frame rate in the film: the rate the app asks for (checked in `receive`). */
const CAMERA_FPS = 30

interface Received {
  seconds: number
  /** Screen frames shown from the first frame read to the one that completed the transfer, by their sequence numbers. */
  shown: number
  /** Distinct frames read in that span: the fountain needs any K of them. */
  distinct: number
  decodes: { ms: number; found: number; roundTrip: number; texts: string[] }[]
  /** Camera frames a second the page was handed (requestVideoFrameCallback). */
  cameraFps: number
  /** From the camera's picture shown to the first fragment read: the reader's start (its warm-up included). */
  startSeconds: number
}

const oneWay = new Map<number, number>()

describe('handoff through a tablet camera', () => {
  let folder: string
  let sender: Browser

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'handoff-bench-'))
    sender = await launchChromium()
  })
  afterAll(async () => {
    await sender?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  for (const cards of [200, 1000] as const) {
    it(`${cards} cards`, async () => {
      const a = await newTablet(sender)
      await a.page.goto(BASE_URL)
      await openSampleWorkshop(a.page, { cards })
      await a.page.getByRole('button', { name: 'Share', exact: true }).click()
      await a.page.getByRole('button', { name: 'Share by QR' }).click()
      const k = await shownFragments(a.page)
      const density = (await a.page.getByText(/frames a second · QR version \d+ · \d+ bytes a frame/).textContent({ timeout: 5_000 }).catch(() => '')) ?? ''
      const [, version, perFrame] = /QR version (\d+) · (\d+) bytes/.exec(density) ?? []
      // The screen plays the film at the rate the share screen says it shows.
      const screenFps = Number(/(\d+) frames a second/.exec(density)?.[1]) || 20
      // Three times K: even a receiver that misses many frames finishes before the film loops.
      const recorded = await recordShownFrames(a.page, 3 * k + 12)
      const draws = await a.page.locator('canvas[data-frame]').getAttribute('data-draw-ms')
      // The handoff file holds the same sealed bytes the code carries: its size is what was sent.
      const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByRole('button', { name: 'Save as file' }).click()])
      const sealedKb = (await stat(await download.path())).size / 1000
      await a.context.close()
      const gray = await pngsToGray(recorded.pngs, join(folder, `${cards}-shown`))

      const figures: string[] = []
      for (const loss of [0.2, 0]) {
        const film = await filmWithTabletCamera(gray, join(folder, `${cards}-${loss}`), {
          screenFps,
          loss,
          camera: { seed: 7, fps: CAMERA_FPS }, // one pose and one room for every size, so sizes compare
        })
        const got = await receive(film.video)
        const kbs = sealedKb / got.seconds
        const decodeMs = median(got.decodes.map(decode => decode.ms))
        const readRate = got.decodes.length / Math.max(got.seconds, 0.001)
        const found = got.decodes.filter(decode => decode.found > 0).length
        if (loss > 0) {
          oneWay.set(cards, got.seconds)
          figures.push(
            `  ${loss * 100} % loss: ${got.seconds.toFixed(2)} s first read → preview (goal ≤ ${GOALS[cards]} s), ` +
              `${kbs.toFixed(1)} KB/s (goal ≥ ${GOAL_KBS}), ${got.shown} frames shown for K=${k}, ${got.distinct} of them read`,
          )
        } else {
          // The fountain needs any K frames: what is shown beyond K is what the reader missed.
          figures.push(
            `  0 % loss: frames shown ÷ K = ${got.shown} ÷ ${k} = ${(got.shown / k).toFixed(2)} (goal ≤ ${GOAL_SHOWN_PER_K}; ` +
              `a reader catching every frame needs K ÷ K = 1.00); ${got.distinct} of them read; ${got.seconds.toFixed(2)} s`,
          )
        }
        const roundTrip = median(got.decodes.map(decode => decode.roundTrip))
        figures.push(
          `    reader: ${decodeMs.toFixed(0)} ms a decode in the worker, ${roundTrip.toFixed(0)} ms frame sent → reply (medians); ` +
            `${readRate.toFixed(1)} frames read/s of ${got.cameraFps.toFixed(1)} camera frames/s handed to the page ` +
            `(film ${CAMERA_FPS}/s, screen ${screenFps}/s); ${found} of ${got.decodes.length} reads found a code; ` +
            `${got.startSeconds.toFixed(2)} s from the camera's picture to the first fragment read`,
        )
      }
      console.log(
        [
          `handoff of ${cards} cards: K=${k}, QR version ${version ?? '?'}, ${perFrame ?? '?'} bytes a frame, ` +
            `${sealedKb.toFixed(1)} KB sealed (the handoff file's size), sender draws a frame in ${draws ?? '?'} ms`,
          ...figures,
        ].join('\n'),
      )
    })
  }

  /**
   * The swap is filmed live: each tablet's camera is simulated in its page while the other's
   * screen animates, and both tablets share this machine's two cores. The one-way figure above
   * comes from a film rendered ahead of time and played by Chromium's fake camera, which costs
   * the receiver nothing, so it is not the baseline for a swap. The baseline is one way through
   * the same live cameras, the same relay and the same pages, from the code relayed to merged,
   * with the machine's cores shared as in the swap: two one-way handoffs at once, each with its
   * screen, camera and reader. In a room each tablet has a processor of its own; here a swap's
   * two tablets film, read and animate on the same two cores, so one handoff alone on the
   * machine would credit it with twice the computer the swap has. That figure is printed too.
   */
  it('swap of two 200-card tablets', async () => {
    const browser = await launchChromium()
    try {
      const tablets = async (count: number) => {
        const pages: Page[] = []
        for (let at = 0; at < count; at++) {
          const tablet = await newTablet(browser)
          await installLiveCamera(tablet.context, { loss: 0.2, camera: { seed: 21 + (at % 2) } })
          await tablet.page.goto(BASE_URL)
          await openSampleWorkshop(tablet.page, { cards: 200 })
          pages.push(tablet.page)
        }
        return pages
      }
      const close = async (pages: Page[]) => {
        for (const page of pages) await page.context().close()
      }

      // One way, alone on the machine.
      const [a1, b1] = (await tablets(2)) as [Page, Page]
      const before = await liveCameraCounts(b1)
      const liveOneWay = (await handOverLive(a1, b1)) / 1000
      const afterOneWay = await liveCameraCounts(b1)
      // Per second the camera was on: it stops once the last fragment is read, before the preview and merge.
      const oneWayFilmed = (afterOneWay.filmed - before.filmed) / Math.max(0.001, (afterOneWay.onMs - before.onMs) / 1000)
      await close([a1, b1])

      // Two one-way handoffs at once: two screens, two cameras and two readers share the cores, as in a swap.
      const [a2, b2, c2, d2] = (await tablets(4)) as [Page, Page, Page, Page]
      const pairs = await Promise.all([handOverLive(a2, b2), handOverLive(c2, d2)])
      const sharedOneWay = Math.max(...pairs) / 1000
      await close([a2, b2, c2, d2])

      const [a3, b3] = (await tablets(2)) as [Page, Page]
      const counted = await Promise.all([a3, b3].map(page => liveCameraCounts(page)))
      const seconds = (await swapTablets(a3, b3)) / 1000
      const after = await Promise.all([a3, b3].map(page => liveCameraCounts(page)))
      const swapFilmed = after.map((count, at) => (count.filmed - counted[at]!.filmed) / Math.max(0.001, (count.onMs - counted[at]!.onMs) / 1000))
      await close([a3, b3])
      const single = oneWay.get(200)
      console.log(
        [
          `swap of two 200-card tablets: ${seconds.toFixed(2)} s from both screens open to both done, receipts read ` +
            `= ${(seconds / sharedOneWay).toFixed(2)} × one-way with the cores shared the same way (goal ≤ 2 ×)`,
          `  two one-way handoffs at once (2 screens, 2 cameras, 2 readers, as in the swap): ${pairs.map(ms => (ms / 1000).toFixed(2)).join(' and ')} s ` +
            `from the code relayed to merged`,
          `  one way alone through the live camera: ${liveOneWay.toFixed(2)} s (its camera filmed ${oneWayFilmed.toFixed(1)} frames/s of 30 while on); ` +
            `the swap is ${(seconds / liveOneWay).toFixed(2)} × that, on a machine where the two tablets share ${availableParallelism()} cores`,
          `  swap: the two cameras filmed ${swapFilmed.map(rate => rate.toFixed(1)).join(' and ')} frames/s of 30 while on; 20 % loss`,
          single
            ? `  beside the filmed one-way (${single.toFixed(2)} s first read → preview, fake camera playing a film made ahead): ${(seconds / single).toFixed(2)} ×`
            : '  (the filmed one-way was not measured in this run)',
        ].join('\n'),
      )
    } finally {
      await browser.close()
    }
  })
})

/** B receives the film with the app's own "Receive by QR"; times it and counts what its reader did. */
async function receive(video: string): Promise<Received> {
  const browser = await launchCameraBrowser(video)
  try {
    const b = await newTablet(browser)
    const foreign = watchForeignRequests(b.context, new URL(BASE_URL).origin)
    // Counts the reader's replies (zxing-wasm in a worker where there is no BarcodeDetector).
    // The frame rate the app asks its camera for, to check the film is not faster.
    await b.context.addInitScript(() => {
      const devices = navigator.mediaDevices
      const original = devices.getUserMedia.bind(devices)
      devices.getUserMedia = constraints => {
        const video = constraints?.video
        const rate = typeof video === 'object' ? video.frameRate : undefined
        const asked = typeof rate === 'number' ? rate : (rate?.exact ?? rate?.min ?? rate?.ideal ?? 30)
        ;(window as unknown as { askedFps: number }).askedFps = asked
        return original(constraints)
      }
    })
    await b.context.addInitScript(() => {
      const decodes: { ms: number; found: number; roundTrip: number; texts: string[] }[] = []
      ;(window as unknown as { benchDecodes: typeof decodes }).benchDecodes = decodes
      const Original = window.Worker
      window.Worker = class extends Original {
        #sent = 0
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options)
          this.addEventListener('message', (event: MessageEvent<{ ms?: unknown; texts?: unknown }>) => {
            const reply = event.data
            if (typeof reply?.ms !== 'number') return
            const texts = Array.isArray(reply.texts) ? reply.texts.filter((text): text is string => typeof text === 'string') : []
            decodes.push({ ms: reply.ms, found: texts.length, roundTrip: performance.now() - this.#sent, texts })
          })
        }
        override postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions) {
          this.#sent = performance.now()
          super.postMessage(message, transfer as Transferable[])
        }
      }
    })
    await b.page.goto(BASE_URL)
    await openSampleWorkshop(b.page) // B is in the workshop (it holds the secret), with fewer cards
    const timing = b.page.evaluate(
      () =>
        new Promise<{ cameraOn: number; first: number; done: number; decodesBefore: number; decodesDone: number; cameraFrames: number }>(resolve => {
          const decodes = (window as unknown as { benchDecodes: unknown[] }).benchDecodes
          let frames = 0
          let framesAtFirst = 0
          let first = 0
          let cameraOn = 0
          let decodesBefore = 0
          let watched: HTMLVideoElement | undefined
          const check = () => {
            const video = document.querySelector('video')
            if (video && video !== watched && 'requestVideoFrameCallback' in video) {
              watched = video
              cameraOn ||= performance.now()
              const onFrame = () => {
                frames += 1
                video.requestVideoFrameCallback(onFrame)
              }
              video.requestVideoFrameCallback(onFrame)
            }
            const statuses = [...document.querySelectorAll('[role="status"]')].map(element => element.textContent?.trim() ?? '')
            if (!first && statuses.some(text => /^\d+ of \d+ fragments/.test(text))) {
              first = performance.now()
              framesAtFirst = frames
              decodesBefore = Math.max(0, decodes.length - 1)
            }
            const headings = [...document.querySelectorAll('h1, h2, h3, h4')].map(element => element.textContent ?? '')
            if (headings.some(text => text.startsWith('From tablet'))) {
              observer.disconnect()
              resolve({ cameraOn, first: first || performance.now(), done: performance.now(), decodesBefore, decodesDone: decodes.length, cameraFrames: frames - framesAtFirst })
            }
          }
          const observer = new MutationObserver(check)
          observer.observe(document.body, { subtree: true, childList: true, characterData: true })
        }),
    )
    await b.page.getByRole('button', { name: 'Share', exact: true }).click()
    await b.page.getByRole('button', { name: 'Receive by QR' }).click()
    const t = await timing
    const askedFps = await b.page.evaluate(() => (window as unknown as { askedFps?: number }).askedFps)
    if (!(askedFps !== undefined && askedFps >= CAMERA_FPS)) {
      throw new Error(`The film is at ${CAMERA_FPS} fps, but the app asks its camera for ${askedFps ?? 'nothing'}: film at the app's rate.`)
    }
    const all = await b.page.evaluate(() => (window as unknown as { benchDecodes: Received['decodes'] }).benchDecodes)
    await b.page.getByRole('button', { name: 'Merge into this tablet' }).click()
    await b.page.getByRole('status').filter({ hasText: /new and \d+ changed records from tablet/ }).waitFor()
    expect(foreign).toEqual([])
    const seconds = (t.done - t.first) / 1000
    const decodes = all.slice(t.decodesBefore, t.decodesDone)
    // The screen shows one sequence number a frame. Replaying the frames read, in order, through a
    // fountain decoder finds the one that completed the transfer: from the first frame read to that
    // one, that many frames went by, whatever the machine's load did to the clocks. (Frames read
    // while the preview was being made are not counted: the receiver no longer needed them.)
    const { shown, distinct } = framesNeeded(all.slice(0, t.decodesDone).flatMap(decode => decode.texts))
    return { seconds, shown, distinct, decodes, cameraFps: t.cameraFrames / Math.max(seconds, 0.001), startSeconds: (t.first - t.cameraOn) / 1000 }
  } finally {
    await browser.close()
  }
}

/**
 * Frames shown from the first frame read to the one that completed the transfer, by the frames'
 * sequence numbers, and how many distinct frames were read in that span.
 */
function framesNeeded(texts: readonly string[]): { shown: number; distinct: number } {
  let decoder: FountainDecoder | undefined
  let first = Number.NaN
  let last = Number.NaN
  const seen = new Set<number>()
  for (const text of texts) {
    const bytes = base45ToBytes(text)
    if (!bytes || bytes.length <= FRAME_OVERHEAD) continue
    const k = readU16(bytes, PREFIX_BYTES)
    const length = readU32(bytes, PREFIX_BYTES + 2)
    const sequence = readU32(bytes, PREFIX_BYTES + 6)
    decoder ??= new FountainDecoder(k, bytes.length - FRAME_OVERHEAD, length, readU32(bytes, 8))
    if (Number.isNaN(first)) first = sequence
    last = Math.max(Number.isNaN(last) ? sequence : last, sequence)
    seen.add(sequence)
    decoder.add(sequence, bytes.subarray(HEADER_BYTES, bytes.length - CHECK_BYTES))
    if (decoder.complete) break
  }
  return { shown: last - first + 1, distinct: seen.size }
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((x, y) => x - y)
  return sorted[Math.floor(sorted.length / 2)]!
}
