/**
 * Real WebKit, every step of a realistic workshop: the sample workshop (two objectives, four people,
 * twelve cards, five milestones, votes) is written into the app's IndexedDB, then each step of the
 * workshop is opened from the steps bar, must render its screen without an uncaught error, and must
 * take its first interaction. A screenshot of each step goes to test-results/webkit/.
 *
 * Then, at 1024×768, 768×1024 and 1180×820, no screen may be wider than the viewport (the message names the element
 * that widens it); with WEBKIT_SHOTS=1 a picture of every screen at the first two sizes goes to /tmp/webkit-shots/.
 *
 * Uses the shared preview server (`baseUrl` of global-setup.ts). Needs WebKitWebDriver and Xvfb: see webkit.ts.
 */
import { mkdirSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { isKind, type Rec } from '../../src/domain/types'
import { sampleWorkshop } from '../fixtures/workshop'
import { seedRecords, textIn, workHeading } from './webkit-app'
import { findByRole, saveScreenshot, setViewport, startWebKit, WEBKIT_START_MS, type Browser, type Element, type WebKit } from './webkit'

const SCREENS = resolve(import.meta.dirname, '../../test-results/webkit')
/** With WEBKIT_SHOTS=1, a picture of every step at 1024×768 and 768×1024 goes here (CI leaves it out). */
const SHOTS = process.env.WEBKIT_SHOTS === '1' ? '/tmp/webkit-shots' : undefined

/** The steps, in the order of the steps bar, with the heading of each screen. */
const STEPS = [
  { label: 'Prepare', heading: 'Prepare', file: 'step1-prepare' },
  { label: 'Context', heading: 'Context', file: 'step2-context' },
  { label: 'Team mapping', heading: 'Team mapping', file: 'step3-team-mapping' },
  { label: 'Silent ideation', heading: 'Silent ideation', file: 'step4-silent-ideation' },
  { label: 'Read & cluster', heading: 'Read & cluster', file: 'step5-read-cluster' },
  { label: 'Validation', heading: 'Validation', file: 'step6-validation' },
  { label: 'Prioritize', heading: 'Prioritize', file: 'step7-prioritize' },
  { label: 'Inventory', heading: 'Inventory', file: 'step8-inventory' },
] as const

type StepLabel = (typeof STEPS)[number]['label']

interface PageErrors {
  installed: boolean
  errors: string[]
}

/**
 * Collects, in the page, every uncaught error, unhandled rejection and console.error from now on.
 * A reload loses the collector: install it again after each one.
 */
async function installErrorCollector(browser: Browser): Promise<void> {
  await browser.execute(() => {
    const page = window as unknown as { __e2eErrors?: string[] }
    if (page.__e2eErrors) return
    const errors: string[] = []
    page.__e2eErrors = errors
    const describe = (value: unknown): string =>
      value instanceof Error ? `${value.name}: ${value.message}\n${value.stack ?? ''}` : String(value)
    window.addEventListener('error', event => {
      errors.push(`error: ${event.message} (${event.filename}:${event.lineno}:${event.colno}) ${describe(event.error)}`)
    })
    window.addEventListener('unhandledrejection', event => {
      errors.push(`unhandled rejection: ${describe(event.reason)}`)
    })
    const consoleError = console.error.bind(console)
    console.error = (...args: unknown[]) => {
      errors.push(`console.error: ${args.map(describe).join(' ')}`)
      consoleError(...args)
    }
  })
}

async function pageErrors(browser: Browser): Promise<PageErrors> {
  return browser.execute(() => {
    const page = window as unknown as { __e2eErrors?: string[] }
    return { installed: page.__e2eErrors !== undefined, errors: [...(page.__e2eErrors ?? [])] }
  })
}

/** Fails on any error collected so far, or on the app's own problem banner. */
async function expectNoErrors(browser: Browser, where: string): Promise<void> {
  const { installed, errors } = await pageErrors(browser)
  expect(installed, `the error collector is still installed (${where}): the page was reloaded?`).toBe(true)
  expect(errors, `uncaught errors in WebKit (${where})`).toEqual([])
  const texts: string[] = []
  for (const problem of await browser.$$('.problem[role="alert"]').getElements()) texts.push(await problem.getText())
  expect(texts, `the app reported a problem (${where})`).toEqual([])
}

/** Everything the screen shows in words: its text, and what its fields hold (innerText leaves those out). */
async function screenText(browser: Browser): Promise<string> {
  return browser.execute(() => {
    const fields = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
      .filter(field => field.type !== 'hidden' && field.type !== 'file')
      .map(field => field.value)
    const choices = [...document.querySelectorAll('select')].map(select => select.selectedOptions[0]?.text ?? '')
    return [document.body.innerText, ...fields, ...choices].join('\n')
  })
}

async function waitForValue(browser: Browser, field: Element, value: string, what: string): Promise<void> {
  await browser.waitUntil(async () => (await field.getValue()) === value, {
    timeout: 10_000,
    interval: 100,
    timeoutMsg: `${what} never held "${value}"`,
  })
}

interface CurrentStep {
  /** Its accessible name, as WebKit computes it from the DOM (the step number is aria-hidden). */
  name: string
  /** The words it shows: its visible label, not the visually hidden full name of a step that is not current. */
  shown: string
}

/** The steps that the steps bar marks as current (aria-current="step"): exactly one, once it has settled. */
async function currentSteps(browser: Browser): Promise<CurrentStep[]> {
  const steps: CurrentStep[] = []
  for (const element of await browser.$$('nav[aria-label="Workshop steps"] [aria-current="step"]').getElements()) {
    try {
      const name = await browser.getElementComputedLabel(element.elementId)
      // WebKitGTK's WebDriver element text of the current step is its number alone: read what its label holds.
      const shown = await browser.execute(
        (step: HTMLElement) => step.querySelector<HTMLElement>('.step-label:not([aria-hidden="true"])')?.textContent ?? '',
        element as unknown as HTMLElement,
      )
      steps.push({ name, shown })
    } catch {
      // Re-rendered while we looked: the next poll sees the new one.
    }
  }
  return steps
}

/**
 * The workshop's work area scrolls by itself under the workshop bar (the page does not): how tall its content is,
 * and how much of it shows at once.
 */
async function workArea(browser: Browser): Promise<{ height: number; viewport: number }> {
  return browser.execute(() => {
    const area = document.querySelector<HTMLElement>('main.work-area')
    if (!area) throw new Error('No main.work-area on the page')
    return { height: area.scrollHeight, viewport: area.clientHeight }
  })
}

/**
 * Scrolls the work area to `y` at once, and waits until a frame or two are painted: WebKitGTK's screenshot is of
 * the last painted frame, which right after a scroll still shows the page where it was.
 */
async function scrollAndPaint(browser: Browser, y: number): Promise<void> {
  await browser.execute(
    (top: number) =>
      new Promise<void>((done, fail) => {
        const area = document.querySelector<HTMLElement>('main.work-area')
        if (!area) {
          fail(new Error('No main.work-area on the page'))
          return
        }
        area.scrollTo({ top, left: 0, behavior: 'instant' })
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))
      }),
    y,
  )
}

let webkit: WebKit | undefined
const timings: string[] = []

beforeAll(async () => {
  webkit = await startWebKit()
}, WEBKIT_START_MS)

afterAll(async () => {
  if (timings.length > 0) console.log(`WebKit phases timings: ${timings.join(', ')}`)
  await webkit?.close()
}, 60_000)

test('WebKit: every step of a realistic workshop renders, and takes its first interaction', async () => {
  if (!webkit) throw new Error('WebKit did not start.')
  const { browser } = webkit
  const started = Date.now()
  const lap = (what: string) => timings.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)} s`)
  mkdirSync(SCREENS, { recursive: true })
  const sample = sampleWorkshop()
  const workshopId = sample.workshop.id
  const origin = new URL(inject('baseUrl')).origin

  try {
    // 1. Open the app once (Dexie makes its database), seed the sample workshop, open it.
    await browser.url(`${origin}/`)
    await findByRole(browser, 'heading', 'Workshops', 30_000)
    const stored = await seedRecords(browser, JSON.stringify(sample.records))
    expect(stored).toBe(sample.records.length)
    await browser.url(`${origin}/#/workshop/${workshopId}`)
    await browser.refresh()
    expect(await (await findByRole(browser, 'heading', sample.workshop.fields.title, 30_000)).getTagName()).toBe('h1')
    await installErrorCollector(browser)
    lap('seeded')

    const nav = await browser.$('nav[aria-label="Workshop steps"]').getElement()
    await nav.waitForDisplayed({ timeout: 15_000 })
    const labels: string[] = []
    for (const step of await nav.$$('button').getElements()) labels.push(await step.getComputedLabel())
    expect(labels, 'the steps bar').toEqual(STEPS.map(step => step.label))

    const open = async (label: StepLabel) => {
      const step = STEPS.find(candidate => candidate.label === label)
      if (!step) throw new Error(`No step ${label}`)
      await (await findByRole(browser, 'button', step.label, 15_000, nav)).click()
      let current: CurrentStep[] = []
      await browser
        .waitUntil(
          async () => {
            current = await currentSteps(browser)
            return current.length === 1 && current[0]!.name === step.label && current[0]!.shown === step.label
          },
          { timeout: 10_000, interval: 100 },
        )
        .catch(() => {
          throw new Error(
            `The steps bar does not mark ${step.label} as the current step, named and shown in full ` +
              `(current: ${JSON.stringify(current)})`,
          )
        })
      // The step's screen is loaded on first use: wait for its heading, in the work area, before looking closer.
      await browser.waitUntil(
        async () => (await workHeading(browser)) === step.heading,
        { timeout: 20_000, timeoutMsg: `The ${step.label} screen never showed its heading` },
      )
      const heading = await findByRole(browser, 'heading', step.heading, 10_000)
      expect(await heading.getTagName()).toBe('h2')
      await expectNoErrors(browser, `opening ${step.label}`)
    }
    const shoot = async (label: StepLabel) => {
      const step = STEPS.find(candidate => candidate.label === label)
      if (!step) throw new Error(`No step ${label}`)
      await scrollAndPaint(browser, 0)
      await saveScreenshot(browser, resolve(SCREENS, `${step.file}.png`))
      // WebDriver shows only the viewport: the rest of the work area, a screenful at a time (at most 4 more).
      const { height, viewport } = await workArea(browser)
      for (let part = 2; part <= 5; part++) {
        const file = resolve(SCREENS, `${step.file}-${part}.png`)
        if ((part - 1) * viewport < height) {
          await scrollAndPaint(browser, (part - 1) * viewport)
          await saveScreenshot(browser, file)
        } else {
          // Not this time: an earlier run's picture of a longer screen would mislead.
          rmSync(file, { force: true })
        }
      }
      await scrollAndPaint(browser, 0)
    }

    // Prepare: a third objective.
    await open('Prepare')
    // A one-line title is a one-line field, also where CSS `field-sizing: content` is missing (ui/autogrow.ts).
    await expectOneLine(browser, 'Objective 1')
    await shoot('Prepare')
    const objective = 'Keep players coming back every week'
    await (await findByRole(browser, 'textbox', 'New objective')).setValue(objective)
    await (await findByRole(browser, 'button', 'Add objective')).click()
    await waitForValue(browser, await findByRole(browser, 'textbox', 'Objective 3'), objective, 'Objective 3')
    await expectNoErrors(browser, 'adding an objective')
    lap('prepare')

    // Context: the next objective's slide (three objectives now).
    await open('Context')
    await shoot('Context')
    await findByRole(browser, 'heading', sample.objectives[0]!.fields.title)
    await (await findByRole(browser, 'button', 'Next objective')).click()
    await findByRole(browser, 'heading', sample.objectives[1]!.fields.title)
    expect(await textIn(browser, '.present-position')).toBe('Objective 2 of 3')
    await expectNoErrors(browser, 'the next objective')
    lap('context')

    // Team mapping: Pair 1 adds something it owns.
    await open('Team mapping')
    await shoot('Team mapping')
    await (await findByRole(browser, 'button', 'Pair 1')).click()
    await findByRole(browser, 'heading', 'What Pair 1 owns')
    const owned = 'Match replay viewer'
    await (await findByRole(browser, 'textbox', 'New owned item')).setValue(owned)
    await (await findByRole(browser, 'button', 'Add item')).click()
    await browser.waitUntil(async () => (await textIn(browser, 'ol[aria-label="Owned by Pair 1"]')).includes(owned), {
      timeout: 10_000,
      timeoutMsg: `“${owned}” never showed in Pair 1’s list`,
    })
    await expectNoErrors(browser, 'adding an owned item')
    lap('mapping')

    // Silent ideation: Ana's seat is sealed (she wrote cards): a tap on her name shows a door, not her words; she
    // opens her seat, writes a card and passes the tablet on; her words are gone from the screen.
    await open('Silent ideation')
    await shoot('Silent ideation')
    const ana = sample.people[0]!
    expect(ana.fields.name).toBe('Ana')
    const anasCard = sample.records.find(
      (record): record is Rec<'card'> => isKind(record, 'card') && record.fields.authorId === ana.id,
    )
    if (!anasCard) throw new Error('Ana wrote no card in the sample workshop')
    const anasWords = anasCard.fields.text
    await (await findByRole(browser, 'button', 'Ana')).click()
    await findByRole(browser, 'heading', 'Hand the tablet to Ana — only Ana should look')
    expect(await screenText(browser), 'Ana’s sealed cards stay hidden behind her seat’s door').not.toContain(anasWords)
    await (await findByRole(browser, 'button', 'I am Ana — open my cards')).click()
    await findByRole(browser, 'heading', 'Ana’s cards')
    await browser.waitUntil(async () => (await textIn(browser, 'ol[aria-label="Ana’s cards"]')).includes(anasWords), {
      timeout: 10_000,
      timeoutMsg: `Ana’s own card “${anasWords}” is not in her list once she opened her seat`,
    })
    const idea = 'Badge for players who rate ten matches'
    await (await findByRole(browser, 'textbox', 'New card')).setValue(idea)
    await (await findByRole(browser, 'button', 'Add card')).click()
    // Each card is a field of its own (its text stays editable until the tablet is passed on).
    await browser.waitUntil(async () => (await textIn(browser, 'ol[aria-label="Ana’s cards"]')).includes(idea), {
      timeout: 10_000,
      timeoutMsg: 'Ana’s new card never showed in her list',
    })
    expect(await screenText(browser)).toContain(idea)
    await (await findByRole(browser, 'button', 'Done — pass it on')).click()
    await findByRole(browser, 'heading', 'Pass the tablet on')
    expect(await screenText(browser), 'Ana’s card is hidden once she passed the tablet on').not.toContain(idea)
    await expectNoErrors(browser, 'writing a card')
    lap('ideation')

    // Read & cluster: select an ungrouped card, make it a milestone.
    await open('Read & cluster')
    await expectOneLine(browser, 'Milestone 1 title')
    await shoot('Read & cluster')
    const milestonesBefore = (await browser.$$('.milestone-panel').getElements()).length
    expect(milestonesBefore).toBe(sample.milestones.length)
    const ungrouped = await browser.$('ul[aria-label="Ungrouped cards"]').getElement()
    await ungrouped.waitForDisplayed({ timeout: 10_000 })
    const cardButton = await ungrouped.$('button[aria-pressed]').getElement()
    const cardText = await cardButton.$('.card-text').getText()
    expect(await cardButton.getAttribute('aria-pressed')).toBe('false')
    await cardButton.click()
    await browser.waitUntil(async () => (await cardButton.getAttribute('aria-pressed')) === 'true', {
      timeout: 10_000,
      timeoutMsg: 'Tapping a card did not select it (aria-pressed)',
    })
    await (await findByRole(browser, 'button', 'New milestone from 1 card')).click()
    const fresh = await findByRole(browser, 'region', `Milestone ${milestonesBefore + 1}`)
    await browser.waitUntil(async () => (await fresh.getText()).includes(cardText), {
      timeout: 10_000,
      timeoutMsg: `The new milestone does not hold “${cardText}”`,
    })
    await expectNoErrors(browser, 'making a milestone')
    lap('cluster')

    // Validation: the screen renders, with the milestones to check, the new one included.
    await open('Validation')
    await shoot('Validation')
    await browser.waitUntil(async () => (await textIn(browser, 'main.work-area')).includes(`${milestonesBefore + 1} milestones`), {
      timeout: 10_000,
      timeoutMsg: `Validation does not count ${milestonesBefore + 1} milestones`,
    })
    lap('validation')

    // Prioritize: Ben puts one more dot on a milestone.
    await open('Prioritize')
    await shoot('Prioritize')
    await (await findByRole(browser, 'button', 'Ben')).click()
    await findByRole(browser, 'heading', 'Ben is voting')
    const title = sample.milestones[0]!.fields.title
    const dots = await browser.$(`[aria-label^="Your votes on ${title}: "]`).getElement()
    await dots.waitForExist({ timeout: 10_000 })
    const before = Number((await dots.getAttribute('aria-label'))?.split(': ').pop())
    expect(before).toBe(0)
    await (await findByRole(browser, 'button', `+1 vote on ${title}`)).click()
    await browser.waitUntil(async () => (await dots.getComputedLabel()) === `Your votes on ${title}: ${before + 1}`, {
      timeout: 10_000,
      timeoutMsg: `“+1 vote on ${title}” did not raise Ben’s votes on it`,
    })
    await expectNoErrors(browser, 'voting')
    lap('prioritize')

    // Inventory: the coverage gaps are there.
    await open('Inventory')
    await browser.waitUntil(
      async () => {
        for (const heading of await browser.$$('h3').getElements()) {
          const text = await heading.getText().catch(() => '')
          if (text.startsWith('Coverage gaps (')) return true
        }
        return false
      },
      { timeout: 10_000, timeoutMsg: 'The inventory shows no “Coverage gaps (…)” heading' },
    )
    await shoot('Inventory')
    await expectNoErrors(browser, 'the inventory')
    lap('inventory')

    // Nothing ever tried to reach another host.
    expect(webkit.foreignRequests()).toEqual([])
  } catch (error) {
    await saveScreenshot(browser, resolve(SCREENS, 'failure.png')).catch(() => undefined)
    const collected = await pageErrors(browser).catch(() => undefined)
    if (collected?.errors.length) console.error(`Errors in the page:\n${collected.errors.join('\n')}`)
    throw error
  }
})

interface Overflow {
  scrollWidth: number
  innerWidth: number
  /** The element reaching furthest right beyond the viewport, not clipped by a scroller: what widens the page. */
  widest: string
}

/** How wide the page is against its viewport, and, when wider, which element makes it so. */
async function pageOverflow(browser: Browser): Promise<Overflow> {
  return browser.execute(() => {
    const viewport = window.innerWidth
    const scrollWidth = document.documentElement.scrollWidth
    if (scrollWidth <= viewport) return { scrollWidth, innerWidth: viewport, widest: '' }
    // An element inside a box that clips or scrolls sideways does not widen the page: only the others count.
    const clips = (element: HTMLElement) => getComputedStyle(element).overflowX !== 'visible'
    let widest: { element: HTMLElement; right: number; width: number } | undefined
    const visit = (element: HTMLElement) => {
      for (const child of [...element.children] as HTMLElement[]) {
        const box = child.getBoundingClientRect()
        const right = box.right + window.scrollX
        if ((box.width > 0 || box.height > 0) && right > viewport && (!widest || right >= widest.right)) {
          widest = { element: child, right, width: box.width }
        }
        if (!clips(child)) visit(child)
      }
    }
    visit(document.body)
    if (!widest) return { scrollWidth, innerWidth: viewport, widest: 'no element (a pseudo-element or a margin?)' }
    const { element, right, width } = widest
    const name =
      element.tagName.toLowerCase() +
      (element.id ? `#${element.id}` : '') +
      [...element.classList].map(name => `.${name}`).join('')
    const words = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 50)
    return {
      scrollWidth,
      innerWidth: viewport,
      widest: `${name} “${words}” (${Math.round(width)}px wide, its right edge at ${Math.round(right)}px)`,
    }
  })
}

/** Waits until the screen is still: its animations (a slide's entrance, say) have finished. */
async function settle(browser: Browser): Promise<void> {
  await browser.execute(() =>
    Promise.race([
      Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => undefined))),
      new Promise(done => setTimeout(done, 3000)),
    ]).then(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))),
  )
}

const SIZES = [
  { width: 1024, height: 768, shots: true },
  { width: 768, height: 1024, shots: true },
  { width: 1180, height: 820, shots: false },
] as const

test('WebKit: no screen is wider than the tablet, at 1024×768, 768×1024 and 1180×820', async () => {
  if (!webkit) throw new Error('WebKit did not start.')
  const { browser } = webkit
  const sample = sampleWorkshop()
  const origin = new URL(inject('baseUrl')).origin
  await browser.url(`${origin}/#/`)
  await findByRole(browser, 'heading', 'Workshops', 30_000)
  await seedRecords(browser, JSON.stringify(sample.records))
  await browser.refresh()
  await findByRole(browser, 'heading', 'Workshops', 30_000)
  if (SHOTS) mkdirSync(SHOTS, { recursive: true })

  try {
    for (const size of SIZES) {
      const at = `${size.width}×${size.height}`
      await setViewport(browser, size.width, size.height)
      const look = async (what: string, file: string, hasWorkArea = true) => {
        await settle(browser)
        const overflow = await pageOverflow(browser)
        expect
          .soft(
            overflow.scrollWidth,
            `${what} at ${at}: the page is ${overflow.scrollWidth}px wide in a ${overflow.innerWidth}px viewport; widest: ${overflow.widest}`,
          )
          .toBeLessThanOrEqual(overflow.innerWidth)
        if (!SHOTS || !size.shots) return
        if (hasWorkArea) await scrollAndPaint(browser, 0)
        await saveScreenshot(browser, resolve(SHOTS, `${size.width}x${size.height}-${file}.png`))
        // The rest of a long work area, a screenful at a time (at most 2 more).
        const area = hasWorkArea ? await workArea(browser) : undefined
        for (let part = 2; area && part <= 3 && (part - 1) * area.viewport < area.height; part++) {
          await scrollAndPaint(browser, (part - 1) * area.viewport)
          await saveScreenshot(browser, resolve(SHOTS, `${size.width}x${size.height}-${file}-${part}.png`))
        }
        if (area) await scrollAndPaint(browser, 0)
      }

      await browser.url(`${origin}/#/`)
      await findByRole(browser, 'heading', 'Workshops', 30_000)
      await look('The list of workshops', 'step0-home', false)
      await browser.url(`${origin}/#/workshop/${sample.workshop.id}`)
      const nav = await browser.$('nav[aria-label="Workshop steps"]').getElement()
      await nav.waitForDisplayed({ timeout: 15_000 })
      for (const [index, step] of STEPS.entries()) {
        const button = (await nav.$$('button[data-phase]').getElements())[index]
        if (!button) throw new Error(`The steps bar has no step ${index + 1} (${step.label})`)
        await button.click()
        await browser.waitUntil(async () => (await workHeading(browser)) === step.heading, {
          timeout: 20_000,
          timeoutMsg: `The ${step.label} screen never showed its heading at ${at}`,
        })
        await look(step.label, step.file)
      }
    }
  } catch (error) {
    await saveScreenshot(browser, resolve(SCREENS, 'layout-failure.png')).catch(() => undefined)
    throw error
  }
})

/** A field that holds one line of text is one line tall (soft: the run goes on to the next screens). */
async function expectOneLine(browser: Browser, name: string) {
  const field = await findByRole(browser, 'textbox', name)
  const fieldFit = () =>
    browser.execute((element: HTMLElement) => {
      const style = getComputedStyle(element)
      const twoLines = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + 2 * parseFloat(style.lineHeight)
      return { height: element.offsetHeight, twoLines }
    }, field as unknown as HTMLElement)
  await browser
    .waitUntil(async () => {
      const { height, twoLines } = await fieldFit()
      return height < twoLines
    }, { timeout: 3_000, interval: 100 })
    .catch(() => undefined)
  const fit = await fieldFit()
  expect.soft(fit.height, `"${name}" holds one line of text, and is ${fit.height}px tall (two lines: ${fit.twoLines}px)`).toBeLessThan(fit.twoLines)
}
