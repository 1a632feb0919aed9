import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeScreenKeeper, type ScreenKeeper } from '../../src/ui/wake'

/** A wake lock that grants or refuses, and counts what it was asked. */
function fakeWakeLock(grant: boolean) {
  const lock = { requests: 0, released: 0, drop: () => {} }
  const api = {
    request: vi.fn(async () => {
      lock.requests += 1
      if (!grant) throw new DOMException('Not allowed', 'NotAllowedError')
      let onRelease = () => {}
      const sentinel = {
        release: async () => {
          lock.released += 1
        },
        addEventListener: (_type: 'release', listener: () => void) => {
          onRelease = listener
        },
      }
      lock.drop = () => onRelease()
      return sentinel
    }),
  }
  return { lock, api }
}

let playing: HTMLVideoElement[] = []
let plays = 0

beforeEach(() => {
  playing = []
  plays = 0
  // jsdom plays no media: these stand in for a browser that plays H.264.
  vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockImplementation(type => (type.startsWith('video/mp4') ? 'probably' : ''))
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockImplementation(function (this: HTMLMediaElement) {
    plays += 1
    if (!playing.includes(this as HTMLVideoElement)) playing.push(this as HTMLVideoElement)
    return Promise.resolve()
  })
  vi.spyOn(HTMLMediaElement.prototype, 'pause').mockImplementation(function (this: HTMLMediaElement) {
    playing = playing.filter(video => video !== this)
  })
  vi.spyOn(HTMLMediaElement.prototype, 'paused', 'get').mockImplementation(function (this: HTMLMediaElement) {
    return !playing.includes(this as HTMLVideoElement)
  })
})

afterEach(() => {
  vi.restoreAllMocks()
  document.querySelectorAll('video.keep-awake').forEach(video => video.remove())
  setVisibility('visible')
})

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  document.dispatchEvent(new Event('visibilitychange'))
}

function keeperWith(wakeLock: unknown): ScreenKeeper {
  const navigator = (wakeLock ? { wakeLock } : {}) as Navigator
  return makeScreenKeeper({ navigator, document, source: async () => 'blob:keep-awake' })
}

describe('keeping the screen on', () => {
  it('uses the wake lock where it is granted, and plays no video', async () => {
    const { lock, api } = fakeWakeLock(true)
    const keeper = keeperWith(api)
    const release = keeper.hold()
    await vi.waitFor(() => expect(keeper.how()).toBe('wake lock'))
    expect(lock.requests).toBe(1)
    expect(playing).toEqual([])

    release()
    expect(keeper.how()).toBeUndefined()
    await vi.waitFor(() => expect(lock.released).toBe(1))
    expect(keeper.last()).toBe('wake lock')
  })

  it('plays the tiny video, started within the tap, where the lock is refused', async () => {
    const { api } = fakeWakeLock(false)
    const keeper = keeperWith(api)
    const release = keeper.hold()
    // Inside the tap's own call stack, before any await: what a strict browser requires.
    expect(plays).toBe(1)
    await vi.waitFor(() => expect(keeper.how()).toBe('video'))
    const video = document.querySelector<HTMLVideoElement>('video.keep-awake')!
    expect(playing).toEqual([video])
    expect(video.muted).toBe(true)
    expect(video.loop).toBe(true)
    expect(video.hasAttribute('playsinline')).toBe(true)
    await vi.waitFor(() => expect(video.getAttribute('src')).toBe('blob:keep-awake'))

    release()
    expect(playing).toEqual([])
    expect(keeper.how()).toBeUndefined()
    expect(keeper.last()).toBe('video')
  })

  it('plays the video where there is no wake lock at all', async () => {
    const keeper = keeperWith(undefined)
    const release = keeper.hold()
    expect(plays).toBe(1)
    await vi.waitFor(() => expect(keeper.how()).toBe('video'))
    release()
    expect(playing).toEqual([])
  })

  it('keeps one lock for several holders, and lets go after the last', async () => {
    const { lock, api } = fakeWakeLock(true)
    const keeper = keeperWith(api)
    const first = keeper.hold()
    const second = keeper.hold()
    await vi.waitFor(() => expect(keeper.how()).toBe('wake lock'))
    first()
    first()
    expect(keeper.how()).toBe('wake lock')
    expect(lock.released).toBe(0)
    second()
    await vi.waitFor(() => expect(lock.released).toBe(1))
    expect(lock.requests).toBe(1)
  })

  it('takes the lock again when the page is shown again', async () => {
    const { lock, api } = fakeWakeLock(true)
    const keeper = keeperWith(api)
    const release = keeper.hold()
    await vi.waitFor(() => expect(keeper.how()).toBe('wake lock'))
    // Hiding the page, the browser drops the lock.
    setVisibility('hidden')
    lock.drop()
    setVisibility('visible')
    await vi.waitFor(() => expect(lock.requests).toBe(2))
    await vi.waitFor(() => expect(keeper.how()).toBe('wake lock'))
    release()
    setVisibility('hidden')
    setVisibility('visible')
    expect(lock.requests).toBe(2) // nothing asks any more
  })

  it('says it is not possible where neither a lock nor a video can play', async () => {
    vi.mocked(HTMLMediaElement.prototype.canPlayType).mockReturnValue('')
    const keeper = keeperWith(undefined)
    expect(await keeper.check()).toBe('not possible')
    expect(plays).toBe(0)
  })

  it('checks, from a tap, how the screen can be kept on, and lets go after', async () => {
    const { api } = fakeWakeLock(false)
    const keeper = keeperWith(api)
    expect(await keeper.check()).toBe('video')
    expect(playing).toEqual([])
    expect(keeper.how()).toBeUndefined()
    expect(keeper.last()).toBe('video')
  })

  it('starts a refused video again at the next tap', async () => {
    const keeper = keeperWith(undefined)
    // Let the source arrive first: a refusal with a source set is a real one.
    keeper.ready()
    await vi.waitFor(() => expect(document.querySelector('video.keep-awake')?.getAttribute('src')).toBe('blob:keep-awake'))
    plays = 0
    vi.mocked(HTMLMediaElement.prototype.play).mockImplementationOnce(() =>
      Promise.reject(new DOMException('needs a tap', 'NotAllowedError')),
    )
    keeper.hold()
    await vi.waitFor(() => expect(keeper.how()).toBe('not possible'))
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }))
    await vi.waitFor(() => expect(keeper.how()).toBe('video'))
    expect(plays).toBe(1)
  })

  it('plays once its source has come, where a play before it is refused (as WebKit does)', async () => {
    vi.mocked(HTMLMediaElement.prototype.play).mockImplementation(function (this: HTMLMediaElement) {
      if (!this.getAttribute('src')) return Promise.reject(new DOMException('no source', 'NotSupportedError'))
      playing.push(this as HTMLVideoElement)
      return Promise.resolve()
    })
    const keeper = keeperWith(undefined)
    expect(await keeper.check()).toBe('video')
  })
})
