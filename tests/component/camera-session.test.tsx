import { render, screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AnyRec, Rec } from '../../src/domain/types'
import { openCameraSession } from '../../src/exchange/camera'
import { startScanner } from '../../src/exchange/scan'
import { makeBundle, makeTransfer } from '../../src/exchange/transfer'
import ReceiveView from '../../src/phases/handoff/ReceiveView'
import { cameraScanner, type Scanner } from '../../src/phases/handoff/scanner'
import { mergeIncoming } from '../../src/store/commands/incoming'
import { StoreProvider } from '../../src/store/context'
import { HarvestDB } from '../../src/store/db'
import { workshopRecords } from '../../src/store/queries'
import { write } from '../../src/store/writer'
import { freshWorkshop } from './render-phase'

/** A camera the browser hands out: counts the times it is asked, and its tracks' stops. */
function fakeCameraDevice(refuse?: string) {
  const tracks: { readyState: 'live' | 'ended'; stop: () => void }[] = []
  const getUserMedia = vi.fn(async (_constraints?: MediaStreamConstraints) => {
    if (refuse) throw new DOMException('refused', refuse)
    const track = {
      readyState: 'live' as 'live' | 'ended',
      stop() {
        track.readyState = 'ended'
      },
    }
    tracks.push(track)
    return { getTracks: () => [track], getVideoTracks: () => [track] } as unknown as MediaStream
  })
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } })
  const stopped = () => tracks.filter(track => track.readyState === 'ended').length
  return { getUserMedia, tracks, stopped }
}

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  // jsdom plays no media: a camera view "plays" at once (and shows no frame, so nothing is decoded).
  vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
})
afterEach(() => {
  vi.restoreAllMocks()
  delete (navigator as { mediaDevices?: unknown }).mediaDevices
})

describe('one camera stream for a scanning session', () => {
  it('asks the browser once across three scans with one session, and stops the camera on release', async () => {
    const device = fakeCameraDevice()
    const session = openCameraSession()
    const container = document.createElement('div')
    document.body.append(container)
    for (let scan = 0; scan < 3; scan++) {
      const stop = startScanner(container, () => {}, error => expect.fail(error.message), { camera: session, decoder: 'worker' })
      await waitFor(() => expect(container.querySelector('video')).not.toBeNull())
      stop()
      expect(container.querySelector('video')).toBeNull()
      expect(device.stopped()).toBe(0) // between scans the camera stays open
    }
    expect(device.getUserMedia).toHaveBeenCalledOnce()
    session.release()
    expect(device.stopped()).toBe(1)
    container.remove()
  })

  it('opens and closes the camera for one scan when no session is given', async () => {
    const device = fakeCameraDevice()
    const container = document.createElement('div')
    document.body.append(container)
    const stop = startScanner(container, () => {}, error => expect.fail(error.message))
    await waitFor(() => expect(container.querySelector('video')).not.toBeNull())
    stop()
    expect(device.stopped()).toBe(1)
    container.remove()
  })

  it('asks again once the camera was let go after the page was hidden long', async () => {
    const device = fakeCameraDevice()
    const session = openCameraSession({ hiddenMs: 0 })
    await session.acquire()
    setVisibility('hidden')
    await waitFor(() => expect(device.stopped()).toBe(1))
    setVisibility('visible')
    await session.acquire()
    expect(device.getUserMedia).toHaveBeenCalledTimes(2)
    session.release()
  })

  it('shows the camera again in a running scan once the page is back from a long absence', async () => {
    const device = fakeCameraDevice()
    const session = openCameraSession({ hiddenMs: 0 })
    const container = document.createElement('div')
    document.body.append(container)
    const stop = startScanner(container, () => {}, error => expect.fail(error.message), { camera: session, decoder: 'worker' })
    await waitFor(() => expect(container.querySelector('video')).not.toBeNull())
    const video = container.querySelector('video')!
    const first = video.srcObject
    setVisibility('hidden')
    await waitFor(() => expect(device.stopped()).toBe(1))
    setVisibility('visible')
    await waitFor(() => expect(device.getUserMedia).toHaveBeenCalledTimes(2))
    await waitFor(() => expect(video.srcObject).not.toBe(first))
    expect(device.stopped()).toBe(1) // the new stream is live
    stop()
    session.release()
    expect(device.stopped()).toBe(2)
    container.remove()
  })
})

/** A reader worker that answers when told to: what the scanner sends it, and a way to reply. */
class FakeReader extends EventTarget {
  static made: FakeReader[] = []
  readonly sent: { id: number }[] = []
  constructor() {
    super()
    FakeReader.made.push(this)
  }
  postMessage(message: { id: number }) {
    this.sent.push(message)
  }
  terminate() {}
  reply(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data }))
  }
}

describe('the scan loop’s start', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    const video = HTMLVideoElement.prototype as { requestVideoFrameCallback?: unknown; cancelVideoFrameCallback?: unknown }
    delete video.requestVideoFrameCallback
    delete video.cancelVideoFrameCallback
    document.body.replaceChildren()
  })

  it('cuts no camera frame until the reader has warmed up, then reads the one showing and reports its text', async () => {
    fakeCameraDevice()
    FakeReader.made = []
    vi.stubGlobal('Worker', FakeReader)
    const frames: VideoFrameRequestCallback[] = []
    Object.assign(HTMLVideoElement.prototype, {
      requestVideoFrameCallback: (callback: VideoFrameRequestCallback) => frames.push(callback),
      cancelVideoFrameCallback: () => {},
    })
    vi.spyOn(HTMLVideoElement.prototype, 'videoWidth', 'get').mockReturnValue(64)
    vi.spyOn(HTMLVideoElement.prototype, 'videoHeight', 'get').mockReturnValue(48)
    const drawn = vi.fn()
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
      const canvas = this
      return {
        canvas,
        drawImage: drawn,
        getImageData: (_x: number, _y: number, width: number, height: number) => ({ data: new Uint8ClampedArray(width * height * 4), width, height }),
      } as unknown as CanvasRenderingContext2D
    })
    const container = document.createElement('div')
    document.body.append(container)
    const onText = vi.fn()
    const stop = startScanner(container, onText, error => expect.fail(error.message), { decoder: 'worker' })
    await waitFor(() => expect(frames.length).toBeGreaterThan(0))
    const reader = FakeReader.made[0]!
    const showFrame = (presentedFrames: number) => frames.shift()!(performance.now(), { presentedFrames } as VideoFrameCallbackMetadata)
    showFrame(1)
    showFrame(2)
    await Promise.resolve()
    expect(drawn).not.toHaveBeenCalled()
    expect(reader.sent).toEqual([])

    reader.reply({ kind: 'ready' })
    await waitFor(() => expect(reader.sent).toHaveLength(1))
    expect(drawn).toHaveBeenCalledOnce()
    reader.reply({ kind: 'read', id: reader.sent[0]!.id, texts: ['HELLO'], corners: undefined, ms: 3 })
    await waitFor(() => expect(onText).toHaveBeenCalledWith('HELLO'))
    // The frame cut after the warm-up was the newest (2): it is not read twice; the next one is.
    await Promise.resolve()
    expect(reader.sent).toHaveLength(1)
    showFrame(3)
    await waitFor(() => expect(reader.sent).toHaveLength(2))
    stop()
    container.remove()
  })
})

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  document.dispatchEvent(new Event('visibilitychange'))
}

/** The app's own camera scanner, with a hand on what it reads (jsdom decodes no video). */
function realScanner() {
  const feed = { show: (_text: string) => {} }
  const scanner: Scanner = (container, onText, onError, options) => {
    feed.show = onText
    return cameraScanner(container, onText, onError, options)
  }
  return { feed, scanner }
}

async function framesOf(records: AnyRec[], workshopId: string, secret: string): Promise<string[]> {
  const transfer = await makeTransfer(
    { mode: 'sealed', bundle: makeBundle({ workshopId, sender: 'abcd000011112222', records }), secret },
    { fragmentSize: 120 },
  )
  return Promise.all(Array.from({ length: transfer.k + 3 }, (_, n) => transfer.frame(n)))
}

async function facilitatorAndTablet() {
  const a = await freshWorkshop('Harvest at the lake')
  const b = new HarvestDB(`facilitator-${crypto.randomUUID()}`)
  await mergeIncoming(b, await workshopRecords(a.db, a.workshopId))
  const workshopOnB = (await b.records.get(a.workshopId)) as Rec<'workshop'>
  return { a, b, workshopOnB }
}

describe('Receive by QR, from tablet after tablet', () => {
  it('keeps the camera open from one tablet to the next, asking once, and stops it when the screen closes', async () => {
    const device = fakeCameraDevice()
    const { a, b, workshopOnB } = await facilitatorAndTablet()
    const { feed, scanner } = realScanner()
    const user = userEvent.setup()
    const onClose = vi.fn()
    const view = render(() => (
      <StoreProvider db={b}>
        <ReceiveView workshop={workshopOnB} onClose={onClose} scanner={scanner} />
      </StoreProvider>
    ))

    for (const title of ['First tablet’s idea', 'Second tablet’s idea', 'Third tablet’s idea']) {
      await write(a.db, writer => writer.create('objective', a.workshopId, { title, position: 1 }))
      const texts = await framesOf(await workshopRecords(a.db, a.workshopId), a.workshopId, workshopOnB.fields.secret)
      await screen.findByLabelText('Camera view')
      for (const text of texts) feed.show(text)
      await user.click(await screen.findByRole('button', { name: 'Merge into this tablet' }))
      expect(await screen.findByText(/1 new and 0 changed records from tablet ABCD/)).toBeTruthy()
      expect(device.stopped()).toBe(0) // showing the "received" code, the camera stays ready for the next
      await user.click(screen.getByRole('button', { name: 'Receive from the next tablet' }))
    }
    await screen.findByLabelText('Camera view')
    expect(device.getUserMedia).toHaveBeenCalledOnce()

    view.unmount()
    expect(device.stopped()).toBe(1)
  })

  it('says how to allow a blocked camera on an iPad and on Android, and offers a file', async () => {
    fakeCameraDevice('NotAllowedError')
    const { workshopOnB, b } = await facilitatorAndTablet()
    render(() => (
      <StoreProvider db={b}>
        <ReceiveView workshop={workshopOnB} onClose={() => {}} />
      </StoreProvider>
    ))
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('The camera is blocked for this app.')).toBeTruthy()
    const steps = within(alert).getAllByRole('listitem').map(step => step.textContent)
    expect(steps).toContainEqual(expect.stringMatching(/^On an iPad: tap “aA” in the address bar › Website Settings › Camera › Allow/))
    expect(steps).toContain('On Android: tap the lock icon beside the address › Permissions › Camera › Allow.')
    expect(steps.at(-1)).toBe('Then scan again, or use a file instead.')
    expect(screen.getByRole('button', { name: 'Open a file' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Scan again' })).toBeTruthy()
  })
})
