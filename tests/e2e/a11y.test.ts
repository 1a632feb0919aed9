import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { injectAxe } from './axe'
import { launchChromium, newTablet, TABLET_LANDSCAPE, TABLET_PORTRAIT } from './browser'
import { openSampleWorkshop } from './open-sample'
import { dismissOfflineNotice, openStep, PHASES } from './walk'

/**
 * axe-core, bundled from npm (no network), on every screen of a whole workshop at both tablet
 * sizes: no serious or critical violation anywhere, dialogs and menus open included.
 */
interface Finding {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

async function audit(page: Page): Promise<Finding[]> {
  await injectAxe(page)
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      // Off by default as experimental, yet it is what voice control needs: the visible words in the name.
      rules: { 'label-content-name-mismatch': { enabled: true } },
    })
    return result.violations
      .filter(violation => violation.impact === 'serious' || violation.impact === 'critical')
      .map(violation => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        targets: violation.nodes.slice(0, 6).map(node => `${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
      }))
  })
}

function describeFindings(screen: string, findings: Finding[]): string[] {
  return findings.map(finding => `${screen}: ${finding.id} (${finding.impact}) ${finding.help}\n    ${finding.targets.join('\n    ')}`)
}

describe('accessibility of every screen (axe-core)', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  for (const viewport of [TABLET_LANDSCAPE, TABLET_PORTRAIT]) {
    const size = `${viewport.width}x${viewport.height}`
    it(`has no serious or critical violation on any screen at ${size}`, async () => {
      const { context, page } = await newTablet(browser, viewport)
      const problems: string[] = []
      const check = async (screen: string) => {
        problems.push(...describeFindings(screen, await audit(page)))
      }

      await page.goto(inject('baseUrl'))
      await page.getByRole('heading', { name: 'Workshops' }).waitFor()
      await dismissOfflineNotice(page)
      await check('home, empty')
      await page.getByRole('button', { name: 'New workshop' }).click()
      await page.getByRole('dialog', { name: 'New workshop' }).waitFor()
      await check('new workshop dialog')
      await page.keyboard.press('Escape')
      await page.getByRole('dialog', { name: 'New workshop' }).waitFor({ state: 'detached' })

      await openSampleWorkshop(page)
      for (const phase of PHASES) {
        await openStep(page, phase)
        await check(`step ${phase}`)
      }

      await openStep(page, 'context')
      await page.getByRole('button', { name: 'Full screen' }).click()
      await page.getByRole('button', { name: 'Leave full screen' }).waitFor()
      await page.evaluate(() => Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => undefined))))
      await check('context, present mode')
      await page.getByRole('button', { name: 'Leave full screen' }).click()

      await page.getByRole('button', { name: 'Share', exact: true }).click()
      await page.getByRole('button', { name: 'Show join code' }).waitFor()
      await check('share menu open')
      await page.getByRole('button', { name: 'Show join code' }).click()
      await page.getByRole('dialog', { name: /^Join code for/ }).waitFor()
      await check('join code')
      await page.getByRole('dialog', { name: /^Join code for/ }).getByRole('button', { name: 'Close' }).click()

      await openStep(page, 'vote')
      await page.getByRole('button', { name: 'Close voting' }).click()
      await page.getByRole('alertdialog', { name: 'Close voting?' }).waitFor()
      await check('confirm dialog open')
      await page.keyboard.press('Escape')
      await page.getByRole('alertdialog', { name: 'Close voting?' }).waitFor({ state: 'detached' })

      await page.getByRole('button', { name: '← All workshops' }).click()
      await page.getByRole('button', { name: /^Open / }).first().waitFor()
      await check('home, one workshop')

      if (problems.length > 0) console.error(`axe at ${size}:\n${problems.join('\n')}`)
      expect(problems).toEqual([])
      await context.close()
    })
  }
})
