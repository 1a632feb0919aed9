import type { Page } from 'playwright-core'
import { PHASES, type Phase } from '../../src/domain/types'

export { PHASES, type Phase }

/** The offline notice floats over the bottom of the screen: out of the way, once it shows. */
export async function dismissOfflineNotice(page: Page) {
  const ok = page.getByRole('button', { name: 'OK', exact: true })
  await ok
    .waitFor({ timeout: 10_000 })
    .then(() => ok.click())
    .catch(() => undefined)
}

/** Opens one step from the workshop bar and waits until its screen has settled. */
export async function openStep(page: Page, phase: Phase) {
  await page.locator(`nav[aria-label="Workshop steps"] button[data-phase="${phase}"]`).click()
  await page.locator(`nav[aria-label="Workshop steps"] button[data-phase="${phase}"][aria-current="step"]`).waitFor()
  await page.locator('.work-area [data-work-surface]').first().waitFor()
  // Fonts, live queries and the slide's entrance animation done: what a person sees once it is still.
  await page.evaluate(() => Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => undefined))))
}
