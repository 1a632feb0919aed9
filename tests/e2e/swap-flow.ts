/**
 * Two tablets swapping by QR ("Swap by QR" in the Share menu), each filming the other live: the
 * flow the swap test and the handoff bench share.
 */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { relay } from './live-camera'

export const SWAP_DONE = 'Swap done: both tablets hold both sets of records.'

/**
 * Opens the swap screen on both tablets, relays each one's code to the other's live camera
 * (installed with `installLiveCamera` before the pages loaded), merges on both sides and waits
 * until both say the swap is done. `slower` swaps at the "Slower" rate, as old tablets would. Returns the ms from both screens open to both done.
 */
export async function swapTablets(a: Page, b: Page, options: { timeout?: number; slower?: boolean } = {}): Promise<number> {
  const timeout = options.timeout ?? 120_000
  for (const page of [a, b]) {
    await page.getByRole('button', { name: 'Share', exact: true }).click()
    await page.getByRole('button', { name: 'Swap by QR' }).click()
    await page.getByRole('heading', { name: /^Swap with another tablet/ }).waitFor()
    if (options.slower) {
      const slower = page.getByRole('button', { name: 'Slower' })
      await slower.click()
      await expect.poll(() => slower.getAttribute('aria-pressed')).toBe('true')
    }
  }
  const started = Date.now()
  const stops = [await relay(a, b), await relay(b, a)]
  try {
    await Promise.all(
      [a, b].map(async page => {
        await page.getByRole('button', { name: 'Merge into this tablet' }).click({ timeout })
        await page.getByRole('status').filter({ hasText: SWAP_DONE }).waitFor({ timeout })
      }),
    )
    return Date.now() - started
  } finally {
    for (const stop of stops) await stop()
  }
}

/**
 * One way through the same live cameras a swap uses: `a` shows "Share by QR", `b` receives
 * with "Receive by QR" through its live camera (installed before the pages loaded), merges, and
 * the ms from the code relayed to merged are returned: the baseline a swap's time is compared
 * with, measured the same way on the same machine.
 */
export async function handOverLive(a: Page, b: Page, options: { timeout?: number } = {}): Promise<number> {
  const timeout = options.timeout ?? 120_000
  await a.getByRole('button', { name: 'Share', exact: true }).click()
  await a.getByRole('button', { name: 'Share by QR' }).click()
  await a.locator('canvas[data-frame]').waitFor()
  await b.getByRole('button', { name: 'Share', exact: true }).click()
  await b.getByRole('button', { name: 'Receive by QR' }).click()
  const started = Date.now()
  const stop = await relay(a, b)
  try {
    await b.getByRole('button', { name: 'Merge into this tablet' }).click({ timeout })
    await b.getByRole('status').filter({ hasText: /new and \d+ changed records from tablet/ }).waitFor({ timeout })
    return Date.now() - started
  } finally {
    await stop()
  }
}
