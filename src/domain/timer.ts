import { DEFAULT_TIMEBOXES, type Phase, type Timeboxes, type Timer } from './types'

/** The phases that have a time-box setting. */
export type TimeboxedPhase = keyof Timeboxes

const MINUTE = 60_000

/** The time-box of a phase from the workshop's settings, in milliseconds. */
export function timeboxMs(timeboxes: Partial<Timeboxes> | undefined, phase: TimeboxedPhase): number {
  const minutes = timeboxes?.[phase]
  const usable = typeof minutes === 'number' && Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_TIMEBOXES[phase]
  return Math.round(usable * MINUTE)
}

/** A time-box that has not been started. */
export function idleTimer(phase: Phase, durationMs: number): Timer {
  return { phase, durationMs, elapsedMs: 0, startedAt: null }
}

/**
 * The timer of this phase: the stored one when it belongs to the phase, else a fresh one of
 * the phase's time-box. There is one stored timer per workshop, so moving on to the next phase
 * shows that phase's own time-box rather than what was left of the last one.
 */
export function timerOfPhase(stored: Timer | null, phase: TimeboxedPhase, durationMs: number): Timer {
  return stored && stored.phase === phase ? stored : idleTimer(phase, durationMs)
}

export function isRunning(timer: Timer): boolean {
  return timer.startedAt !== null
}

/** Milliseconds spent so far, never more than the time-box itself. */
function spentMs(timer: Timer, now: number): number {
  const running = timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt)
  return Math.min(timer.durationMs, Math.max(0, timer.elapsedMs + running))
}

/** Milliseconds left, never below zero. */
export function remainingMs(timer: Timer, now: number): number {
  return timer.durationMs - spentMs(timer, now)
}

export function isExpired(timer: Timer, now: number): boolean {
  return remainingMs(timer, now) <= 0
}

/** Starts or resumes. A time-box that is up stays up: it needs "+1 minute" or a reset. */
export function startTimer(timer: Timer, now: number): Timer {
  if (isRunning(timer) || isExpired(timer, now)) return timer
  return { ...timer, startedAt: now }
}

/** Stops the clock, keeping the time spent. */
export function pauseTimer(timer: Timer, now: number): Timer {
  if (!isRunning(timer)) return timer
  return { ...timer, elapsedMs: spentMs(timer, now), startedAt: null }
}

/**
 * One more minute from now. The time spent is settled first, so a time-box that ran out three
 * minutes ago gets a real minute back, not a minute swallowed by the overrun.
 */
export function addMinute(timer: Timer, now: number): Timer {
  return {
    ...timer,
    durationMs: timer.durationMs + MINUTE,
    elapsedMs: spentMs(timer, now),
    startedAt: isRunning(timer) ? now : null,
  }
}

/** Back to the full time-box of the phase's setting, not running. */
export function resetTimer(timer: Timer, durationMs: number): Timer {
  return idleTimer(timer.phase, durationMs)
}

/** "m:ss", counting whole seconds up, so it shows 0:00 exactly when the time is up. */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

export type TimerControl = 'start' | 'pause' | 'add-minute' | 'reset'

/** What each button of the timer does to it. */
export function controlTimer(timer: Timer, control: TimerControl, now: number, durationMs: number): Timer {
  switch (control) {
    case 'start':
      return startTimer(timer, now)
    case 'pause':
      return pauseTimer(timer, now)
    case 'add-minute':
      return addMinute(timer, now)
    case 'reset':
      return resetTimer(timer, durationMs)
  }
}
