import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchChromium, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './browser'
import { openSampleWorkshop } from './open-sample'

/**
 * Where the app cannot print (an app opened from an iPad's home screen), the inventory leaves as
 * a printable page: one HTML file that prints from any browser. Here Chromium plays the
 * installed iPad app (no share sheet on Linux, so the page is downloaded); the file is then
 * opened in a fresh browser with scripts off, and printed.
 */

const OUT = resolve(import.meta.dirname, '../../test-results/printable')

const RANKED = [
  { title: 'Enable sharing from match details with referral tracking', votes: '6 votes' },
  { title: 'Email-based match feedback form', votes: '3 votes' },
  { title: 'Run A/B test on invite reward copy', votes: '2 votes' },
  { title: 'Explore new ranking algorithm', votes: '1 vote' },
  { title: 'Set up match history API cache', votes: '0 votes' },
]

/** iPadOS says it is a Mac; with a touch screen and opened from the home screen, it is an installed iPad app. */
const IPAD_UA = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15'

const flat = (text: string) => text.replace(/\s+/g, ' ')
const pdfText = (file: string, page?: number) =>
  flat(
    execFileSync('pdftotext', ['-raw', ...(page === undefined ? [] : ['-f', String(page), '-l', String(page)]), file, '-'], {
      encoding: 'utf8',
    }),
  ).replace(/-\s(?=\S)/g, '-')
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1])

async function closeVotingAndOpenInventory(page: Page) {
  const steps = page.getByRole('navigation', { name: 'Workshop steps' })
  await steps.getByRole('button', { name: /Prioritize/ }).click()
  await page.getByRole('button', { name: 'Close voting' }).click()
  await page.getByRole('alertdialog', { name: 'Close voting?' }).getByRole('button', { name: 'Close voting' }).click()
  await page.getByRole('list', { name: 'Milestones by votes' }).waitFor()
  await steps.getByRole('button', { name: /Inventory/ }).click()
  await page.getByRole('heading', { level: 2, name: 'Inventory' }).waitFor()
}

describe('the printable page, where the app cannot print', () => {
  let browser: Browser
  const baseUrl = process.env.E2E_BASE_URL ?? inject('baseUrl')

  beforeAll(async () => {
    browser = await launchChromium()
    rmSync(OUT, { recursive: true, force: true })
    mkdirSync(OUT, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('leaves an installed iPad app as one HTML file that prints the inventory from a fresh browser', async () => {
    const tablet = await browser.newContext({ viewport: TABLET_LANDSCAPE, hasTouch: true, userAgent: IPAD_UA, acceptDownloads: true })
    await tablet.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true, configurable: true })
      Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5, configurable: true })
    })
    let file: string
    let appPdf: string
    try {
      const page = await tablet.newPage()
      await page.goto(baseUrl)
      await openSampleWorkshop(page, { phase: 'vote' })
      await closeVotingAndOpenInventory(page)
      const printable = page.getByRole('button', { name: 'Download printable page' })
      await printable.waitFor()
      expect(await page.getByRole('button', { name: 'Print', exact: true }).count()).toBe(0)
      await page.getByText('This app cannot print here').waitFor()
      for (const [name, viewport] of [['landscape', TABLET_LANDSCAPE], ['portrait', TABLET_PORTRAIT]] as const) {
        await page.setViewportSize(viewport)
        await page.screenshot({ path: resolve(OUT, `inventory-${name}.png`) })
      }
      await page.setViewportSize(TABLET_LANDSCAPE)

      const downloading = page.waitForEvent('download')
      await printable.click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe('okra-session-2-match-experience-off-site-2026-11-24-inventory.html')
      file = resolve(OUT, download.suggestedFilename())
      await download.saveAs(file)
      await page.getByRole('status').filter({ hasText: 'to this tablet’s downloads' }).waitFor()
      await page.screenshot({ path: resolve(OUT, 'inventory-after.png') })

      // The app's own print of the same inventory, to compare with.
      appPdf = resolve(OUT, 'app-A4.pdf')
      await page.emulateMedia({ media: 'print' })
      writeFileSync(appPdf, await page.pdf({ format: 'A4', printBackground: true }))
    } finally {
      await tablet.close()
    }

    const html = readFileSync(file, 'utf8')
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|url\(/i)

    // Another browser, scripts off, opens the file: nothing else is fetched, and it prints.
    const reader = await browser.newContext({ viewport: TABLET_PORTRAIT, javaScriptEnabled: false })
    try {
      const requests: string[] = []
      reader.on('request', request => requests.push(request.url()))
      const page = await reader.newPage()
      await page.goto(pathToFileURL(file).href)
      expect(requests).toEqual([pathToFileURL(file).href])
      expect(await page.title()).toBe('Match experience off-site · 2026-11-24 · Strategic inventory')
      await page.screenshot({ path: resolve(OUT, 'page-on-screen.png'), fullPage: false })

      await page.emulateMedia({ media: 'print' })
      const pdf = resolve(OUT, 'printable-A4.pdf')
      writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }))
      const first = pdfText(pdf, 1)
      expect(first).toMatch(/OKRA Session #2: Harvesting Milestones · Strategic inventory/i)
      for (const words of ['Match experience off-site', '2026-11-24', 'participants are not named']) expect(first).toContain(words)
      // Page 1 ranks every milestone with its votes, in order; each has its card after.
      let from = 0
      for (const [index, m] of RANKED.entries()) {
        const at = first.indexOf(m.title, from)
        expect(at, `${m.title} ranked in order on page 1`).toBeGreaterThanOrEqual(from)
        const next = index + 1 < RANKED.length ? first.indexOf(RANKED[index + 1]!.title, at) : first.indexOf('Ranked by votes', at)
        expect(first.slice(at, next), `${m.title}'s votes on its row`).toContain(` ${m.votes} `)
        from = at + m.title.length
      }
      const whole = pdfText(pdf)
      for (const m of RANKED) expect(whole).toContain(`Milestone: ${m.title}`)
      // On paper it is the app's own print: the same pages, the same words.
      expect(pageCount(pdf)).toBe(pageCount(appPdf))
      expect(whole).toBe(pdfText(appPdf))

      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, resolve(OUT, 'printable-A4')])
      expect(readdirSync(OUT).filter(name => name.startsWith('printable-A4') && name.endsWith('.png')).length).toBe(pageCount(pdf))
    } finally {
      await reader.close()
    }
  })
})
