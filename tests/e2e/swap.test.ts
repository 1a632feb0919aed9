import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, newTablet, watchForeignRequests } from './browser'
import { installLiveCamera } from './live-camera'
import { openSampleWorkshop } from './open-sample'
import { swapTablets } from './swap-flow'

/**
 * Face to face, both ways: two tablets show their codes and film each other at once through
 * live tablet cameras (a tenth of the frames lost), each merges the other's records, and both
 * end holding both sets.
 */

const BASE_URL = process.env.E2E_BASE_URL ?? inject('baseUrl')
/**
 * Two tablets filming each other live is four heavy jobs (two simulated cameras, two readers)
 * on one machine: this test checks that the swap ends with both sets on both tablets, so its
 * cameras are steady and quick to simulate. The handoff test and the bench film through the
 * full tablet camera.
 */
const STEADY_CAMERA = { fps: 10, width: 960, height: 540, codeHeight: 0.8, tiltDeg: 4, rollDeg: 2, shakePx: 2, motionBlurShare: 0, glare: 0.2 }

describe('swapping records between two tablets by QR', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('each tablet ends with the other’s new objective and the same records', async () => {
    const tablets = []
    for (const [seed, objective] of [[11, 'Grow the supporter base abroad'], [12, 'Halve the volunteers’ paperwork']] as const) {
      const tablet = await newTablet(browser)
      await installLiveCamera(tablet.context, { loss: 0.1, camera: { ...STEADY_CAMERA, seed } })
      const foreign = watchForeignRequests(tablet.context, new URL(BASE_URL).origin)
      await tablet.page.goto(BASE_URL)
      await openSampleWorkshop(tablet.page)
      await tablet.page.getByLabel('New objective').fill(objective)
      await tablet.page.getByRole('button', { name: 'Add objective' }).click()
      // The new objective is the last one in Prepare, shown in its own field.
      await expect
        .poll(() => tablet.page.getByLabel(/^Objective \d+$/).evaluateAll((fields, title) => fields.some(field => (field as HTMLInputElement).value === title), objective))
        .toBe(true)
      tablets.push({ ...tablet, foreign })
    }
    const [a, b] = tablets as [(typeof tablets)[0], (typeof tablets)[0]]

    // At the "Slower" rate, so the two simulated cameras and readers keep up on a busy machine.
    await swapTablets(a.page, b.page, { slower: true, timeout: 240_000 })

    for (const { page } of [a, b]) {
      const objectives = (await records(page)).filter(record => record.kind === 'objective' && !record.deleted)
      const titles = objectives.map(record => JSON.stringify(record))
      expect(titles.some(text => text.includes('Grow the supporter base abroad'))).toBe(true)
      expect(titles.some(text => text.includes('Halve the volunteers’ paperwork'))).toBe(true)
    }
    expect(fingerprints(await records(a.page))).toEqual(fingerprints(await records(b.page)))
    expect(a.foreign).toEqual([])
    expect(b.foreign).toEqual([])
  }, 400_000)
})

interface Dumped {
  id: string
  kind: string
  stamps: Record<string, string>
  deleted?: string
}

function records(page: Page): Promise<Dumped[]> {
  return page.evaluate(
    () =>
      new Promise<Dumped[]>((resolve, reject) => {
        const open = indexedDB.open('okra-harvest')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const all = db.transaction('records', 'readonly').objectStore('records').getAll()
          all.onsuccess = () => {
            db.close()
            resolve(all.result as Dumped[])
          }
        }
      }),
  )
}

function fingerprints(held: Dumped[]): string[] {
  const stamps = (record: Dumped) =>
    Object.keys(record.stamps)
      .sort()
      .map(field => `${field}=${record.stamps[field]}`)
      .join(',')
  return held.map(record => `${record.id} ${stamps(record)} ${record.deleted ?? ''}`).sort()
}
