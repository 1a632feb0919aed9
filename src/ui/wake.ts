/**
 * Keeps the screen on while a QR code animates or a time-box runs: the one home of it.
 *
 * Where the browser grants a Wake Lock, that. Where it has none or refuses (WebKitGTK refuses;
 * an iPad home-screen app has one only from iPadOS 18.4), a muted, inline, looping, tiny video
 * plays: iOS and iPadOS keep the screen on while a video plays. A video may start only from a
 * tap where the browser is strict (an iPad in Low Power Mode), so `hold` and `ready` start it
 * inside the caller's call stack, and a video the browser refused starts again at the next tap.
 */
import { createSignal, type Accessor } from 'solid-js'

export type AwakeHow = 'wake lock' | 'video' | 'not possible'

interface Sentinel {
  release(): Promise<void>
  addEventListener?(type: 'release', listener: () => void): void
}
interface WakeLockApi {
  request(type: 'screen'): Promise<Sentinel>
}

export interface ScreenKeeper {
  /**
   * Keeps the screen on until the returned function is called. Called from a tap, the video
   * (where it is needed) starts inside that tap. Any number of holders share one lock.
   */
  hold(): () => void
  /**
   * From a tap whose screen holds the screen on only later (a screen that loads first, a
   * time-box started through the database): lets the video start then without a tap.
   */
  ready(): void
  /** How the screen is kept on now; undefined while nothing asks for it. */
  readonly how: Accessor<AwakeHow | undefined>
  /** How it was kept on the last time something asked (for "This tablet"). */
  readonly last: Accessor<AwakeHow | undefined>
  /** From a tap: keeps the screen on for a moment and says how it could. */
  check(): Promise<AwakeHow>
}

export interface KeeperEnvironment {
  readonly navigator: Navigator
  readonly document: Document
  /** The fallback video's source (a blob: URL where possible), by container type. */
  readonly source: (type: 'video/mp4' | 'video/webm') => Promise<string>
}

/** Tried in order: H.264 for iPads (and Chromium), VP8 for a WebKitGTK without an H.264 decoder. */
const FORMATS = [
  { type: 'video/mp4', codecs: 'video/mp4; codecs="avc1.42E01E"' },
  { type: 'video/webm', codecs: 'video/webm; codecs="vp8"' },
] as const

/** How long "This tablet" waits for the screen to be kept on before it says it cannot be. */
const CHECK_MS = 3000

export function makeScreenKeeper(env: KeeperEnvironment): ScreenKeeper {
  const [how, setHow] = createSignal<AwakeHow | undefined>(undefined)
  const [last, setLast] = createSignal<AwakeHow | undefined>(undefined)
  let holders = 0
  let lock: Sentinel | undefined
  /** Bumped at each start and stop, so a late answer to an old request changes nothing. */
  let round = 0
  let settled: Promise<void> = Promise.resolve()
  let video: HTMLVideoElement | undefined
  let sourceSet = false
  let sourceReady: Promise<void> = Promise.resolve()
  let retryArmed = false

  const wakeLock = () => (env.navigator as { wakeLock?: WakeLockApi }).wakeLock
  const visible = () => env.document.visibilityState !== 'hidden'
  const show = (next: AwakeHow | undefined) => {
    setHow(next)
    if (next) setLast(next)
  }

  const format = () => {
    const probe = env.document.createElement('video')
    return FORMATS.find(candidate => probe.canPlayType(candidate.codecs) !== '')
  }

  /** The page's one fallback video, made on first need; undefined where none could play. */
  const theVideo = (): HTMLVideoElement | undefined => {
    if (video) return video
    const chosen = format()
    if (!chosen) return undefined
    const made = env.document.createElement('video')
    made.muted = true
    made.defaultMuted = true
    made.loop = true
    made.playsInline = true
    // iOS plays inline (not full screen) only with the attribute, and autoplays only when muted.
    made.setAttribute('playsinline', '')
    made.setAttribute('muted', '')
    made.setAttribute('aria-hidden', 'true')
    made.tabIndex = -1
    made.preload = 'auto'
    made.className = 'keep-awake'
    // Painted, but too small and faint to see: WebKit pauses a muted video it deems out of view.
    Object.assign(made.style, {
      position: 'fixed',
      right: '0',
      bottom: '0',
      width: '2px',
      height: '2px',
      opacity: '0.01',
      pointerEvents: 'none',
    })
    env.document.body.append(made)
    video = made
    sourceReady = env.source(chosen.type).then(url => {
      made.src = url
      sourceSet = true
    })
    // No source: the video stays silent and the screen may dim; "This tablet" says so.
    sourceReady.catch(() => {})
    return made
  }

  /** Starts the video now (inside the caller's tap, if any); says how the screen is kept on. */
  const playVideo = (): Promise<void> => {
    const mine = round
    const element = theVideo()
    if (!element) {
      show('not possible')
      return Promise.resolve()
    }
    const play = (): Promise<void> => {
      try {
        return Promise.resolve(element.play())
      } catch (error) {
        return Promise.reject(error)
      }
    }
    // Called now, within the tap, even before the source is here: that is what lets it play later.
    let playing = play()
    if (!sourceSet) playing = playing.catch(() => sourceReady.then(() => (mine === round && holders > 0 && !lock ? play() : undefined)))
    return playing.then(
      () => {
        // Stopped meanwhile, or the lock came first: the video is not needed.
        if (mine !== round || holders === 0 || lock) return void element.pause()
        show('video')
      },
      () => {
        if (mine !== round || holders === 0 || lock) return
        // Refused outside a tap, or no source: the next tap tries again.
        show('not possible')
        armRetry()
      },
    )
  }

  const stopVideo = () => {
    if (video && !video.paused) video.pause()
  }

  const armRetry = () => {
    if (retryArmed) return
    retryArmed = true
    const retry = () => {
      retryArmed = false
      for (const type of ['pointerdown', 'keydown'] as const) env.document.removeEventListener(type, retry, true)
      if (holders > 0 && !lock && visible()) void playVideo()
    }
    for (const type of ['pointerdown', 'keydown'] as const) env.document.addEventListener(type, retry, true)
  }

  /** Asks for the lock; the video plays meanwhile (started within the tap) and stops once it is granted. */
  const acquire = () => {
    round += 1
    const mine = round
    const api = wakeLock()
    if (!api) {
      settled = playVideo()
      return
    }
    const videoStarted = playVideo()
    settled = api
      .request('screen')
      .then(
        got => {
          if (mine !== round || holders === 0) return void got.release().catch(() => {})
          lock = got
          stopVideo()
          show('wake lock')
          got.addEventListener?.('release', () => {
            if (lock !== got) return
            // Dropped by the browser (the page hid, the battery ran low): the video steps in while shown.
            lock = undefined
            if (holders > 0 && visible()) void playVideo()
          })
        },
        () => videoStarted,
      )
      .catch(() => {})
  }

  const stop = () => {
    round += 1
    const held = lock
    lock = undefined
    void held?.release().catch(() => {})
    stopVideo()
    show(undefined)
  }

  // A hidden page loses its lock (and pauses its video): take them again on return.
  env.document.addEventListener('visibilitychange', () => {
    if (holders > 0 && visible() && !lock) acquire()
  })

  const hold = () => {
    holders += 1
    if (holders === 1) acquire()
    let released = false
    return () => {
      if (released) return
      released = true
      holders -= 1
      if (holders === 0) stop()
    }
  }

  return {
    hold,
    ready() {
      if (holders > 0) return
      const element = theVideo()
      if (!element) return
      // A play inside a tap is what WebKit asks before it lets a later play() run by itself.
      try {
        void Promise.resolve(element.play()).catch(() => {})
        element.pause()
      } catch {
        // Nothing to ready: a later hold says whether the screen can be kept on.
      }
    },
    how,
    last,
    async check() {
      const release = hold()
      // A video whose source never loads neither plays nor fails: a few seconds is its answer.
      await Promise.race([settled, new Promise(resolve => setTimeout(resolve, CHECK_MS))])
      const found = how() ?? 'not possible'
      release()
      return found
    },
  }
}

/** Where the fallback video comes from: the precached file, as a blob URL (see below). */
function precachedVideo(type: 'video/mp4' | 'video/webm'): Promise<string> {
  const file = `${import.meta.env.BASE_URL}keep-awake.${type === 'video/mp4' ? 'mp4' : 'webm'}`
  // Safari plays a video only from a source that answers byte ranges; the service worker's
  // precache does not, a blob URL does.
  return fetch(file)
    .then(response => {
      if (!response.ok) throw new Error(`${file}: ${response.status}`)
      return response.blob()
    })
    .then(blob => URL.createObjectURL(blob))
}

let keeper: ScreenKeeper | undefined

/** The page's one keeper. */
export function screenKeeper(): ScreenKeeper {
  keeper ??= makeScreenKeeper({ navigator: globalThis.navigator, document: globalThis.document, source: precachedVideo })
  return keeper
}

/** Keeps the screen on until the returned function is called (call it from the tap that starts what needs it). */
export function keepScreenAwake(): () => void {
  return screenKeeper().hold()
}

/** From a tap whose screen keeps the screen on only later. */
export function readyScreenAwake(): void {
  screenKeeper().ready()
}
