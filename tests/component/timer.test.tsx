import { screen, waitFor } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Rec, Timer as StoredTimer } from '../../src/domain/types'
import type { PhaseProps } from '../../src/phases/types'
import type { HarvestDB } from '../../src/store/db'
import { write } from '../../src/store/writer'
import { Timer } from '../../src/ui/Timer'
import { screenKeeper } from '../../src/ui/wake'
import { freshWorkshop, renderPhase } from './render-phase'

function IdeationTimer(props: PhaseProps) {
  return <Timer workshop={props.workshop} phase="ideation" />
}

async function storedTimer(db: HarvestDB, workshopId: string): Promise<StoredTimer | null> {
  return ((await db.records.get(workshopId)) as Rec<'workshop'>).fields.timer
}

async function storeTimer(db: HarvestDB, workshopId: string, timer: StoredTimer) {
  await write(db, writer => writer.update(workshopId, 'workshop', { timer }))
}

const shown = () => screen.getByRole('timer', { name: 'Time left' }).textContent

/** A stand-in for WebAudio that counts the tones played. */
class FakeAudioContext {
  static tones = 0
  currentTime = 0
  destination = {}
  resume() {
    return Promise.resolve()
  }
  createOscillator() {
    FakeAudioContext.tones++
    return { type: 'sine', frequency: { value: 0 }, connect: () => undefined, start: () => undefined, stop: () => undefined }
  }
  createGain() {
    const param = { setValueAtTime: () => undefined, exponentialRampToValueAtTime: () => undefined }
    return { gain: param, connect: () => undefined }
  }
}

afterEach(() => {
  delete (globalThis as { AudioContext?: unknown }).AudioContext
})

describe('time-box', () => {
  it('shows the phase’s time-box from the workshop setting, and counts down once started', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(IdeationTimer, db, workshopId)
    const user = userEvent.setup()
    expect(await screen.findByText('Time-box · 7 min')).toBeTruthy()
    expect(shown()).toBe('7:00')
    await user.click(screen.getByRole('button', { name: 'Start' }))
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeTruthy()
    expect((await storedTimer(db, workshopId))?.startedAt).not.toBeNull()
    await waitFor(() => expect(shown()).toBe('6:59'))
  })

  it('pauses where it is, and a reload shows the same time left', async () => {
    const { db, workshopId } = await freshWorkshop()
    const first = renderPhase(IdeationTimer, db, workshopId)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Start' }))
    await new Promise(resolve => setTimeout(resolve, 1100))
    await user.click(await screen.findByRole('button', { name: 'Pause' }))
    await screen.findByRole('button', { name: 'Start' })
    const paused = await storedTimer(db, workshopId)
    expect(paused?.startedAt).toBeNull()
    expect(paused?.elapsedMs).toBeGreaterThanOrEqual(1000)
    const before = shown()
    expect(before).not.toBe('7:00')
    await new Promise(resolve => setTimeout(resolve, 1100))
    expect(shown()).toBe(before)

    first.unmount()
    renderPhase(IdeationTimer, db, workshopId)
    await waitFor(() => expect(shown()).toBe(before))
  })

  it('adds a minute and resets to the setting', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(IdeationTimer, db, workshopId)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: '+1 minute' }))
    await waitFor(() => expect(shown()).toBe('8:00'))
    expect(screen.getByText('Time-box · 8 min')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Reset' }))
    await waitFor(() => expect(shown()).toBe('7:00'))
    expect((await storedTimer(db, workshopId))?.durationMs).toBe(7 * 60_000)
  })

  it('shows another phase’s running timer as this phase’s own fresh time-box', async () => {
    const { db, workshopId } = await freshWorkshop()
    await storeTimer(db, workshopId, { phase: 'mapping', durationMs: 600_000, elapsedMs: 0, startedAt: Date.now() })
    renderPhase(IdeationTimer, db, workshopId)
    await screen.findByText('Time-box · 7 min')
    expect(shown()).toBe('7:00')
    expect(screen.getByRole('button', { name: 'Start' })).toBeTruthy()
  })

  it('says time is up without a sound where WebAudio is missing, and keeps every control working', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(IdeationTimer, db, workshopId)
    await screen.findByText('Time-box · 7 min')
    await storeTimer(db, workshopId, { phase: 'ideation', durationMs: 60_000, elapsedMs: 59_600, startedAt: Date.now() })
    expect(await screen.findByText('Time is up')).toBeTruthy()
    expect(shown()).toBe('0:00')
    expect((screen.getByRole('button', { name: 'Start' }) as HTMLButtonElement).disabled).toBe(true)
    await userEvent.setup().click(screen.getByRole('button', { name: '+1 minute' }))
    await waitFor(() => expect(screen.queryByText('Time is up')).toBeNull())
    expect(shown()).toMatch(/^(1:00|0:59)$/)
  })

  it('plays a short chime with WebAudio when the time runs out', async () => {
    ;(globalThis as { AudioContext?: unknown }).AudioContext = FakeAudioContext
    FakeAudioContext.tones = 0
    const { db, workshopId } = await freshWorkshop()
    renderPhase(IdeationTimer, db, workshopId)
    await screen.findByText('Time-box · 7 min')
    await storeTimer(db, workshopId, { phase: 'ideation', durationMs: 60_000, elapsedMs: 59_600, startedAt: Date.now() })
    await screen.findByText('Time is up')
    expect(FakeAudioContext.tones).toBe(3)
  })

  it('does not chime when a page opens on a time-box that ran out earlier', async () => {
    ;(globalThis as { AudioContext?: unknown }).AudioContext = FakeAudioContext
    FakeAudioContext.tones = 0
    const { db, workshopId } = await freshWorkshop()
    await storeTimer(db, workshopId, { phase: 'ideation', durationMs: 60_000, elapsedMs: 0, startedAt: Date.now() - 120_000 })
    renderPhase(IdeationTimer, db, workshopId)
    await screen.findByText('Time is up')
    await new Promise(resolve => setTimeout(resolve, 300))
    expect(FakeAudioContext.tones).toBe(0)
  })
})

describe('time-box keeps the screen on', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllGlobals()
  })

  it('while it runs, by the tiny video where there is no wake lock, and not once paused', async () => {
    // A browser that plays H.264 but has no wake lock (an iPad home-screen app before 18.4).
    vi.spyOn(HTMLMediaElement.prototype, 'canPlayType').mockReturnValue('probably')
    const play = vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
    const pause = vi.spyOn(HTMLMediaElement.prototype, 'pause').mockReturnValue(undefined)
    vi.spyOn(HTMLMediaElement.prototype, 'paused', 'get').mockReturnValue(false)
    vi.stubGlobal('fetch', async () => new Response(new Blob(['video'], { type: 'video/mp4' })))
    // jsdom has no blob URLs.
    vi.stubGlobal('URL', class extends URL {
      static override createObjectURL = () => 'blob:keep-awake'
    })
    const { db, workshopId } = await freshWorkshop()
    renderPhase(IdeationTimer, db, workshopId)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Start' }))
    await screen.findByRole('button', { name: 'Pause' })
    await waitFor(() => expect(screenKeeper().how()).toBe('video'))
    expect(play).toHaveBeenCalled()

    pause.mockClear()
    await user.click(screen.getByRole('button', { name: 'Pause' }))
    await screen.findByRole('button', { name: 'Start' })
    await waitFor(() => expect(screenKeeper().how()).toBeUndefined())
    expect(pause).toHaveBeenCalled()
  })
})
