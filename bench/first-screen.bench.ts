import { gzipSync } from 'node:zlib'
import { expect, inject, it } from 'vitest'
import { launchChromium, newTablet } from '../tests/e2e/browser'

const GOAL_KB = 60

/** The gzip size of every script the first screen loads, as Chromium fetches them from the built app. */
it('first screen JS', async () => {
  const browser = await launchChromium()
  try {
    const { page } = await newTablet(browser)
    const scripts = new Map<string, number>()
    page.on('response', async response => {
      if (response.request().resourceType() !== 'script') return
      const body = await response.body().catch(() => null)
      if (body) scripts.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length)
    })
    await page.goto(inject('baseUrl'))
    await page.getByRole('heading', { name: 'Workshops' }).waitFor()
    await page.waitForLoadState('networkidle')
    const total = [...scripts.values()].reduce((sum, size) => sum + size, 0) / 1024
    for (const [path, size] of scripts) console.log(`  ${path}: ${(size / 1024).toFixed(1)} KB gzip`)
    console.log(
      `first screen JS: ${total.toFixed(1)} KB gzip in ${scripts.size} files (goal ≤ ${GOAL_KB} KB, ratio ${(total / GOAL_KB).toFixed(2)})`,
    )
    expect(scripts.size).toBeGreaterThan(0)
  } finally {
    await browser.close()
  }
})
