import { join } from 'node:path'
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { makeStamp, type ClockState } from '../../src/domain/clock'
import { createRecord } from '../../src/domain/record'
import type { AnyRec } from '../../src/domain/types'
import { writeBackup } from '../../src/exchange/backup'
import { sampleWorkshop } from '../fixtures/workshop'
import { launchChromium, newTablet, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './browser'

/**
 * Read & cluster as a board on a real tablet screen: both columns take the screen's height with
 * cards in view, and a card dragged from the top of the cards reaches a milestone that starts
 * out of sight at the foot of a long milestones column, by resting near its edge until it scrolls.
 */

/** Set to a folder to keep a picture of the board at each size. */
const SHOTS = process.env.CLUSTER_SHOTS
const EXTRA_MILESTONES = 14
const LAST_TITLE = `Extra milestone ${EXTRA_MILESTONES}: the last one`

/** The sample workshop at Read & cluster, with 40 cards and far more milestones than fit on a screen. */
function crowdedBackup(): Promise<string> {
  const { workshop, records } = sampleWorkshop({ cards: 40, phase: 'cluster' })
  const device = 'fixture0device00'
  const clock: ClockState = { wall: Date.UTC(2026, 10, 24, 10), counter: 0 }
  const extra: AnyRec[] = []
  for (let index = 1; index <= EXTRA_MILESTONES; index++) {
    const title = index === EXTRA_MILESTONES ? LAST_TITLE : `Extra milestone ${index}`
    const fields = { title, type: null, hypothesisId: null, keyResultId: null, objectiveId: null, unlocks: [], validates: '' }
    const stamp = makeStamp({ ...clock, counter: index }, device)
    extra.push(createRecord('milestone', `milestone-extra-${index}`, workshop.id, fields, stamp) as unknown as AnyRec)
  }
  return writeBackup({ workshop, records: [...records, ...extra], deviceId: device, now: new Date(Date.UTC(2026, 10, 24, 12)) })
}

async function openCluster(page: Page) {
  await page.getByRole('heading', { name: 'Workshops' }).waitFor()
  // The offline notice floats over the foot of the screen, where the drag rests: out of the way first.
  const ok = page.getByRole('button', { name: 'OK', exact: true })
  await ok
    .waitFor({ timeout: 15_000 })
    .then(() => ok.click())
    .catch(() => undefined)
  await page.getByLabel('Open a backup file', { exact: true }).setInputFiles({
    name: 'crowded.json',
    mimeType: 'application/json',
    buffer: Buffer.from(await crowdedBackup()),
  })
  await page.getByRole('button', { name: 'Restore on this tablet' }).click()
  await page.getByRole('button', { name: 'Open workshop' }).click()
  await page.getByRole('heading', { level: 2, name: 'Read & cluster' }).waitFor()
}

async function box(locator: Locator) {
  const found = await locator.boundingBox()
  if (!found) throw new Error('not on screen')
  return found
}

interface Press {
  down(x: number, y: number): Promise<void>
  move(x: number, y: number, steps: number): Promise<void>
  up(): Promise<void>
}

/** A mouse, or one finger on the touchscreen (touch events through the DevTools protocol). */
async function presser(page: Page, pointer: 'mouse' | 'finger'): Promise<Press> {
  if (pointer === 'mouse') {
    return {
      down: async (x, y) => {
        await page.mouse.move(x, y)
        await page.mouse.down()
      },
      move: (x, y, steps) => page.mouse.move(x, y, { steps }),
      up: () => page.mouse.up(),
    }
  }
  const cdp = await page.context().newCDPSession(page)
  let at = { x: 0, y: 0 }
  const touch = async (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) => {
    at = { x, y }
    await cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] })
  }
  return {
    down: (x, y) => touch('touchStart', x, y),
    async move(x, y, steps) {
      const from = at
      for (let step = 1; step <= steps; step++) {
        await touch('touchMove', from.x + ((x - from.x) * step) / steps, from.y + ((y - from.y) * step) / steps)
      }
    },
    up: () => touch('touchEnd', at.x, at.y),
  }
}

describe('read & cluster as a board', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  const sizes = [
    { viewport: TABLET_LANDSCAPE, with: 'mouse' },
    { viewport: TABLET_PORTRAIT, with: 'finger' },
  ] as const
  for (const { viewport, with: pointer } of sizes) {
    it(`fills the screen and reaches a milestone out of view by ${pointer} at ${viewport.width}×${viewport.height}`, async () => {
      const { context, page } = await newTablet(browser, viewport)
      try {
        const press = await presser(page, pointer)
        await page.goto(inject('baseUrl'))
        await openCluster(page)
        const board = page.locator('.cluster-board')
        await board.scrollIntoViewIfNeeded()
        const cards = page.locator('.ungrouped-column .column-scroll')
        const milestones = page.locator('.milestone-column .column-scroll')
        const firstCard = page.getByRole('list', { name: 'Ungrouped cards' }).locator(':scope > li').first()
        await firstCard.waitFor()

        // The board takes the screen's height, both columns with it, and shows cards, not only headings.
        const boardBox = await box(board)
        expect(boardBox.height).toBeGreaterThan(viewport.height * 0.6)
        expect(boardBox.y + boardBox.height).toBeLessThanOrEqual(viewport.height + 1)
        for (const column of [page.locator('.ungrouped-column'), page.locator('.milestone-column')]) {
          expect((await box(column)).height).toBeGreaterThan(boardBox.height - 2)
        }
        const cardBox = await box(firstCard)
        const cardsBox = await box(cards)
        expect(cardBox.y + cardBox.height).toBeLessThan(cardsBox.y + cardsBox.height)
        const milestonesBox = await box(milestones)
        expect((await box(page.locator('.milestone-panel').first())).y).toBeLessThan(milestonesBox.y + milestonesBox.height)
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `cluster-board-${viewport.width}.png`) })

        // The last milestone starts below the foot of its column.
        const target = page.locator(`[data-milestone-id="milestone-extra-${EXTRA_MILESTONES}"]`)
        await expect.poll(() => target.getByRole('textbox').inputValue()).toBe(LAST_TITLE)
        expect((await box(target)).y).toBeGreaterThan(milestonesBox.y + milestonesBox.height)

        const text = (await firstCard.locator('.card-text').textContent())!
        const start = await box(firstCard.locator('.card-grip'))
        await press.down(start.x + start.width / 2, start.y + start.height / 2)
        await press.move(start.x + 40, start.y + 30, 4)
        // Rest near the foot of the milestones column until the last milestone has come up.
        const edge = { x: milestonesBox.x + milestonesBox.width / 2, y: milestonesBox.y + milestonesBox.height - 12 }
        await press.move(edge.x, edge.y, 8)
        await expect
          .poll(async () => {
            const [now, frame] = await Promise.all([box(target), box(milestones)])
            return now.y + Math.min(now.height, 120) < frame.y + frame.height - 70
          }, { timeout: 20_000 })
          .toBe(true)
        const [landing, frame] = await Promise.all([box(target), box(milestones)])
        const top = Math.max(landing.y, frame.y) + 10
        const bottom = Math.min(landing.y + landing.height, frame.y + frame.height - 70)
        await press.move(landing.x + landing.width / 2, (top + bottom) / 2, 4)
        await expect.poll(() => target.evaluate(panel => panel.classList.contains('over'))).toBe(true)
        await press.up()

        await expect.poll(() => target.locator('.card-tile', { hasText: text }).count()).toBe(1)
        await expect.poll(() => target.locator('.tag').first().textContent()).toBe('1 card')
        if (SHOTS) await page.screenshot({ path: join(SHOTS, `cluster-board-${viewport.width}-dropped.png`) })
      } finally {
        await context.close()
      }
    })
  }
})
