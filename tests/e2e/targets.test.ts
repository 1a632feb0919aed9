import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, newTablet, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './browser'
import { openSampleWorkshop } from './open-sample'

const SCREENS = resolve(import.meta.dirname, '../../test-results/screens')
const MIN = 44

/** Every control a finger must hit that is smaller than 44×44 px, described for the failure message. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(min => {
    const selector =
      'button, input, select, textarea, a[href], summary, [role="button"], [role="tab"], [role="checkbox"], [role="radio"], [role="option"], [role="switch"]'
    const small: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      if (element.closest('.visually-hidden, [hidden], [aria-hidden="true"]')) continue
      const style = getComputedStyle(element)
      if (style.display === 'none' || style.visibility === 'hidden') continue
      let target: HTMLElement = element
      if (element instanceof HTMLInputElement) {
        if (element.type === 'hidden' || element.type === 'file') continue
        // A checkbox or radio is hit through its label.
        if ((element.type === 'checkbox' || element.type === 'radio') && element.labels?.[0]) target = element.labels[0]
      }
      const box = target.getBoundingClientRect()
      if (box.width === 0 && box.height === 0) continue
      if (box.width < min - 0.5 || box.height < min - 0.5) {
        const name =
          element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? element.tagName.toLowerCase()
        small.push(`${element.tagName.toLowerCase()} “${name}” ${Math.round(box.width)}×${Math.round(box.height)}`)
      }
    }
    return small
  }, MIN)
}

describe('touch targets and screenshots of every screen', () => {
  let browser: Browser
  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const viewport of [TABLET_LANDSCAPE, TABLET_PORTRAIT]) {
    const size = `${viewport.width}x${viewport.height}`
    it(`has no control smaller than 44×44 px at ${size}`, async () => {
      const { context, page } = await newTablet(browser, viewport)
      const problems: string[] = []
      const check = async (screen: string) => {
        await page.screenshot({ path: resolve(SCREENS, `${screen}-${size}.png`), fullPage: true })
        for (const small of await smallTargets(page)) problems.push(`${screen}: ${small}`)
      }

      await page.goto(inject('baseUrl'))
      await page.getByRole('heading', { name: 'Workshops' }).waitFor()
      await check('home-empty')
      // The offline notice floats over whatever is below it: out of the way for the pictures.
      const ok = page.getByRole('button', { name: 'OK', exact: true })
      await ok.waitFor({ timeout: 10_000 }).then(() => ok.click()).catch(() => undefined)
      await openSampleWorkshop(page)

      const steps = page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button')
      const count = await steps.count()
      let visited = 0
      for (let index = 0; index < count; index++) {
        const step = steps.nth(index)
        if (await step.isDisabled()) continue
        const label = (await step.locator('.step-label').textContent())!.trim()
        await step.click()
        await page.locator('section.phase h2, .phase h2').first().waitFor()
        await page.waitForTimeout(150)
        await check(`step${index + 1}-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`)
        visited += 1
      }
      expect(visited).toBeGreaterThan(0)

      await page.getByRole('button', { name: '← All workshops' }).click()
      await page.getByRole('button', { name: /^Open / }).first().waitFor()
      await check('home-list')

      expect(problems).toEqual([])
      await context.close()
    })
  }
})
