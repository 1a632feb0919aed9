/**
 * Real WebKit (WebKitGTK's MiniBrowser) for the end-to-end tests, driven over WebDriver by webdriverio.
 *
 * Nothing is downloaded: the test starts its own Xvfb, its own WebKitWebDriver on a free port, and
 * webdriverio only connects to it. Debian packages: webkit2gtk-driver (WebKitWebDriver; it pulls in
 * libwebkit2gtk-4.1-0, which ships the MiniBrowser) and xvfb.
 *
 * Overrides: WEBKIT_WEBDRIVER, WEBKIT_MINIBROWSER and XVFB (paths to the binaries), and
 * WEBKIT_DISPLAY (use that X display, e.g. `:0` to watch the test, instead of starting Xvfb).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { accessSync, constants, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import type * as WebdriverIOModule from 'webdriverio'

let webdriverio: Promise<typeof WebdriverIOModule> | undefined

/**
 * webdriverio, without a console line for every WebDriver command.
 *
 * This repo's Vitest workers run with `--conditions browser` (from vite-plugin-solid), so even Node loads
 * webdriverio's browser build, whose logger is console.info/debug/trace bound when each module loads, and
 * ignores logLevel. Loading it while those are muted keeps the commands out of the test output; warnings and
 * errors still show.
 */
function loadWebdriverio(): Promise<typeof WebdriverIOModule> {
  webdriverio ??= (async () => {
    const { info, debug, trace } = console
    const mute = () => {}
    Object.assign(console, { info: mute, debug: mute, trace: mute })
    try {
      return await import('webdriverio')
    } finally {
      Object.assign(console, { info, debug, trace })
    }
  })()
  return webdriverio
}

declare global {
  namespace WebdriverIO {
    interface Capabilities {
      /** WebKitGTK's vendor capability: which browser WebKitWebDriver launches, and with what arguments. */
      'webkitgtk:browserOptions'?: { binary?: string; args?: string[] }
    }
  }
}

export type Browser = WebdriverIO.Browser
export type Element = WebdriverIO.Element

export interface WebKit {
  browser: Browser
  /** The X display the browser runs on. */
  display: string
  /** Every connection the browser tried to make to a host other than 127.0.0.1/localhost, in order. */
  foreignRequests: () => string[]
  /** The folder the browser saves downloads to (its XDG download directory), private to this session. */
  downloads: string
  /** Deletes the session, then stops the driver (with the browser) and Xvfb. Safe to call twice. */
  close: () => Promise<void>
}

const INSTALL_HINT =
  'The WebKit end-to-end test needs the Debian packages webkit2gtk-driver and xvfb ' +
  '(apt-get install webkit2gtk-driver xvfb).'

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

function findOnPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean)
  return [...dirs, '/usr/bin', '/usr/local/bin'].map(dir => join(dir, name)).find(isExecutable)
}

function requireBinary(envVar: string, name: string, find: () => string | undefined): string {
  const fromEnv = process.env[envVar]
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`${envVar}=${fromEnv} is not an executable file.`)
    return fromEnv
  }
  const found = find()
  if (!found) throw new Error(`${name} was not found (set ${envVar} to its path if it is installed elsewhere). ${INSTALL_HINT}`)
  return found
}

/** WebKitGTK's MiniBrowser: /usr/lib/<triplet>/webkit2gtk-4.1/MiniBrowser on Debian, /usr/libexec/... elsewhere. */
export function findMiniBrowser(): string {
  return requireBinary('WEBKIT_MINIBROWSER', 'WebKitGTK MiniBrowser', () => {
    const libDirs = ['/usr/lib', '/usr/lib64', '/usr/libexec', '/usr/local/lib', '/usr/local/libexec']
    const roots = libDirs.flatMap(dir => {
      let entries: string[] = []
      try {
        entries = readdirSync(dir)
      } catch {
        // not on this system
      }
      return [dir, ...entries.filter(entry => entry.includes('-linux-')).map(entry => join(dir, entry))]
    })
    for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0']) {
      const found = roots.map(root => join(root, api, 'MiniBrowser')).find(isExecutable)
      if (found) return found
    }
    return undefined
  })
}

export function findWebKitWebDriver(): string {
  return requireBinary('WEBKIT_WEBDRIVER', 'WebKitWebDriver', () => findOnPath('WebKitWebDriver'))
}

function findXvfb(): string {
  return requireBinary('XVFB', 'Xvfb', () => findOnPath('Xvfb'))
}

/** Keeps the last few kilobytes a child process wrote, for error messages. */
function captureOutput(child: ChildProcess): () => string {
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return () => output.trim()
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise(resolve => child.once('exit', () => resolve()))
}

function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** SIGTERM to the process (or its whole process group), SIGKILL if it is still there after `graceMs`. */
async function stop(child: ChildProcess, group: boolean, graceMs = 5000): Promise<void> {
  const pid = child.pid
  if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(group ? -pid : pid, name)
    } catch {
      // already gone
    }
  }
  signal('SIGTERM')
  const done = await Promise.race([exited(child).then(() => true), sleep(graceMs).then(() => false)])
  if (!done) {
    signal('SIGKILL')
    await exited(child)
  }
  // The browser's helper processes (WebKitWebProcess, WebKitNetworkProcess) are in the driver's group.
  if (group) signal('SIGKILL')
}

/** Starts Xvfb on the first free display (Xvfb picks it and tells us through -displayfd). */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const child = spawn(findXvfb(), ['-displayfd', '3', '-screen', '0', '1600x1400x24', '-nolisten', 'tcp', '-noreset'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  })
  const output = captureOutput(child)
  const displayFd = child.stdio[3]
  if (!displayFd) throw new Error('Xvfb was started without its -displayfd pipe.')
  try {
    const display = await withTimeout(
      new Promise<string>((resolve, reject) => {
        let text = ''
        displayFd.on('data', (chunk: Buffer) => {
          text += chunk.toString('utf8')
          const match = /^(\d+)\n/.exec(text)
          if (match) resolve(`:${match[1]}`)
        })
        child.once('error', reject)
        child.once('exit', code => reject(new Error(`Xvfb exited (code ${code}) before opening a display: ${output()}`)))
      }),
      15_000,
      'Starting Xvfb',
    )
    return { display, process: child }
  } catch (error) {
    await stop(child, false)
    throw error
  }
}

/** A port that was free a moment ago (the driver binds it right after). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address !== 'string') resolve(address.port)
        else reject(new Error('No port was assigned.'))
      })
    })
  })
}

async function driverIsReady(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(1000) })
    if (!response.ok) return false
    const body: unknown = await response.json()
    return typeof body === 'object' && body !== null && 'value' in body
  } catch {
    return false
  }
}

/** Starts WebKitWebDriver on a free port, in its own process group so that teardown can take the browser too. */
async function startDriver(env: NodeJS.ProcessEnv): Promise<{ port: number; process: ChildProcess }> {
  const binary = findWebKitWebDriver()
  let lastError: unknown
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort()
    const child = spawn(binary, [`--port=${port}`, '--host=127.0.0.1'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    const output = captureOutput(child)
    let spawnError: Error | undefined
    child.once('error', error => {
      spawnError = error
    })
    const deadline = Date.now() + 15_000
    while (Date.now() < deadline && !spawnError && child.exitCode === null && child.signalCode === null) {
      if (await driverIsReady(port)) return { port, process: child }
      await sleep(100)
    }
    lastError =
      spawnError ??
      new Error(`WebKitWebDriver did not answer on port ${port} (exit code ${child.exitCode}): ${output()}`)
    await stop(child, true)
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError))
}

/**
 * If this process dies without tearing down (a killed Vitest worker, Ctrl-C), 'exit' handlers do not run: a
 * detached shell polls for it and then kills what it was given (a negative pid is a process group).
 * Stopped by the normal teardown, so it never outlives the processes it guards.
 */
function startWatchdog(pids: number[]): ChildProcess {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -s KILL -- ${pids.join(' ')} 2>/dev/null`
  const child = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' })
  child.unref()
  return child
}

/**
 * A local "proxy" that never forwards anything: the browser is told to send every request for a host other
 * than 127.0.0.1/localhost through it, so any attempt to leave the origin shows up here, whatever the scheme.
 * WebKitGTK speaks TLS to the https proxy, so https and wss attempts arrive as a TLS ClientHello.
 */
async function startTripwire(): Promise<{ port: number; attempts: string[]; close: () => Promise<void> }> {
  const attempts: string[] = []
  const sockets = new Set<net.Socket>()
  const server = net.createServer(socket => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    socket.once('data', (chunk: Buffer) => {
      attempts.push(describeAttempt(chunk))
      socket.destroy()
    })
    socket.setTimeout(2000, () => {
      attempts.push('a connection that sent nothing')
      socket.destroy()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('The tripwire proxy has no port.')
  return {
    port: address.port,
    attempts,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

function describeAttempt(chunk: Buffer): string {
  // TLS is spoken to the proxy itself, so an https/wss attempt does not say where it was going.
  if (chunk[0] === 0x16) return 'an https or wss connection (TLS to the proxy; its target is not visible)'
  return chunk.toString('latin1').split('\r\n', 1)[0] ?? ''
}

/**
 * How long one attempt to open a MiniBrowser session may take before a fresh driver is tried, and how many are made.
 * About one launch in five needs a second attempt on a busy machine (a full run makes five); a hook that starts
 * WebKit allows for all four (WEBKIT_START_MS).
 */
const SESSION_ATTEMPT_MS = 40_000
const SESSION_ATTEMPTS = 4
/** What a hook or test that starts one WebKit session should allow for it: every attempt, and some. */
export const WEBKIT_START_MS = SESSION_ATTEMPTS * (SESSION_ATTEMPT_MS + 5_000) + 60_000

export interface WebKitOptions {
  /**
   * Media capture on, with WebKit's mock camera (`--enable-media-stream --enable-mock-capture-devices`): a page
   * may call getUserMedia without a prompt. What the camera shows is up to the test (see webkit-camera.ts).
   */
  camera?: boolean
}

/**
 * Starts Xvfb (unless WEBKIT_DISPLAY is set), WebKitWebDriver and a MiniBrowser session.
 * Each session is a fresh, ephemeral profile: no service worker, cache or IndexedDB from an earlier run.
 */
export async function startWebKit(options: WebKitOptions = {}): Promise<WebKit> {
  const miniBrowser = findMiniBrowser()
  findWebKitWebDriver()
  if (!process.env.WEBKIT_DISPLAY) findXvfb()

  const cleanups: Array<() => Promise<void>> = []
  const runCleanups = async () => {
    const errors: unknown[] = []
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => errors.push(error))
    }
    if (errors.length > 0) throw new AggregateError(errors, 'Stopping WebKit failed')
  }

  try {
    let display = process.env.WEBKIT_DISPLAY
    let xvfbPid: number | undefined
    if (!display) {
      const xvfb = await startXvfb()
      display = xvfb.display
      xvfbPid = xvfb.process.pid
      cleanups.push(() => stop(xvfb.process, false))
    }

    // A private data directory, so that even a non-ephemeral browser could not see another run's data.
    const home = mkdtempSync(join(tmpdir(), 'webkit-e2e-'))
    cleanups.push(async () => rmSync(home, { recursive: true, force: true }))
    // Downloads go to the XDG download directory (GLib reads it from user-dirs.dirs): one inside `home`.
    const downloads = join(home, 'downloads')
    mkdirSync(downloads, { recursive: true })
    mkdirSync(join(home, 'config'), { recursive: true })
    writeFileSync(join(home, 'config', 'user-dirs.dirs'), `XDG_DOWNLOAD_DIR="${downloads}"\n`)

    const tripwire = await startTripwire()
    cleanups.push(tripwire.close)

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DISPLAY: display,
      GDK_BACKEND: 'x11',
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
    }
    delete env.WAYLAND_DISPLAY
    // webdriverio's Node build sends WebDriver commands through HTTP(S)_PROXY (read when it loads): not to a local driver.
    if (process.env.HTTP_PROXY || process.env.HTTPS_PROXY) {
      const noProxy = (process.env.NO_PROXY ?? '').split(/[\s,;]+/).filter(Boolean)
      if (!noProxy.includes('127.0.0.1')) process.env.NO_PROXY = [...noProxy, '127.0.0.1'].join(',')
    }
    const { remote } = await loadWebdriverio()

    // On a busy machine a MiniBrowser launch now and then never answers: each attempt is bounded,
    // and a second one starts from a fresh driver rather than waiting on the stuck one.
    const openSession = async (): Promise<Browser> => {
      const driver = await startDriver(env)
      const driverPid = driver.process.pid
      const stopDriver = async () => {
        await stop(driver.process, true)
      }
      try {
        const session = await withTimeout(
          remote({
            hostname: '127.0.0.1',
            port: driver.port,
            path: '/',
            protocol: 'http',
            logLevel: 'error',
            connectionRetryCount: 0,
            connectionRetryTimeout: SESSION_ATTEMPT_MS,
            waitforTimeout: 15_000,
            capabilities: {
              browserName: 'MiniBrowser',
              // WebKitGTK 2.50's WebDriver BiDi is partial; classic WebDriver is all this needs.
              'wdio:enforceWebDriverClassic': true,
              'webkitgtk:browserOptions': {
                binary: miniBrowser,
                args: [
                  '--automation',
                  ...(options.camera ? ['--enable-media-stream=true', '--enable-mock-capture-devices=true'] : []),
                ],
              },
              proxy: {
                proxyType: 'manual',
                httpProxy: `127.0.0.1:${tripwire.port}`,
                sslProxy: `127.0.0.1:${tripwire.port}`,
                noProxy: ['127.0.0.1', 'localhost'],
              },
            },
          }),
          SESSION_ATTEMPT_MS + 5_000,
          'Opening a MiniBrowser session',
        )
        await withTimeout(session.setWindowSize(1024, 768), 15_000, 'Sizing the MiniBrowser window')
        cleanups.push(stopDriver)
        if (driverPid !== undefined) {
          const guard = startWatchdog([-driverPid, ...(xvfbPid !== undefined ? [xvfbPid] : [])])
          cleanups.push(() => stop(guard, false, 1000))
        }
        return session
      } catch (error) {
        await stopDriver()
        throw error
      }
    }
    // Seen on a busy machine: two launches in a row that never answered, the third one fine.
    let browser: Browser | undefined
    for (let attempt = 1; !browser; attempt++) {
      try {
        browser = await openSession()
      } catch (error) {
        if (attempt === SESSION_ATTEMPTS) throw error
        process.stderr.write(`WebKit: ${error instanceof Error ? error.message : String(error)}; trying again (${attempt + 1} of ${SESSION_ATTEMPTS})\n`)
      }
    }
    const session = browser
    cleanups.push(() =>
      withTimeout(session.deleteSession(), 15_000, 'Deleting the WebDriver session').then(() => undefined),
    )

    return {
      browser,
      display,
      foreignRequests: () => [...tripwire.attempts],
      downloads,
      close: runCleanups,
    }
  } catch (error) {
    await runCleanups().catch(() => {})
    throw error
  }
}

export type Role = 'button' | 'textbox' | 'heading' | 'link' | 'region'

/**
 * The elements that may have each role, left out those under a `hidden` attribute: never displayed, and WebKitGTK
 * answers "unknown error" (which webdriverio logs) when asked for their computed label.
 */
const ROLE_CANDIDATES: Record<Role, string> = Object.fromEntries(
  Object.entries({
    button: 'button, [role="button"], input[type="button"], input[type="submit"]',
    textbox:
      'input:not([type]), input[type="text"], input[type="search"], input[type="email"], input[type="url"], textarea, [role="textbox"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    link: 'a[href], [role="link"]',
    region: 'section, [role="region"]',
  }).map(([role, selectors]) => [
    role,
    selectors
      .split(', ')
      .map(selector => `${selector}:not([hidden], [hidden] *)`)
      .join(', '),
  ]),
) as Record<Role, string>

/**
 * An accessible name to look for: a string is matched exactly (whole name, case and spaces included), a RegExp
 * by `test` (anchor it with ^…$ to match the whole name), `{ prefix }` by how the name starts.
 */
export type NameMatcher = string | RegExp | { prefix: string }

export function nameMatches(matcher: NameMatcher, name: string): boolean {
  if (typeof matcher === 'string') return name === matcher
  if (matcher instanceof RegExp) {
    // A global or sticky RegExp keeps a lastIndex between calls: start from the beginning every time.
    matcher.lastIndex = 0
    return matcher.test(name)
  }
  return name.startsWith(matcher.prefix)
}

/** How a matcher reads in a message: "Open X" for an exact name, /^Open X$/ for a RegExp, "Open X…" for a prefix. */
export function describeName(matcher: NameMatcher): string {
  if (typeof matcher === 'string') return `"${matcher}"`
  if (matcher instanceof RegExp) return String(matcher)
  return `"${matcher.prefix}…"`
}

/** A WebDriver element reference, as Execute Script returns one. */
type ElementReference = Record<'element-6066-11e4-a52e-4f735466cecf', string>
const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf'

/**
 * A word that any element whose accessible name matches must hold somewhere in its own text, label or attributes
 * (the longest word of an exact name or a prefix), to leave out most candidates in the page in one call rather
 * than asking WebKit for each one's name; none for a RegExp.
 */
function wordOf(name: NameMatcher): string | undefined {
  const text = typeof name === 'string' ? name : name instanceof RegExp ? undefined : name.prefix
  if (!text) return undefined
  const words = text.split(/\s+/).filter(Boolean)
  return words.reduce<string | undefined>((longest, word) => (longest && longest.length >= word.length ? longest : word), undefined)
}

/** The candidates for a role (within `within`) whose text, labels or naming attributes hold `word`, case aside. */
async function candidatesHolding(browser: Browser, selector: string, word: string, within?: Element): Promise<ElementReference[]> {
  return browser.execute(
    (css: string, needle: string, root: HTMLElement | null) => {
      const lower = needle.toLowerCase()
      const textOf = (element: HTMLElement) => {
        const parts = [element.textContent ?? '']
        for (const attribute of ['aria-label', 'title', 'value', 'placeholder', 'alt']) parts.push(element.getAttribute(attribute) ?? '')
        for (const id of (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
          parts.push(document.getElementById(id)?.textContent ?? '')
        }
        for (const label of (element as HTMLInputElement).labels ?? []) parts.push(label.textContent ?? '')
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value)
        return parts.join(' ').toLowerCase()
      }
      return [...(root ?? document).querySelectorAll<HTMLElement>(css)].filter(element => textOf(element).includes(lower))
    },
    selector,
    word,
    (within ?? null) as unknown as HTMLElement | null,
  ) as unknown as Promise<ElementReference[]>
}

/**
 * The displayed elements whose role and accessible name, as WebKit's accessibility tree computes them, match.
 * `name` is matched exactly when it is a string (see NameMatcher for a RegExp or a prefix).
 * `within` limits the search to one element's descendants (the whole page by default).
 */
export async function queryAllByRole(
  browser: Browser,
  role: Role,
  name: NameMatcher,
  within?: Element,
): Promise<Element[]> {
  const word = wordOf(name)
  const elementIds: string[] = []
  if (word === undefined) {
    for (const element of await (within ?? browser).$$(ROLE_CANDIDATES[role]).getElements()) elementIds.push(element.elementId)
  } else {
    for (const reference of await candidatesHolding(browser, ROLE_CANDIDATES[role], word, within)) elementIds.push(reference[ELEMENT_KEY])
  }
  const matches: Element[] = []
  for (const id of elementIds) {
    try {
      // The protocol commands, not an element's: on an element that a re-render removed, webdriverio's own
      // commands look it up again by selector and index, waiting up to `waitforTimeout` when it is gone for good,
      // where these fail at once. The name first: it rules out most candidates in one call.
      // Displayed as webdriverio's element judges it (WebKitWebDriver's own "displayed" says no to some that are).
      if (nameMatches(name, await browser.getElementComputedLabel(id)) && (await browser.getElementComputedRole(id)) === role) {
        const element = await browser.$({ [ELEMENT_KEY]: id } as unknown as Parameters<Browser['$']>[0]).getElement()
        if (await element.isDisplayed()) matches.push(element)
      }
    } catch {
      // The element went away while we looked at it: the page is still rendering.
    }
  }
  return matches
}

/** The accessible names of the displayed elements with this role (at most 30), for a failure's message. */
async function namesOfRole(browser: Browser, role: Role, within?: Element): Promise<string[]> {
  const names: string[] = []
  for (const element of await (within ?? browser).$$(ROLE_CANDIDATES[role]).getElements()) {
    if (names.length >= 30) break
    try {
      if ((await browser.getElementComputedRole(element.elementId)) !== role || !(await element.isDisplayed())) continue
      names.push(await browser.getElementComputedLabel(element.elementId))
    } catch {
      // Gone meanwhile.
    }
  }
  return names
}

/**
 * Waits for exactly one displayed element with this role and accessible name (within `within`, if given).
 * A string name is matched exactly; a RegExp or `{ prefix }` as NameMatcher says.
 */
export async function findByRole(
  browser: Browser,
  role: Role,
  name: NameMatcher,
  timeout = 15_000,
  within?: Element,
): Promise<Element> {
  let found: Element[] = []
  try {
    await browser.waitUntil(
      async () => {
        found = await queryAllByRole(browser, role, name, within)
        return found.length === 1
      },
      { timeout, interval: 150 },
    )
  } catch (error) {
    const url = await browser.getUrl().catch(() => '?')
    const names = found.length === 0 ? await namesOfRole(browser, role, within).catch(() => []) : []
    const seen = names.length > 0 ? ` The ${role}s shown are named: ${names.map(each => JSON.stringify(each)).join(', ')}.` : ''
    throw new Error(
      `Expected one ${role} named ${describeName(name)} within ${timeout} ms, found ${found.length} (at ${url}).${seen}`,
      { cause: error },
    )
  }
  const [element] = found
  if (!element) throw new Error(`No ${role} named ${describeName(name)}.`)
  return element
}

/**
 * Saves a PNG of what the browser shows (its viewport) to `path`. webdriverio's own saveScreenshot is missing
 * from the browser build that this repo's Vitest workers load (see loadWebdriverio), so this writes the file.
 */
export async function saveScreenshot(browser: Browser, path: string): Promise<void> {
  const png = await browser.takeScreenshot()
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, Buffer.from(png, 'base64'))
}

/**
 * Sizes the window so that the page's viewport (innerWidth × innerHeight) is `width` × `height`: MiniBrowser's
 * window is larger than its page by its own bar. The X screen (1600×1400) leaves room for a tall portrait window.
 */
export async function setViewport(browser: Browser, width: number, height: number): Promise<void> {
  const inner = () => browser.execute(() => ({ width: window.innerWidth, height: window.innerHeight }))
  await browser.setWindowSize(width, height)
  let now = await inner()
  for (let attempt = 0; attempt < 3 && (now.width !== width || now.height !== height); attempt++) {
    const outer = await browser.getWindowSize()
    await browser.setWindowSize(outer.width + width - now.width, outer.height + height - now.height)
    await browser.waitUntil(async () => {
      const next = await inner()
      const changed = next.width !== now.width || next.height !== now.height
      now = next
      return changed || (next.width === width && next.height === height)
    }, { timeout: 5_000, interval: 100 }).catch(() => undefined)
  }
  if (now.width !== width || now.height !== height) {
    throw new Error(`The page's viewport is ${now.width}×${now.height}, not ${width}×${height}`)
  }
}
