import { describe, expect, it } from 'vitest'
import {
  addMinute,
  controlTimer,
  formatRemaining,
  idleTimer,
  isExpired,
  isRunning,
  pauseTimer,
  remainingMs,
  resetTimer,
  startTimer,
  timeboxMs,
  timerOfPhase,
} from '../../src/domain/timer'
import { DEFAULT_TIMEBOXES } from '../../src/domain/types'

const MIN = 60_000
const T0 = 1_700_000_000_000

describe('time-box of a phase', () => {
  it('comes from the workshop setting in minutes, and from the default when the setting is unusable', () => {
    expect(timeboxMs({ ...DEFAULT_TIMEBOXES, ideation: 4 }, 'ideation')).toBe(4 * MIN)
    expect(timeboxMs({ ...DEFAULT_TIMEBOXES, ideation: 0 }, 'ideation')).toBe(DEFAULT_TIMEBOXES.ideation * MIN)
    expect(timeboxMs(undefined, 'mapping')).toBe(DEFAULT_TIMEBOXES.mapping * MIN)
  })

  it('shows the stored timer only for its own phase', () => {
    const running = startTimer(idleTimer('mapping', 10 * MIN), T0)
    expect(timerOfPhase(running, 'mapping', 7 * MIN)).toBe(running)
    expect(timerOfPhase(running, 'ideation', 7 * MIN)).toEqual(idleTimer('ideation', 7 * MIN))
    expect(timerOfPhase(null, 'ideation', 7 * MIN)).toEqual(idleTimer('ideation', 7 * MIN))
  })
})

describe('remaining time', () => {
  it('is the whole time-box until started, and counts down while running', () => {
    const idle = idleTimer('ideation', 7 * MIN)
    expect(remainingMs(idle, T0 + 5 * MIN)).toBe(7 * MIN)
    const running = startTimer(idle, T0)
    expect(isRunning(running)).toBe(true)
    expect(remainingMs(running, T0 + 90_000)).toBe(7 * MIN - 90_000)
  })

  it('never goes below zero, and is up exactly at the end', () => {
    const running = startTimer(idleTimer('ideation', 2 * MIN), T0)
    expect(isExpired(running, T0 + 2 * MIN - 1)).toBe(false)
    expect(isExpired(running, T0 + 2 * MIN)).toBe(true)
    expect(remainingMs(running, T0 + 10 * MIN)).toBe(0)
  })

  it('treats a start stamped later than this tablet’s clock as not yet started', () => {
    const running = startTimer(idleTimer('ideation', 2 * MIN), T0 + 5_000)
    expect(remainingMs(running, T0)).toBe(2 * MIN)
  })
})

describe('pause', () => {
  it('keeps the time spent and stops the countdown', () => {
    const running = startTimer(idleTimer('mapping', 10 * MIN), T0)
    const paused = pauseTimer(running, T0 + 3 * MIN)
    expect(isRunning(paused)).toBe(false)
    expect(remainingMs(paused, T0 + 3 * MIN)).toBe(7 * MIN)
    expect(remainingMs(paused, T0 + 60 * MIN)).toBe(7 * MIN)
  })

  it('resumes from where it stopped', () => {
    const paused = pauseTimer(startTimer(idleTimer('mapping', 10 * MIN), T0), T0 + 3 * MIN)
    const resumed = startTimer(paused, T0 + 20 * MIN)
    expect(remainingMs(resumed, T0 + 21 * MIN)).toBe(6 * MIN)
  })

  it('does nothing to a timer that is not running', () => {
    const idle = idleTimer('mapping', 10 * MIN)
    expect(pauseTimer(idle, T0)).toBe(idle)
  })
})

describe('+1 minute', () => {
  it('adds a minute to a running or paused time-box', () => {
    const running = startTimer(idleTimer('vote', 5 * MIN), T0)
    expect(remainingMs(addMinute(running, T0 + MIN), T0 + MIN)).toBe(5 * MIN)
    const paused = pauseTimer(running, T0 + MIN)
    const more = addMinute(paused, T0 + 2 * MIN)
    expect(isRunning(more)).toBe(false)
    expect(remainingMs(more, T0 + 9 * MIN)).toBe(5 * MIN)
  })

  it('gives a whole minute back after the time ran out, however long ago', () => {
    const running = startTimer(idleTimer('ideation', 2 * MIN), T0)
    const late = T0 + 5 * MIN
    expect(isExpired(running, late)).toBe(true)
    const more = addMinute(running, late)
    expect(isExpired(more, late)).toBe(false)
    expect(remainingMs(more, late)).toBe(MIN)
    expect(remainingMs(more, late + 30_000)).toBe(30_000)
  })
})

describe('start and reset', () => {
  it('does not restart a time-box that is up', () => {
    const ran = pauseTimer(startTimer(idleTimer('ideation', MIN), T0), T0 + 2 * MIN)
    expect(isExpired(ran, T0 + 2 * MIN)).toBe(true)
    expect(startTimer(ran, T0 + 3 * MIN)).toBe(ran)
  })

  it('does not move the start of a running timer when Start is pressed again', () => {
    const running = startTimer(idleTimer('ideation', 7 * MIN), T0)
    expect(startTimer(running, T0 + MIN)).toBe(running)
  })

  it('reset goes back to the full time-box of the setting, stopped', () => {
    const ran = addMinute(startTimer(idleTimer('ideation', 7 * MIN), T0), T0 + 8 * MIN)
    const reset = resetTimer(ran, 6 * MIN)
    expect(reset).toEqual({ phase: 'ideation', durationMs: 6 * MIN, elapsedMs: 0, startedAt: null })
  })

  it('each button does what it says', () => {
    const idle = idleTimer('mapping', 10 * MIN)
    const started = controlTimer(idle, 'start', T0, 10 * MIN)
    expect(started.startedAt).toBe(T0)
    expect(controlTimer(started, 'pause', T0 + MIN, 10 * MIN).elapsedMs).toBe(MIN)
    expect(controlTimer(started, 'add-minute', T0, 10 * MIN).durationMs).toBe(11 * MIN)
    expect(controlTimer(started, 'reset', T0 + MIN, 10 * MIN)).toEqual(idle)
  })
})

describe('m:ss', () => {
  it('rounds up to whole seconds, so 0:00 shows only when the time is up', () => {
    expect(formatRemaining(7 * MIN)).toBe('7:00')
    expect(formatRemaining(61_000)).toBe('1:01')
    expect(formatRemaining(59_001)).toBe('1:00')
    expect(formatRemaining(400)).toBe('0:01')
    expect(formatRemaining(0)).toBe('0:00')
    expect(formatRemaining(-5_000)).toBe('0:00')
    expect(formatRemaining(75 * MIN)).toBe('75:00')
  })
})
