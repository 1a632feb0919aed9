import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { makeStamp } from '../../src/domain/clock'
import type { MilestoneType } from '../../src/domain/milestone-types'
import { createRecord } from '../../src/domain/record'
import type { AnyRec, Fields, Kind } from '../../src/domain/types'
import { writeBackup } from '../../src/exchange/backup'
import { sampleWorkshop } from '../fixtures/workshop'
import { injectAxe } from './axe'
import { launchChromium, newTablet, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './browser'
import { openSampleWorkshop } from './open-sample'

/**
 * The inventory on paper, printed from the same tree as the screen: page 1 is the summary with
 * every milestone in rank order and its votes, then each milestone once as the method's card,
 * none cut across two pages, the sample on at most three A4 pages. The pages are also rendered
 * to PNG to be looked at.
 */

const OUT = resolve(import.meta.dirname, '../../test-results/print')

/** The sample workshop's milestones in rank order once voting is closed. */
const RANKED = [
  { title: 'Enable sharing from match details with referral tracking', type: 'Epic', votes: 6, hypothesis: "If users can share with attribution, then they'll invite more friends" },
  { title: 'Email-based match feedback form', type: 'Epic', votes: 3, hypothesis: 'If we make feedback easier, then more players will submit ratings' },
  { title: 'Run A/B test on invite reward copy', type: 'not set', votes: 2, hypothesis: "If users can share with attribution, then they'll invite more friends" },
  { title: 'Explore new ranking algorithm', type: 'Spike', votes: 1, hypothesis: 'If rankings reflect skill better, then fewer matches feel unfair' },
  { title: 'Set up match history API cache', type: 'Enabler', votes: 0, hypothesis: 'If rankings reflect skill better, then fewer matches feel unfair' },
]

const flat = (text: string) => text.replace(/\s+/g, ' ')
const votesText = (votes: number) => (votes === 1 ? '1 vote' : `${votes} votes`)

/**
 * The PDF's text in the order it was drawn, so a table cell that wraps still reads as one run;
 * a line broken after a hyphen ("friend-" / "online") is joined back.
 */
function pdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)]
  return flat(execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8' })).replace(/-\s(?=\S)/g, '-')
}

function pageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(/Pages:\s+(\d+)/.exec(info)![1])
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1
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

async function printPdf(page: Page, file: string, format: 'A4' | 'Letter') {
  await page.emulateMedia({ media: 'print' })
  writeFileSync(file, await page.pdf({ format, printBackground: true }))
  await page.emulateMedia({ media: 'screen' })
}

/**
 * Page 1 lists the titles in rank order, each with its votes; over the whole PDF each title
 * shows twice (summary and card), and each card (its step, its title, its last line) sits on one page.
 */
function expectSummaryThenCards(file: string, ranked: readonly { title: string; votes: number }[], label: string) {
  const first = pdfText(file, 1)
  let from = 0
  for (const [index, m] of ranked.entries()) {
    const at = first.indexOf(m.title, from)
    expect(at, `${label}: page 1 lists ${m.title} after the one ranked before it`).toBeGreaterThanOrEqual(from)
    const next = index + 1 < ranked.length ? first.indexOf(ranked[index + 1]!.title, at) : first.length
    expect(first.slice(at, next), `${label}: ${m.title}'s votes on its row`).toContain(` ${votesText(m.votes)}`)
    from = at + m.title.length
  }

  const whole = pdfText(file)
  for (const m of ranked) expect(occurrences(whole, m.title), `${label}: ${m.title} printed twice`).toBe(2)

  const pages = Array.from({ length: pageCount(file) }, (_, i) => pdfText(file, i + 1))
  for (const m of ranked) {
    const p = pages.findIndex(text => text.includes(`Milestone: ${m.title}`))
    expect(p, `${label}: ${m.title}'s card`).toBeGreaterThan(0)
    const title = pages[p]!.indexOf(`Milestone: ${m.title}`)
    const head = pages[p]!.lastIndexOf(' of the order of work', title)
    expect(head, `${label}: ${m.title}'s card begins on the page of its title`).toBeGreaterThanOrEqual(0)
    expect(pages[p]!.indexOf('Validates:', title), `${label}: ${m.title}'s card ends on that page`).toBeGreaterThan(title)
  }
}

/**
 * The sample workshop grown to 12 milestones over 3 objectives, voting closed, with unlocks,
 * long "validates" texts and a tie for first: a room's full harvest, to print and look at.
 */
async function bigInventory() {
  const sample = sampleWorkshop({ phase: 'inventory', title: 'Spring off-site' })
  const records: AnyRec[] = sample.records.map(r =>
    r.kind === 'workshop' ? ({ ...r, fields: { ...r.fields, votingClosed: true, votesPerPerson: 12 } } as AnyRec) : r,
  )
  let counter = 0
  const make = <K extends Kind>(kind: K, id: string, fields: Fields<K>) => {
    const stamp = makeStamp({ wall: Date.UTC(2026, 10, 24, 10), counter: ++counter }, 'fixture0device00')
    records.push(createRecord(kind, id, sample.workshop.id, fields, stamp) as unknown as AnyRec)
    return id
  }
  const retention = make('objective', 'objective-retention', { title: 'Keep new players coming back after their first week', position: 3 })
  const krs = [
    make('keyResult', 'kr-retention-1', { objectiveId: retention, text: 'Week-2 retention up to 45%', position: 1 }),
    make('keyResult', 'kr-retention-2', { objectiveId: retention, text: 'Lapsed players returning up 10%', position: 2 }),
  ]
  const hypotheses = [
    make('hypothesis', 'h-guided', { objectiveId: retention, keyResultIds: [krs[0]!], text: 'If new players get a guided first match, then more of them return in week 2', position: 4, evidence: 'none', importance: 'high' }),
    make('hypothesis', 'h-remind', { objectiveId: retention, keyResultIds: [krs[1]!], text: 'If we remind lapsed players that friends are online, then they come back', position: 5, evidence: 'some', importance: 'low' }),
  ]
  const [, ranking, sharing] = sample.hypotheses.map(h => h.id)
  // The room marked sharing as mattering with no evidence yet: with only Epics and an untyped test, it stands out.
  for (const [index, record] of records.entries()) {
    if (record.id !== sharing) continue
    const stamp = makeStamp({ wall: Date.UTC(2026, 10, 24, 10), counter: ++counter }, 'fixture0device00')
    records[index] = {
      ...record,
      fields: { ...record.fields, evidence: 'none', importance: 'high' },
      stamps: { ...record.stamps, evidence: stamp, importance: stamp },
    } as AnyRec
  }
  // The sample's key results: three for trust, then three for growth.
  const [, badMatchesKr, , , , conversionKr] = sample.records.filter(r => r.kind === 'keyResult').map(r => r.id)
  const extra: { id: string; title: string; type: MilestoneType; hypothesisId: string; keyResultId?: string; unlocks?: string[]; validates: string }[] = [
    { id: 'm-guided', title: 'Guided first match for new players', type: 'epic', hypothesisId: hypotheses[0]!, keyResultId: krs[0]!, validates: 'Whether a guided match lifts week-2 retention by five points.' },
    { id: 'm-tracking', title: 'Set up retention event tracking', type: 'enabler', hypothesisId: hypotheses[0]!, keyResultId: krs[0]!, unlocks: ['m-guided', 'm-fake-door'], validates: 'Nothing by itself: it makes retention visible per cohort.' },
    { id: 'm-fake-door', title: 'Fake-door test for friend-online reminders', type: 'signal-test', hypothesisId: hypotheses[1]!, keyResultId: krs[1]!, validates: 'Whether lapsed players tap a reminder at all. '.repeat(3) },
    { id: 'm-push', title: 'Spike: push delivery on Android and iOS', type: 'spike', hypothesisId: hypotheses[1]!, keyResultId: krs[1]!, validates: 'How many reminders arrive within a minute on the tablets and phones players own.' },
    { id: 'm-interviews', title: 'Interview ten players who quit after one week', type: 'spike', hypothesisId: hypotheses[0]!, validates: 'Why players leave, in their own words. '.repeat(4) },
    { id: 'm-reward', title: 'Reward both inviter and friend', type: 'epic', hypothesisId: sharing!, keyResultId: conversionKr!, validates: 'Whether a shared reward lifts invite conversion above 25%.' },
    { id: 'm-survey', title: 'Match fairness survey after ranked games', type: 'signal-test', hypothesisId: ranking!, keyResultId: badMatchesKr!, validates: 'Whether players call fewer matches unfair after the ranking change.' },
  ]
  for (const m of extra) {
    make('milestone', m.id, { title: m.title, type: m.type, hypothesisId: m.hypothesisId, keyResultId: m.keyResultId ?? null, objectiveId: null, unlocks: m.unlocks ?? [], validates: m.validates })
  }
  const [ana, ben, chloe, dev] = sample.people.map(p => p.id)
  const votes: [string, string, number][] = [
    [ben!, 'm-guided', 3],
    [chloe!, 'm-guided', 3],
    [dev!, 'm-tracking', 3],
    [ana!, 'm-tracking', 1],
    [ben!, 'm-fake-door', 2],
    [dev!, 'm-survey', 2],
    [chloe!, 'm-reward', 1],
  ]
  for (const [participantId, milestoneId, count] of votes) {
    for (let dot = 0; dot < count; dot++) {
      make('vote', `dot-${participantId}-${milestoneId}-${dot}`, { participantId, milestoneId, tieBreakId: null })
    }
  }
  const backup = await writeBackup({ workshop: records[0] as never, records, deviceId: 'fixture0device00' })
  // Rank order: votes, then title, as every tablet ranks them; the two with 6 share first place.
  const ranked = [
    { title: 'Enable sharing from match details with referral tracking', votes: 6 },
    { title: 'Guided first match for new players', votes: 6 },
    { title: 'Set up retention event tracking', votes: 4 },
    { title: 'Email-based match feedback form', votes: 3 },
    { title: 'Fake-door test for friend-online reminders', votes: 2 },
    { title: 'Match fairness survey after ranked games', votes: 2 },
    { title: 'Run A/B test on invite reward copy', votes: 2 },
    { title: 'Explore new ranking algorithm', votes: 1 },
    { title: 'Reward both inviter and friend', votes: 1 },
    { title: 'Interview ten players who quit after one week', votes: 0 },
    { title: 'Set up match history API cache', votes: 0 },
    { title: 'Spike: push delivery on Android and iOS', votes: 0 },
  ]
  return { backup, ranked }
}

describe('printing the inventory', () => {
  let browser: Browser
  const baseUrl = process.env.E2E_BASE_URL ?? inject('baseUrl')

  beforeAll(async () => {
    browser = await launchChromium()
    mkdirSync(OUT, { recursive: true })
    for (const old of readdirSync(OUT).filter(name => name.endsWith('.png'))) rmSync(resolve(OUT, old))
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('prints a summary page with every milestone ranked, then each milestone once, on at most three pages', async () => {
    const { context, page } = await newTablet(browser)
    try {
      await page.goto(baseUrl)
      await openSampleWorkshop(page, { phase: 'vote' })
      await closeVotingAndOpenInventory(page)
      await page.emulateMedia({ media: 'print' })
      // In print, the app's chrome is gone and only the inventory shows.
      expect(await page.getByRole('navigation', { name: 'Workshop steps' }).isVisible()).toBe(false)
      expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false)
      expect(await page.getByRole('button', { name: /All workshops/ }).isVisible()).toBe(false)

      for (const format of ['A4', 'Letter'] as const) {
        const file = resolve(OUT, `inventory-${format}.pdf`)
        await printPdf(page, file, format)
        const first = pdfText(file, 1)
        expect(first).toContain('Match experience off-site')
        expect(first).toContain('2026-11-24')
        expect(first).toContain('participants are not named')
        expect(first).toContain('Build trust through match experiences')
        expect(first).toContain('Coverage gaps (')
        expectSummaryThenCards(file, RANKED, format)

        // Each card carries the method's fields: its type and its hypothesis.
        const whole = pdfText(file)
        for (const m of RANKED) {
          const at = whole.indexOf(`Milestone: ${m.title}`)
          const card = whole.slice(at, whole.indexOf('Validates:', at))
          expect(card).toContain(`Type: ${m.type}`)
          expect(card).toContain(`Hypothesis: ${m.hypothesis}`)
        }
      }
      expect(pageCount(resolve(OUT, 'inventory-A4.pdf'))).toBeLessThanOrEqual(3)

      // The A4 pages as pictures, to be looked at.
      execFileSync('pdftoppm', ['-png', '-r', '60', resolve(OUT, 'inventory-A4.pdf'), resolve(OUT, 'inventory-A4')])
      expect(readdirSync(OUT).filter(name => name.startsWith('inventory-A4') && name.endsWith('.png')).length).toBe(
        pageCount(resolve(OUT, 'inventory-A4.pdf')),
      )
    } finally {
      await context.close()
    }
  })

  it('prints a full harvest of 12 milestones the same way, a tie shown as a tie', async () => {
    const { context, page } = await newTablet(browser)
    const { backup, ranked } = await bigInventory()
    try {
      await page.goto(baseUrl)
      await page.getByRole('heading', { name: 'Workshops' }).waitFor()
      await page.getByLabel('Open a backup file', { exact: true }).setInputFiles({
        name: 'big.json',
        mimeType: 'application/json',
        buffer: Buffer.from(backup),
      })
      await page.getByRole('button', { name: 'Restore on this tablet' }).click()
      await page.getByRole('button', { name: 'Open workshop' }).click()
      await page.getByRole('heading', { level: 2, name: 'Inventory' }).waitFor()
      await page.getByRole('button', { name: 'Download folder (.zip)' }).waitFor()
      // The screen inventory, in both orientations, passes axe (WCAG A and AA, contrast included).
      await injectAxe(page)
      for (const viewport of [TABLET_LANDSCAPE, TABLET_PORTRAIT]) {
        await page.setViewportSize(viewport)
        const violations = await page.evaluate(async () => {
          const axe = (window as unknown as { axe: { run: (context: string, options: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe
          const result = await axe.run('.inventory', { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa'] })
          return result.violations.map(v => `${v.id} (${v.nodes.length})`)
        })
        expect(violations, `${viewport.width}×${viewport.height}`).toEqual([])
      }
      await page.setViewportSize(TABLET_LANDSCAPE)

      // A shell whose work area scrolls inside a full-viewport column, as on a tablet: every page still prints.
      // A constructed sheet, which the app's Content-Security-Policy allows, unlike an inline <style>.
      await page.evaluate(css => {
        const sheet = new CSSStyleSheet()
        sheet.replaceSync(css)
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
      }, `html, body { height: 100%; overflow: hidden }
          main.workshop { height: 100vh; display: flex; flex-direction: column; overflow: hidden }
          main.workshop > .inventory { flex: 1; min-height: 0; overflow: auto }`)
      const file = resolve(OUT, 'big-inventory-A4.pdf')
      await printPdf(page, file, 'A4')
      expect(pageCount(file)).toBeGreaterThanOrEqual(3)
      expectSummaryThenCards(file, ranked, 'big')
      const first = pdfText(file, 1)
      expect(occurrences(first, 'tied for 1st')).toBe(2)
      expect(first).not.toMatch(/(?<!tied for) 1st /)
      // What it unlocks is named by its step, so the title is not printed a third time.
      expect(pdfText(file)).toMatch(/Unlocks: Step \d+, Step \d+/)
      // Where to learn the most is on the summary, before the cards: what matters and nothing tests first, flagged once.
      const whole = pdfText(file)
      const learnAt = whole.indexOf('Where to learn the most')
      expect(learnAt).toBeGreaterThan(0)
      expect(learnAt).toBeLessThan(whole.indexOf('Milestone: '))
      const learn = whole.slice(learnAt, whole.indexOf('Coverage gaps', learnAt))
      expect(occurrences(learn, 'Matters, and nothing tests it')).toBe(1)
      expect(learn.indexOf('If users can share')).toBeLessThan(learn.indexOf('If new players get a guided'))
      expect(learn.indexOf('If new players get a guided')).toBeLessThan(learn.indexOf('If we remind lapsed players'))
      execFileSync('pdftoppm', ['-png', '-r', '60', file, resolve(OUT, 'big-A4')])
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
      // Its text content, not innerText: milestone cards far off screen are not laid out (content-visibility).
      const inventory = async (page: Page) => page.locator('.inv-report').evaluate(report => report.textContent ?? '')
      const before = await inventory(first.page)
      expect(before).toContain('Enable sharing from match details with referral tracking')
      expect(await inventory(second.page)).toBe(before)
    } finally {
      await first.context.close()
      await second.context.close()
    }
  })
})
