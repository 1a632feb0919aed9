import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, newTablet, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './browser'
import { openSampleWorkshop } from './open-sample'
import { dismissOfflineNotice, openStep, PHASES } from './walk'

/**
 * The workshop bar gets out of the way on a 10" tablet: every step in sight at once, the
 * work itself starting within the top 160 px, and the page never scrolling under the bar.
 */
const SHOTS = process.env.LAYOUT_SHOTS ?? resolve(import.meta.dirname, '../../test-results/layout')
const WORK_TOP = 160

interface Measure {
  width: number
  height: number
  stepsOut: string[]
  workTop: number | null
  pageScrolls: boolean
  /** How far the work area scrolls past what it shows, in px. */
  areaScrolls: number
}

async function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const width = window.innerWidth
    const height = window.innerHeight
    const stepsOut: string[] = []
    for (const step of document.querySelectorAll<HTMLElement>('nav[aria-label="Workshop steps"] button')) {
      const box = step.getBoundingClientRect()
      const inside = box.left >= 0 && box.top >= 0 && box.right <= width + 0.5 && box.bottom <= height + 0.5
      const label = step.querySelector<HTMLElement>('.step-label')
      const clipped = step.scrollWidth > step.clientWidth + 1 || (label !== null && label.scrollWidth > label.clientWidth + 1)
      if (!inside || clipped || box.width === 0) {
        stepsOut.push(`${step.dataset.phase} at ${Math.round(box.left)}–${Math.round(box.right)}${clipped ? ', name cut off' : ''}`)
      }
    }
    const surface = document.querySelector<HTMLElement>('.work-area [data-work-surface]')
    const scroller = document.scrollingElement ?? document.documentElement
    const area = document.querySelector<HTMLElement>('.work-area')
    return {
      areaScrolls: area ? area.scrollHeight - area.clientHeight : 0,
      width,
      height,
      stepsOut,
      workTop: surface ? Math.round(surface.getBoundingClientRect().top) : null,
      pageScrolls: scroller.scrollHeight > height + 1,
    }
  })
}

describe('the workshop bar on a tablet', () => {
  let browser: Browser
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const viewport of [TABLET_LANDSCAPE, TABLET_PORTRAIT]) {
    const size = `${viewport.width}x${viewport.height}`
    it(`shows all 8 steps and starts the work within ${WORK_TOP} px, on every step, at ${size}`, async () => {
      const { context, page } = await newTablet(browser, viewport)
      await page.goto(inject('baseUrl'))
      await dismissOfflineNotice(page)
      await openSampleWorkshop(page)

      const problems: string[] = []
      for (const [index, phase] of PHASES.entries()) {
        await openStep(page, phase)
        await page.screenshot({ path: resolve(SHOTS, `${size}-${index + 1}-${phase}.png`) })
        const seen = await measure(page)
        for (const out of seen.stepsOut) problems.push(`${phase}: step ${out} is not whole in the ${seen.width} px screen`)
        if (seen.workTop === null) problems.push(`${phase}: no work surface`)
        else if (seen.workTop > WORK_TOP) problems.push(`${phase}: the work starts at ${seen.workTop} px`)
        if (seen.pageScrolls) problems.push(`${phase}: the page itself scrolls`)
        // The cluster board fills the screen and its columns scroll: the area around it has nothing more to show.
        if (phase === 'cluster' && seen.areaScrolls > 1) problems.push(`cluster: the work area scrolls ${seen.areaScrolls} px past the board`)
      }
      expect(problems).toEqual([])
      await context.close()
    })
  }
})
