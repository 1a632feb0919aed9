import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium, newTablet, TABLET_LANDSCAPE, watchForeignRequests } from './browser'
import { openSampleWorkshop } from './open-sample'
import { filmSender, filmWithTabletCamera, pngsToGray } from './camera-film'
import { launchCameraBrowser } from './qr-harness'

/**
 * Two tablets and a real camera path: every frame tablet A shows is collected, played on a
 * simulated screen at 20 frames a second and filmed by a simulated tablet camera (tilted,
 * shaken, blurred, glare, noise, frames mixing two codes), with a fifth of the screen frames
 * never caught; tablet B watches that film through Chromium's fake camera. B keeps one profile
 * (its IndexedDB) across launches, since each launch plays one video.
 */

const BASE_URL = process.env.E2E_BASE_URL ?? inject('baseUrl')
const ORIGIN = new URL(BASE_URL).origin
const SHOTS = process.env.HANDOFF_SHOTS
const LOSS = 0.2

describe('QR handoff between two tablets', () => {
  let sender: Browser
  let a: { context: BrowserContext; page: Page }
  let folder: string
  let profile: string
  let foreignA: string[]
  let receiptVideo: string

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'handoff-e2e-'))
    profile = join(folder, 'tablet-b')
    await mkdir(profile)
    // A's camera will film B's "received" code: Chromium opens the file when the camera starts,
    // so the video is written once B has shown that code.
    receiptVideo = join(folder, 'receipt.y4m')
    sender = await launchCameraBrowser(receiptVideo)
    a = await newTablet(sender)
    foreignA = watchForeignRequests(a.context, ORIGIN)
    await a.page.goto(BASE_URL)
    await openSampleWorkshop(a.page)
  })
  afterAll(async () => {
    await sender?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('B joins by A’s join code, receives A’s workshop with A’s new objective, and A scans B’s receipt', async () => {
    await a.page.getByRole('button', { name: 'Share', exact: true }).click()
    await a.page.getByRole('button', { name: 'Show join code' }).click()
    await expect.poll(() => a.page.getByRole('heading', { name: /^Join code for “Match experience off-site”/ }).count()).toBe(1)
    await shot(a.page, 'join-code')
    const joinVideo = await filmCode(a.page, join(folder, 'join'), 1)
    await a.page.getByRole('button', { name: 'Close' }).click()

    await a.page.getByLabel('New objective').fill('Grow the supporter base abroad')
    await a.page.getByRole('button', { name: 'Add objective' }).click()
    await a.page.getByRole('button', { name: 'Share', exact: true }).click()
    await a.page.getByRole('button', { name: 'Share by QR' }).click()
    await a.page.getByText('Every tablet that scans this gets the workshop as it is now.', { exact: false }).waitFor()
    await shot(a.page, 'share')
    const shareVideo = await filmCode(a.page, join(folder, 'share'), 2)
    // A keeps showing its code (the same transfer) until B's receipt is scanned.

    // B joins.
    await withTabletB(joinVideo, async page => {
      await page.getByRole('heading', { name: 'Workshops' }).waitFor()
      await page.getByRole('button', { name: 'Join a workshop' }).click()
      await shot(page, 'join-scanning')
      const question = page.getByRole('heading', { name: /^Join “Match experience off-site” \(.+\)\?$/ })
      await question.waitFor({ timeout: 60_000 })
      await shot(page, 'join-preview')
      await page.getByRole('button', { name: 'Join workshop' }).click()
      await page.getByRole('navigation', { name: 'Workshop steps' }).waitFor()
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Match experience off-site')
      const joined = await dumpRecords(page)
      expect(joined.some(record => record.kind === 'card')).toBe(false) // the join code carries no cards
      expect(joined.some(record => record.kind === 'objective')).toBe(true)
    })

    // B receives A's handoff.
    await withTabletB(shareVideo, async page => {
      await page.getByRole('button', { name: 'Open Match experience off-site' }).click()
      await page.getByRole('button', { name: 'Share', exact: true }).click()
      await page.getByRole('button', { name: 'Receive by QR' }).click()
      await shot(page, 'receive-progress')
      await page.getByRole('heading', { name: /^From tablet [0-9A-F]{4}$/ }).waitFor({ timeout: 60_000 })
      await expect.poll(() => page.getByText('Grow the supporter base abroad').count()).toBeGreaterThan(0)
      await shot(page, 'receive-preview')
      await page.getByRole('button', { name: 'Merge into this tablet' }).click()
      await page
        .getByRole('status')
        .filter({ hasText: /^\d+ new and \d+ changed records from tablet [0-9A-F]{4} are now on this tablet\.$/ })
        .waitFor()
      const receipt = page.getByRole('img', { name: '“Received” code for the sending tablet' })
      expect(await receipt.getAttribute('data-receipt')).toMatch(/^OHR1 /)
      await shot(page, 'received')
      // The receipt is one still code: A's camera films it held in the hand, no frame lost.
      const still = await pngsToGray([await receipt.screenshot()], join(folder, 'receipt'))
      const made = await filmWithTabletCamera(Array(8).fill(still[0]), join(folder, 'receipt'), { screenFps: 8, camera: { seed: 4 } })
      await copyFile(made.video, receiptVideo)
      // B now holds every record of A's workshop, as A holds it.
      const held = await dumpRecords(page)
      const sent = await dumpRecords(a.page)
      const workshopId = sent.find(record => record.kind === 'workshop')!.workshopId
      expect(fingerprints(held.filter(record => record.workshopId === workshopId))).toEqual(fingerprints(sent.filter(record => record.workshopId === workshopId)))
    })

    // A scans B's receipt: the handoff is done, and the next share can send only what B lacks.
    await a.page.getByRole('button', { name: 'Scan the receipt' }).click()
    const done = await a.page.getByRole('status').filter({ hasText: /^Handoff done: tablet [0-9A-F]{4} has received it\./ })
    await done.waitFor({ timeout: 60_000 })
    const tablet = /tablet ([0-9A-F]{4})/.exec((await done.textContent()) ?? '')![1]
    expect(await done.textContent()).toContain('Both tablets now hold the same workshop.')
    await shot(a.page, 'receipt-done')
    await a.page.getByRole('radio', { name: `Only what tablet ${tablet} lacks (0 records)` }).check()
    await a.page.getByText(`Nothing to send: tablet ${tablet} already holds everything on this tablet.`).first().waitFor()
    await a.page.getByRole('button', { name: 'Close' }).click()
    expect(foreignA).toEqual([])
  }, 300_000) // three films and four browser launches on a busy machine

  it('a transfer from another workshop is refused with its message, and B’s database is unchanged', async () => {
    await a.page.getByRole('button', { name: '← All workshops' }).click()
    await a.page.getByRole('button', { name: 'New workshop' }).click()
    await a.page.getByLabel('Workshop title').fill('Another workshop')
    await a.page.getByRole('button', { name: 'Create workshop' }).click()
    await a.page.getByRole('button', { name: 'Share', exact: true }).click()
    await a.page.getByRole('button', { name: 'Share by QR' }).click()
    const otherVideo = await filmCode(a.page, join(folder, 'other'), 3)

    await withTabletB(otherVideo, async page => {
      await page.getByRole('button', { name: 'Open Match experience off-site' }).click()
      const before = await dumpDatabase(page)
      await page.getByRole('button', { name: 'Share', exact: true }).click()
      await page.getByRole('button', { name: 'Receive by QR' }).click()
      await page.getByRole('alert').filter({ hasText: 'This code is from another workshop. Nothing was changed.' }).waitFor({ timeout: 60_000 })
      await shot(page, 'receive-other-workshop')
      await page.getByRole('button', { name: 'Cancel' }).click()
      expect(await dumpDatabase(page)).toEqual(before)
    })
  })

  /** Runs `body` on tablet B, whose only camera plays `video`; B's profile persists between runs. */
  async function withTabletB(video: string, body: (page: Page) => Promise<void>) {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
      viewport: TABLET_LANDSCAPE,
      hasTouch: true,
    })
    try {
      const foreign = watchForeignRequests(context, ORIGIN)
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(BASE_URL)
      await body(page)
      expect(foreign).toEqual([])
    } finally {
      await context.close()
    }
  }
})

/** Films the animated code on `page` through the simulated tablet camera, a fifth of its frames lost. */
async function filmCode(page: Page, into: string, seed: number): Promise<string> {
  const film = await filmSender(page, into, { loss: LOSS, camera: { seed } })
  expect(film.k).toBeGreaterThan(0)
  return film.video
}

interface Dumped {
  id: string
  workshopId: string
  kind: string
  stamps: Record<string, string>
  deleted?: string
}

async function dumpDatabase(page: Page): Promise<{ records: unknown[]; meta: unknown[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('okra-harvest')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const tx = db.transaction(['records', 'meta'], 'readonly')
          const records = tx.objectStore('records').getAll()
          const meta = tx.objectStore('meta').getAll()
          tx.oncomplete = () => {
            db.close()
            resolve({ records: records.result, meta: meta.result })
          }
        }
      }),
  )
}

async function dumpRecords(page: Page): Promise<Dumped[]> {
  return (await dumpDatabase(page)).records as Dumped[]
}

function fingerprints(records: Dumped[]): string[] {
  const stamps = (record: Dumped) =>
    Object.keys(record.stamps)
      .sort()
      .map(field => `${field}=${record.stamps[field]}`)
      .join(',')
  return records.map(record => `${record.id} ${stamps(record)} ${record.deleted ?? ''}`).sort()
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return
  await page.screenshot({ path: join(SHOTS, `${name}-${page.viewportSize()?.width ?? 0}.png`) })
}
