import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, newTablet, watchForeignRequests } from './browser'
import { installLiveCamera, liveCameraCounts, relay } from './live-camera'
import { openSampleWorkshop } from './open-sample'

/**
 * A one-way handoff through the live camera: tablet B's camera films, as a tablet would, what
 * tablet A shows at that moment (relayed frame by frame, a fifth never caught), with no video
 * prepared in advance. This is the camera the swap test uses, where both tablets film at once.
 */

const BASE_URL = process.env.E2E_BASE_URL ?? inject('baseUrl')
const SHOTS = process.env.HANDOFF_SHOTS

describe('receiving through the live camera', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('B films A’s code live and merges A’s 60 cards', async () => {
    const a = await newTablet(browser)
    const b = await newTablet(browser)
    await installLiveCamera(b.context, { loss: 0.2, camera: { seed: 5 } })
    const foreign = watchForeignRequests(b.context, new URL(BASE_URL).origin)
    await a.page.goto(BASE_URL)
    await openSampleWorkshop(a.page, { cards: 60 })
    await b.page.goto(BASE_URL)
    await openSampleWorkshop(b.page) // B is in the same workshop, with fewer cards
    const cardsBefore = await countCards(b.page)

    await a.page.getByRole('button', { name: 'Share', exact: true }).click()
    await a.page.getByRole('button', { name: 'Share by QR' }).click()
    await a.page.locator('canvas[data-frame]').waitFor()
    const stop = await relay(a.page, b.page)
    try {
      await b.page.getByRole('button', { name: 'Share', exact: true }).click()
      await b.page.getByRole('button', { name: 'Receive by QR' }).click()
      await b.page.getByRole('status').filter({ hasText: /^\d+ of \d+ fragments/ }).waitFor({ timeout: 60_000 })
      if (SHOTS) await b.page.screenshot({ path: `${SHOTS}/live-receiving.png` })
      await b.page.getByRole('heading', { name: /^From tablet [0-9A-F]{4}$/ }).waitFor({ timeout: 90_000 })
    } finally {
      await stop()
    }
    const counts = await liveCameraCounts(b.page)
    expect(counts.relayed).toBeGreaterThan(0)
    expect(counts.filmed).toBeGreaterThan(0)

    await b.page.getByRole('button', { name: 'Merge into this tablet' }).click()
    await b.page.getByRole('status').filter({ hasText: /^\d+ new and \d+ changed records from tablet [0-9A-F]{4} are now on this tablet\.$/ }).waitFor()
    expect(await countCards(b.page)).toBe(await countCards(a.page))
    expect(await countCards(b.page)).toBeGreaterThan(cardsBefore)
    expect(foreign).toEqual([])
    await a.context.close()
    await b.context.close()
  }, 240_000)
})

/** Live cards in the app's database (deleted ones left out). */
function countCards(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('okra-harvest')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const all = db.transaction('records', 'readonly').objectStore('records').getAll()
          all.onsuccess = () => {
            db.close()
            resolve((all.result as { kind: string; deleted?: string }[]).filter(record => record.kind === 'card' && !record.deleted).length)
          }
        }
      }),
  )
}
