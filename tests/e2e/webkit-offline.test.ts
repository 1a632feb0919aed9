/**
 * Real WebKit, really offline: the app is installed from a server that the test then shuts down, and must
 * still open, create a workshop and an objective, and keep them across reloads, from its service worker
 * and IndexedDB alone; and its QR reader (the scan worker and its wasm decoder) must still read a code.
 *
 * The test serves its own snapshot of dist/ instead of the shared preview server (the `baseUrl` of
 * global-setup.ts): a service worker and IndexedDB belong to one origin, and only a server this test owns
 * can be closed under the browser. Needs WebKitWebDriver and Xvfb: see webkit.ts.
 */
import { createReadStream } from 'node:fs'
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import http from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { openShareMenu } from './webkit-app'
import { installCanvasCamera, playOnCamera, recordShownFrames, shownFragments } from './webkit-camera'
import { findByRole, queryAllByRole, startWebKit, WEBKIT_START_MS, type Browser, type WebKit } from './webkit'

const DIST = resolve(import.meta.dirname, '../../dist')

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

interface StaticServer {
  origin: string
  close: () => Promise<void>
}

/**
 * Serves `root` on a free port. Every response is `no-store`, so once the server is closed nothing can come
 * from the HTTP cache: a page that still loads comes from the service worker.
 */
async function serveStatic(root: string): Promise<StaticServer> {
  const server = http.createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end()
        return
      }
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
      let file = normalize(join(root, pathname))
      if (file !== root && !file.startsWith(root + sep)) {
        response.writeHead(403).end()
        return
      }
      const info = await stat(file).catch(() => undefined)
      if (info?.isDirectory()) file = join(file, 'index.html')
      const found = await stat(file).catch(() => undefined)
      if (!found?.isFile()) {
        response.writeHead(404, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('Not found')
        return
      }
      response.writeHead(200, {
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': found.size,
        'cache-control': 'no-store',
      })
      if (request.method === 'HEAD') response.end()
      else createReadStream(file).pipe(response)
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolvePromise())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('The static server has no port.')
  let closed: Promise<void> | undefined
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      (closed ??= new Promise<void>((resolvePromise, reject) => {
        server.close(error => (error ? reject(error) : resolvePromise()))
        // Kill keep-alive connections too: from now on every request to the origin is refused.
        server.closeAllConnections()
      })),
  }
}

/** A private copy of dist/, so that a rebuild running meanwhile cannot change what this test serves. */
async function snapshotDist(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'okra-dist-'))
  await cp(DIST, copy, { recursive: true })
  const sw = await readFile(join(copy, 'sw.js'), 'utf8').catch(() => {
    throw new Error('dist/sw.js is missing: the build has no service worker. Run `npx vite build`.')
  })
  const precached = [...sw.matchAll(/\burl:\s*"([^"]+)"/g)].map(match => match[1] ?? '')
  expect(precached, 'the service worker precaches index.html').toContain('index.html')
  for (const url of precached) {
    await stat(join(copy, url)).catch(() => {
      throw new Error(`dist/sw.js precaches ${url}, which is not in dist/ (was dist/ rebuilt while copying?)`)
    })
  }
  return copy
}

interface ServiceWorkerState {
  supported: boolean
  ready: boolean
  controlled: boolean
}

/** Waits (in the page) for an active service worker, and reports whether it controls the page. */
async function serviceWorkerState(browser: Browser, timeoutMs = 30_000): Promise<ServiceWorkerState> {
  return browser.execute(async (timeout: number) => {
    if (!('serviceWorker' in navigator)) return { supported: false, ready: false, controlled: false }
    const ready = await Promise.race([
      navigator.serviceWorker.ready.then(() => true),
      new Promise<boolean>(resolveReady => setTimeout(() => resolveReady(false), timeout)),
    ])
    return { supported: true, ready, controlled: navigator.serviceWorker.controller !== null }
  }, timeoutMs)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

let server: StaticServer | undefined
let snapshot: string | undefined
let webkit: WebKit | undefined

beforeAll(async () => {
  snapshot = await snapshotDist()
  server = await serveStatic(snapshot)
  webkit = await startWebKit({ camera: true })
}, WEBKIT_START_MS)

afterAll(async () => {
  try {
    await webkit?.close()
  } finally {
    await server?.close()
    if (snapshot) await rm(snapshot, { recursive: true, force: true })
  }
}, 60_000)

test('WebKit: installed once, the app works with the network gone, keeps its data across reloads, and reads a QR code', async () => {
  if (!webkit || !server) throw new Error('WebKit or the static server did not start.')
  const { browser } = webkit
  const origin = server.origin
  const title = 'Offline harvest in WebKit'
  const objective = 'Ship the pilot without a network'

  // 1. Online: open the app and let its service worker install and take control.
  await browser.url(`${origin}/`)
  await findByRole(browser, 'heading', 'Workshops', 30_000)
  let sw = await serviceWorkerState(browser)
  expect(sw.supported, 'WebKit exposes navigator.serviceWorker on 127.0.0.1').toBe(true)
  expect(sw.ready, 'the service worker activates').toBe(true)
  if (!sw.controlled) {
    // No clientsClaim (registerType 'prompt'): the page that installed the worker is not controlled; the next load is.
    await browser.refresh()
    await findByRole(browser, 'heading', 'Workshops', 30_000)
    sw = await serviceWorkerState(browser)
  }
  expect(sw.controlled, 'the service worker controls the page').toBe(true)

  // 2. Offline for real: the only server of this origin goes away.
  await server.close()
  const refused = await fetch(`${origin}/`, { signal: AbortSignal.timeout(5000) }).then(
    () => false,
    () => true,
  )
  expect(refused, 'the origin no longer answers').toBe(true)

  // 3. The app still opens.
  await browser.refresh()
  await findByRole(browser, 'heading', 'Workshops', 30_000)
  expect((await serviceWorkerState(browser)).controlled).toBe(true)

  // 4. Create a workshop and an objective, offline.
  await (await findByRole(browser, 'button', 'New workshop')).click()
  const titleInput = await findByRole(browser, 'textbox', 'Workshop title')
  await titleInput.setValue(title)
  await (await findByRole(browser, 'button', 'Create workshop')).click()
  await browser.waitUntil(async () => /^#\/workshop\/[A-Za-z0-9_.-]+$/.test(new URL(await browser.getUrl()).hash), {
    timeout: 15_000,
    timeoutMsg: 'Creating the workshop did not open it (#/workshop/<id>)',
  })
  const workshopUrl = await browser.getUrl()
  expect(await (await findByRole(browser, 'heading', title)).getTagName()).toBe('h1')

  const newObjective = await findByRole(browser, 'textbox', 'New objective')
  await newObjective.setValue(objective)
  await (await findByRole(browser, 'button', 'Add objective')).click()
  const added = await findByRole(browser, 'textbox', 'Objective 1')
  await browser.waitUntil(async () => (await added.getValue()) === objective, {
    timeout: 10_000,
    timeoutMsg: `Objective 1 never showed "${objective}"`,
  })

  // 5. Reload, still offline: everything was stored on the tablet.
  await browser.refresh()
  expect(await browser.getUrl()).toBe(workshopUrl)
  expect(await (await findByRole(browser, 'heading', title, 30_000)).getTagName()).toBe('h1')
  const reloaded = await findByRole(browser, 'textbox', 'Objective 1')
  await browser.waitUntil(async () => (await reloaded.getValue()) === objective, {
    timeout: 10_000,
    timeoutMsg: `After the reload, Objective 1 is not "${objective}"`,
  })

  await browser.url(`${origin}/#/`)
  await findByRole(browser, 'heading', 'Workshops')
  // The open button is named by all it shows: "Open <title>, <date> · 1 objective" (the date in the browser's locale;
  // WebKit puts a space between the title's block and the comma after it).
  const openButton = new RegExp(`^Open ${escapeRegExp(title)}\\s*, .+ · 1 objective$`)
  await findByRole(browser, 'button', openButton)
  // A fresh browser profile: this run's workshop is the only one listed (and it is listed once).
  expect(await queryAllByRole(browser, 'button', /^Open .+ · \d+ objectives?$/)).toHaveLength(1)
  expect(await queryAllByRole(browser, 'button', { prefix: `Open ${title}` })).toHaveLength(1)
  expect((await serviceWorkerState(browser)).controlled).toBe(true)

  // 6. The QR reader, offline. No BarcodeDetector in WebKit: the app's scan worker and its wasm decoder read the
  // code, loaded now for the first time, from the service worker's precache. The tablet films its own join code
  // (its camera is a canvas playing the frames it showed: webkit-camera.ts) and reads it back.
  expect(await browser.execute(() => 'BarcodeDetector' in window)).toBe(false)
  await (await findByRole(browser, 'button', openButton)).click()
  await findByRole(browser, 'heading', title)
  await openShareMenu(browser, 'Show join code')
  const frames = await recordShownFrames(browser, 2 * (await shownFragments(browser)) + 4)
  await (await findByRole(browser, 'button', 'Close')).click()
  await (await findByRole(browser, 'button', /^←?\s*All workshops$/)).click()
  await installCanvasCamera(browser)
  await playOnCamera(browser, frames)
  await (await findByRole(browser, 'button', 'Join a workshop')).click()
  await findByRole(browser, 'heading', new RegExp(`^Join “${escapeRegExp(title)}” \\(.+\\)\\?$`), 150_000)
  await (await findByRole(browser, 'button', 'Cancel')).click()
  expect(await queryAllByRole(browser, 'button', /^Open .+ · \d+ objectives?$/)).toHaveLength(1)

  // Nothing ever tried to reach another host (the browser's proxy for every other host is a tripwire).
  expect(webkit.foreignRequests()).toEqual([])
}, 240_000) // a scan on a busy machine: see webkit-tablets.test.ts
