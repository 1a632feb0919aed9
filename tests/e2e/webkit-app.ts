/**
 * The app as the WebKit end-to-end tests drive it: seeding a tablet's database, reading what the
 * screen shows, the steps bar and the Share menu. Needs WebKitWebDriver and Xvfb: see webkit.ts.
 */
import { findByRole, type Browser } from './webkit'

/** Writes every record straight into the app's IndexedDB (made by Dexie on the first visit). */
export async function seedRecords(browser: Browser, recordsJson: string): Promise<number> {
  return browser.execute(async (json: string) => {
    const records = JSON.parse(json) as unknown[]
    const db = await new Promise<IDBDatabase>((resolveOpen, reject) => {
      const request = indexedDB.open('okra-harvest')
      request.onsuccess = () => resolveOpen(request.result)
      request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'))
      request.onblocked = () => reject(new Error('indexedDB.open was blocked'))
    })
    try {
      await new Promise<void>((resolveTx, reject) => {
        const tx = db.transaction('records', 'readwrite')
        const store = tx.objectStore('records')
        for (const record of records) store.put(record)
        tx.oncomplete = () => resolveTx()
        tx.onerror = () => reject(tx.error ?? new Error('the seeding transaction failed'))
        tx.onabort = () => reject(tx.error ?? new Error('the seeding transaction was aborted'))
      })
      return await new Promise<number>((resolveCount, reject) => {
        const request = db.transaction('records', 'readonly').objectStore('records').count()
        request.onsuccess = () => resolveCount(request.result)
        request.onerror = () => reject(request.error ?? new Error('count failed'))
      })
    } finally {
      db.close()
    }
  }, recordsJson)
}

/** What one part of the screen shows in words, its fields' values included ('' when it is not there). */
export async function textIn(browser: Browser, selector: string): Promise<string> {
  return browser.execute((css: string) => {
    const root = document.querySelector<HTMLElement>(css)
    if (!root) return ''
    const fields = [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
    return [root.innerText, ...fields.map(field => field.value)].join('\n')
  }, selector)
}

/**
 * The words in one part of the page, scrolled out of view or not: its text content and its fields' values. (WebKit's
 * innerText leaves out what `content-visibility: auto` has not rendered yet, such as panels far down a column.)
 */
export async function textHeld(browser: Browser, selector: string): Promise<string> {
  return browser.execute((css: string) => {
    const root = document.querySelector<HTMLElement>(css)
    if (!root) return ''
    const fields = [...root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
    return [root.textContent ?? '', ...fields.map(field => field.value)].join('\n')
  }, selector)
}

/**
 * Waits until the part of the page at `selector` holds every one of `texts` (in view or scrolled out of it: see
 * textHeld); the message names those missing.
 */
export async function waitForTexts(browser: Browser, selector: string, texts: readonly string[], what: string, timeout = 15_000) {
  let missing: string[] = [...texts]
  await browser
    .waitUntil(
      async () => {
        const shown = await textHeld(browser, selector)
        missing = texts.filter(text => !shown.includes(text))
        return missing.length === 0
      },
      { timeout, interval: 200 },
    )
    .catch(() => {
      throw new Error(`${what}: ${selector} does not show ${missing.map(text => `“${text}”`).join(', ')}`)
    })
}

/** The heading of the step on screen ('' while there is none): read in the page, so a re-render cannot make it stale. */
export function workHeading(browser: Browser): Promise<string> {
  return browser.execute(() => document.querySelector<HTMLElement>('main.work-area h2')?.innerText.trim() ?? '')
}

/** Opens one step from the workshop's steps bar and waits for its screen's heading. */
export async function openStep(browser: Browser, label: string, heading = label): Promise<void> {
  const nav = await browser.$('nav[aria-label="Workshop steps"]').getElement()
  await nav.waitForDisplayed({ timeout: 15_000 })
  await (await findByRole(browser, 'button', label, 15_000, nav)).click()
  await browser.waitUntil(async () => (await workHeading(browser)) === heading, {
    timeout: 20_000,
    timeoutMsg: `The ${label} screen never showed its heading “${heading}”`,
  })
}

/** Opens one exchange of the workshop bar's Share menu ("Share by QR", "Receive by QR", "Show join code"…). */
export async function openShareMenu(browser: Browser, item: string): Promise<void> {
  await (await findByRole(browser, 'button', 'Share')).click()
  await (await findByRole(browser, 'button', item)).click()
}

/** The text of the first displayed element with role="status" whose text matches `pattern`, once there is one. */
export async function waitForStatus(browser: Browser, pattern: RegExp, what: string, timeout = 30_000): Promise<string> {
  let found = ''
  let seen: string[] = []
  await browser
    .waitUntil(
      async () => {
        seen = await browser.execute(() =>
          [...document.querySelectorAll<HTMLElement>('[role="status"]')].map(element => element.innerText.trim()).filter(Boolean),
        )
        found = seen.find(text => pattern.test(text)) ?? ''
        return found !== ''
      },
      { timeout, interval: 200 },
    )
    .catch(() => {
      throw new Error(`${what}: no status matching ${pattern} (statuses shown: ${JSON.stringify(seen)})`)
    })
  return found
}
