import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, newTablet, watchForeignRequests } from './browser'

const baseUrl = inject('baseUrl')
const origin = new URL(baseUrl).origin

describe('offline in Chromium', () => {
  let browser: Browser

  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('installs, then works with no network: create a workshop and an objective, reload, both still there', async () => {
    const { context, page } = await newTablet(browser)
    const foreign = watchForeignRequests(context, origin)

    await page.goto(baseUrl)
    await expect.poll(() => page.getByText('Ready to work offline').isVisible(), { timeout: 20_000 }).toBe(true)
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    // With registerType 'prompt' the first page is not claimed; the next load is served by the worker.
    await page.reload()
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)

    await context.setOffline(true)
    await page.reload()
    await page.getByRole('heading', { name: 'Workshops' }).waitFor()

    await page.getByRole('button', { name: 'New workshop' }).click()
    await page.getByLabel('Workshop title', { exact: true }).fill('Off-site in the mountains')
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await page.getByRole('heading', { level: 1, name: 'Off-site in the mountains' }).waitFor()
    await page.getByLabel('New objective', { exact: true }).fill('Build trust through match experiences')
    await page.getByRole('button', { name: 'Add objective' }).click()
    await expect.poll(() => page.getByLabel('Objective 1', { exact: true }).inputValue()).toBe('Build trust through match experiences')

    await page.reload()
    await page.getByRole('heading', { level: 1, name: 'Off-site in the mountains' }).waitFor()
    expect(await page.getByLabel('Objective 1', { exact: true }).inputValue()).toBe('Build trust through match experiences')

    await page.getByRole('button', { name: '← All workshops' }).click()
    await page.reload()
    const listed = page.getByRole('button', { name: 'Open Off-site in the mountains' })
    await listed.waitFor()
    expect(await listed.textContent()).toContain('1 objective')

    expect(foreign).toEqual([])
    await context.close()
  })

  it('keeps every keystroke typed quickly into a field, through a reload', async () => {
    const { context, page } = await newTablet(browser)
    await page.goto(baseUrl)
    await page.getByRole('button', { name: 'New workshop' }).click()
    await page.getByLabel('Workshop title', { exact: true }).fill('Typing test')
    await page.getByRole('button', { name: 'Create workshop' }).click()
    await page.getByLabel('New objective', { exact: true }).fill('x')
    await page.getByRole('button', { name: 'Add objective' }).click()
    const field = page.getByLabel('Objective 1', { exact: true })
    await field.click()
    await field.press('End')
    const typed =
      ' — and every one of these characters, typed as fast as a keyboard can, must arrive in IndexedDB within moments of the last key'
    await field.pressSequentially(typed, { delay: 0 })
    // A tablet switched off a tenth of a second after the last key still keeps the whole text.
    await page.waitForTimeout(100)
    await page.reload()
    await expect.poll(() => page.getByLabel('Objective 1', { exact: true }).inputValue()).toBe(`x${typed}`)
    await context.close()
  })
})
