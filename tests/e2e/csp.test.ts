import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, newTablet, watchForeignRequests } from './browser'
import { openSampleWorkshop } from './open-sample'
import { framesToY4m, launchCameraBrowser } from './qr-harness'

/**
 * The built app under its Content-Security-Policy: a tablet joins a workshop by filming the
 * join code through Chromium's fake camera (decoded by the zxing worker and its .wasm), with
 * no policy violation reported anywhere, and the service worker still installs.
 */

const BASE_URL = process.env.E2E_BASE_URL ?? inject('baseUrl')
const ORIGIN = new URL(BASE_URL).origin

interface Watch {
  readonly console: string[]
  readonly errors: string[]
}

/** Collects `securitypolicyviolation` events (on the page) and CSP messages (in its console). */
async function watchPolicy(context: BrowserContext, page: Page): Promise<Watch> {
  await context.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { cspViolations: string[] }).cspViolations = seen
    document.addEventListener('securitypolicyviolation', event => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`)
    })
  })
  const watch: Watch = { console: [], errors: [] }
  page.on('console', message => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) watch.console.push(message.text())
  })
  page.on('pageerror', error => watch.errors.push(error.message))
  return watch
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)

describe('Content-Security-Policy of the built app', () => {
  let sender: Browser | undefined
  let receiver: Browser | undefined
  let folder: string

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'csp-e2e-'))
    sender = await launchChromium()
  })
  afterAll(async () => {
    await sender?.close()
    await receiver?.close()
    if (folder) await rm(folder, { recursive: true, force: true })
  })

  it('lets a tablet scan a join code through the camera, with no violation, and installs the service worker', async () => {
    const a = await newTablet(sender!)
    const aWatch = await watchPolicy(a.context, a.page)
    await a.page.goto(BASE_URL)
    const policy = await a.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
    expect(policy).toContain("default-src 'self'")
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'")
    await openSampleWorkshop(a.page)
    // "Show join code" is one of the exchanges in the workshop bar's "Share" menu.
    await a.page.getByRole('button', { name: 'Share', exact: true }).click()
    await a.page.getByRole('button', { name: 'Show join code' }).click()
    await a.page.getByRole('heading', { name: /^Join code for “Match experience off-site”/ }).waitFor()
    const video = await filmCode(a.page, folder)

    receiver = await launchCameraBrowser(video)
    const b = await newTablet(receiver)
    const foreign = watchForeignRequests(b.context, ORIGIN)
    const bWatch = await watchPolicy(b.context, b.page)
    await b.page.goto(BASE_URL)
    await b.page.getByRole('heading', { name: 'Workshops' }).waitFor()
    await b.page.getByRole('button', { name: 'Join a workshop' }).click()
    await b.page.getByRole('heading', { name: /^Join “Match experience off-site” \(.+\)\?$/ }).waitFor({ timeout: 60_000 })
    await b.page.getByRole('button', { name: 'Join workshop' }).click()
    await b.page.getByRole('navigation', { name: 'Workshop steps' }).waitFor()
    await expect.poll(() => b.page.getByRole('heading', { level: 1 }).textContent()).toBe('Match experience off-site')

    const installed = await b.page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready
      return registration.active?.scriptURL ?? null
    })
    expect(installed).toMatch(/\/sw\.js$/)

    for (const [page, watch] of [[a.page, aWatch], [b.page, bWatch]] as const) {
      expect(await violations(page)).toEqual([])
      expect(watch.console).toEqual([])
      expect(watch.errors).toEqual([])
    }
    expect(foreign).toEqual([])

    // The watch sees what the policy stops: an inline script is refused, and reported.
    await a.page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.inlineRan = true'
      document.head.append(script)
    })
    await expect.poll(() => violations(a.page)).toEqual([expect.stringMatching(/^script-src-elem blocked inline/)])
    expect(await a.page.evaluate(() => (window as unknown as { inlineRan?: boolean }).inlineRan)).toBeUndefined()
    await a.context.close()
    await b.context.close()
  }, 300_000)
})

/**
 * Films the animated code: the canvas's pixels and its frame number are read in one turn of the
 * page, so each picture is one whole frame however slow the machine; twice K distinct frames
 * make an 8 fps video.
 */
async function filmCode(page: Page, folder: string): Promise<string> {
  const canvas = page.getByRole('img', { name: /^Animated QR code/ })
  const counter = await page.getByText(/^frame \d+ · \d+ fragments?$/).textContent()
  const k = Number(/· (\d+) fragment/.exec(counter ?? '')?.[1])
  expect(k).toBeGreaterThan(0)
  const frames = new Map<number, Buffer>()
  await expect
    .poll(
      async () => {
        const { frame, png } = await canvas.evaluate((element: HTMLCanvasElement) => ({
          frame: element.dataset.frame,
          png: element.toDataURL('image/png'),
        }))
        if (frame !== undefined) frames.set(Number(frame), Buffer.from(png.replace(/^data:image\/png;base64,/, ''), 'base64'))
        return frames.size
      },
      { timeout: 120_000, interval: 50 },
    )
    .toBeGreaterThanOrEqual(2 * k + 4)
  return framesToY4m([...frames.entries()].sort(([x], [y]) => x - y).map(([, png]) => png), folder, 8)
}
