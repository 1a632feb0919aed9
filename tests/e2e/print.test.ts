import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { makeStamp } from '../../src/domain/clock'
import { createRecord } from '../../src/domain/record'
import type { AnyRec } from '../../src/domain/types'
import { writeBackup } from '../../src/exchange/backup'
import { sampleWorkshop } from '../fixtures/workshop'
import { launchChromium, newTablet } from './browser'
import { openSampleWorkshop } from './open-sample'

/**
 * The inventory on paper: after the sample workshop's vote is closed, the Inventory printed to
 * PDF in A4 and Letter holds every milestone in rank order with its type and hypothesis, and
 * no milestone block is cut across two pages. The pages are also rendered to PNG to be looked at.
 */

const OUT = resolve(import.meta.dirname, '../../test-results/print')

/** The sample workshop's milestones in rank order once voting is closed. */
const RANKED = [
  { title: 'Enable sharing from match details with referral tracking', type: 'Epic', hypothesis: "If users can share with attribution, then they'll invite more friends" },
  { title: 'Email-based match feedback form', type: 'Epic', hypothesis: 'If we make feedback easier, then more players will submit ratings' },
  { title: 'Run A/B test on invite reward copy', type: 'not set', hypothesis: "If users can share with attribution, then they'll invite more friends" },
  { title: 'Explore new ranking algorithm', type: 'Spike', hypothesis: 'If rankings reflect skill better, then fewer matches feel unfair' },
  { title: 'Set up match history API cache', type: 'Enabler', hypothesis: 'If rankings reflect skill better, then fewer matches feel unfair' },
]

const flat = (text: string) => text.replace(/\s+/g, ' ')

function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8' })
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info)![1])
}

async function closeVotingAndOpenInventory(page: Page) {
  const steps = page.getByRole('navigation', { name: 'Workshop steps' })
  await steps.getByRole('button', { name: /Prioritize/ }).click()
  await page.getByRole('heading', { level: 2, name: 'Prioritize' }).waitFor()
  await page.getByRole('button', { name: 'Close voting' }).click()
  await page.getByRole('alertdialog', { name: 'Close voting?' }).getByRole('button', { name: 'Close voting' }).click()
  await page.getByRole('list', { name: 'Milestones by votes' }).waitFor()
  await steps.getByRole('button', { name: /Inventory/ }).click()
  await page.getByRole('heading', { level: 2, name: 'Inventory' }).waitFor()
  await page.getByRole('button', { name: 'Download folder (.zip)' }).waitFor()
}

/**
 * The sample workshop grown to 25 milestones with long "validates" texts, voting closed: enough
 * blocks of uneven height that page breaks fall near milestones, not between objectives.
 */
function longInventoryBackup(): Promise<string> {
  const sample = sampleWorkshop({ phase: 'inventory', title: 'Long inventory' })
  const records: AnyRec[] = sample.records.map(r =>
    r.kind === 'workshop' ? ({ ...r, fields: { ...r.fields, votingClosed: true } } as AnyRec) : r,
  )
  for (let i = 1; i <= 20; i++) {
    const stamp = makeStamp({ wall: Date.UTC(2026, 10, 24, 10), counter: i }, 'fixture0device00')
    records.push(
      createRecord(
        'milestone',
        `extra-${String(i).padStart(2, '0')}`,
        sample.workshop.id,
        {
          title: `Extra milestone ${i}`,
          type: i % 2 ? 'spike' : 'signal-test',
          hypothesisId: sample.hypotheses[i % 3]!.id,
          keyResultId: null,
          objectiveId: null,
          unlocks: [],
          validates: 'Whether players notice the change within a week. '.repeat(1 + (i % 4)),
        },
        stamp,
      ) as unknown as AnyRec,
    )
  }
  return writeBackup({ workshop: records[0] as never, records, deviceId: 'fixture0device00' })
}

describe('printing the inventory', () => {
  let browser: Browser
  const baseUrl = process.env.E2E_BASE_URL ?? inject('baseUrl')

  beforeAll(async () => {
    browser = await launchChromium()
    mkdirSync(OUT, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('prints every milestone in rank order with its type and hypothesis, none split across pages', async () => {
    const { context, page } = await newTablet(browser)
    try {
      await page.goto(baseUrl)
      await openSampleWorkshop(page, { phase: 'vote' })
      await closeVotingAndOpenInventory(page)
      await page.emulateMedia({ media: 'print' })
      // In print, the app's chrome is gone and only the report shows.
      expect(await page.getByRole('navigation', { name: 'Workshop steps' }).isVisible()).toBe(false)
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false)

      for (const format of ['A4', 'Letter'] as const) {
        const file = resolve(OUT, `inventory-${format}.pdf`)
        writeFileSync(file, await page.pdf({ format, printBackground: true }))
        const text = flat(pdfText(file))
        expect(text).toContain('Match experience off-site')
        expect(text).toContain('participants are not named')

        // The cards section lists every milestone in rank order, each with its type and hypothesis.
        const cards = text.slice(text.indexOf('Milestone cards, in rank order'))
        let from = 0
        for (const [index, m] of RANKED.entries()) {
          const at = cards.indexOf(`Milestone: ${m.title}`, from)
          expect(at, `${format}: ${m.title} after the one ranked before it`).toBeGreaterThanOrEqual(from)
          const end = cards.indexOf(`Card ${index + 1} of ${RANKED.length}`, at)
          const block = cards.slice(at, end)
          expect(block).toContain(`Type: ${m.type}`)
          expect(block).toContain(`Hypothesis: ${m.hypothesis}`)
          from = end
        }

        // No milestone split: each block's first line and its last line are on the same page.
        const pages = Array.from({ length: pageCount(file) }, (_, i) => flat(pdfText(file, i + 1)))
        const pageOf = (needle: string) => pages.findIndex(p => p.includes(needle))
        for (const [index, m] of RANKED.entries()) {
          const n = `${index + 1} of ${RANKED.length}`
          const blockEnd = pageOf(`Milestone ${n} in rank order`)
          expect(blockEnd, `${format}: the end of ${m.title}'s block`).toBeGreaterThanOrEqual(0)
          expect(pages[blockEnd], `${format}: ${m.title} begins on the page where its block ends`).toContain(
            `#${index + 1} ${m.title}`,
          )
          const cardEnd = pageOf(`Card ${n}`)
          expect(pages[cardEnd], `${format}: ${m.title}'s card on one page`).toContain(`Milestone: ${m.title}`)
        }
      }

      // The A4 pages as pictures, to be looked at.
      for (const old of readdirSync(OUT).filter(name => name.endsWith('.png'))) rmSync(resolve(OUT, old))
      execFileSync('pdftoppm', ['-png', '-r', '60', resolve(OUT, 'inventory-A4.pdf'), resolve(OUT, 'inventory-A4')])
      expect(readdirSync(OUT).filter(name => name.endsWith('.png')).length).toBe(pageCount(resolve(OUT, 'inventory-A4.pdf')))
    } finally {
      await context.close()
    }
  })
  it('never splits a milestone across pages when many milestones fill the pages', async () => {
    const { context, page } = await newTablet(browser)
    try {
      await page.goto(baseUrl)
      await page.getByRole('heading', { name: 'Workshops' }).waitFor()
      await page.getByLabel('Open a backup file', { exact: true }).setInputFiles({
        name: 'long.json',
        mimeType: 'application/json',
        buffer: Buffer.from(await longInventoryBackup()),
      })
      await page.getByRole('button', { name: 'Restore on this tablet' }).click()
      await page.getByRole('button', { name: 'Open workshop' }).click()
      await page.getByRole('heading', { level: 2, name: 'Inventory' }).waitFor()
      await page.getByRole('button', { name: 'Download folder (.zip)' }).waitFor()
      await page.emulateMedia({ media: 'print' })
      const file = resolve(OUT, 'long-inventory-A4.pdf')
      writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }))
      const pages = Array.from({ length: pageCount(file) }, (_, i) => flat(pdfText(file, i + 1)))
      expect(pages.length).toBeGreaterThan(8)
      const total = 25
      const titles = [...flat(pdfText(file)).matchAll(/Milestone: (.+?) Type:/g)].map(m => m[1]!)
      expect(titles.length).toBe(total)
      for (let n = 1; n <= total; n++) {
        const blockEnd = pages.findIndex(p => p.includes(`Milestone ${n} of ${total} in rank order`))
        const cardEnd = pages.findIndex(p => p.includes(`Card ${n} of ${total}`))
        const title = titles[n - 1]!
        // The block's first line holds its title, its last line its place: both on one page.
        expect(pages[blockEnd], `block ${n} (${title})`).toMatch(
          new RegExp(`#\\d+ ${title.replace(/[/]/g, '.')} (Epic|Spike|Enabler|Signal Test|No type)`, 'i'),
        )
        expect(pages[cardEnd], `card ${n} (${title})`).toContain(`Milestone: ${title} `)
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '6', file, resolve(OUT, 'long-A4')])
    } finally {
      await context.close()
    }
  })

  it('downloads the folder .zip, which opens on another tablet as the same inventory', async () => {
    const first = await newTablet(browser)
    const second = await newTablet(browser)
    try {
      await first.page.goto(baseUrl)
      await openSampleWorkshop(first.page, { phase: 'vote' })
      await closeVotingAndOpenInventory(first.page)
      await first.page.getByRole('checkbox', { name: 'Add a BOM for spreadsheet programs' }).check()
      const downloading = first.page.waitForEvent('download')
      await first.page.getByRole('button', { name: 'Download folder (.zip)' }).click()
      const download = await downloading
      expect(download.suggestedFilename()).toBe('okra-session-2-match-experience-off-site-2026-11-24.zip')
      const zipPath = resolve(OUT, download.suggestedFilename())
      await download.saveAs(zipPath)
      const listing = execFileSync('unzip', ['-l', zipPath], { encoding: 'utf8' })
      for (const name of ['objectives.md', 'hypotheses.md', 'milestone-candidates.csv', 'clusters-and-types.md', 'workshop.json']) {
        expect(listing).toContain(`okra/session-2/${name}`)
      }

      const csv = execFileSync('unzip', ['-p', zipPath, 'okra/session-2/milestone-candidates.csv'])
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])

      await second.page.goto(baseUrl)
      await second.page.getByRole('heading', { name: 'Workshops' }).waitFor()
      await second.page.getByLabel('Open a backup file', { exact: true }).setInputFiles(zipPath)
      await second.page.getByRole('button', { name: 'Open as a new workshop' }).click()
      await second.page.getByRole('button', { name: 'Open workshop' }).click()
      await second.page.getByRole('heading', { level: 2, name: 'Inventory' }).waitFor()
      await second.page.getByRole('button', { name: 'Download folder (.zip)' }).waitFor()
      // Objectives, key results, hypotheses, milestones with their types, votes and ranks: all as they were.
      const inventory = async (page: Page) => page.locator('.inventory-layout').innerText()
      const before = await inventory(first.page)
      expect(before).toContain('Enable sharing from match details with referral tracking')
      expect(await inventory(second.page)).toBe(before)
    } finally {
      await first.context.close()
      await second.context.close()
    }
  })
})
