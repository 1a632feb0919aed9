import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...extraArgs] })
}

export const TABLET_LANDSCAPE = { width: 1024, height: 768 }
export const TABLET_PORTRAIT = { width: 768, height: 1024 }

/** A simulated tablet: its own browser context, so its own IndexedDB and service worker. */
export async function newTablet(
  browser: Browser,
  viewport = TABLET_LANDSCAPE,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, hasTouch: true, serviceWorkers: 'allow' })
  const page = await context.newPage()
  return { context, page }
}

/** Records every request a page makes that leaves `origin`. */
export function watchForeignRequests(context: BrowserContext, origin: string): string[] {
  const foreign: string[] = []
  context.on('request', request => {
    const url = request.url()
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url)
  })
  return foreign
}
