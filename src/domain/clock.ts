/**
 * Hybrid logical clock. A stamp is a fixed-width string, `wall-counter-device`, so that
 * comparing two stamps as strings orders them by wall time, then counter, then device:
 * a later edit wins, and a tie breaks the same way on every tablet.
 */
export type Stamp = string

export interface ClockState {
  readonly wall: number
  readonly counter: number
}

const WALL_DIGITS = 12
const COUNTER_DIGITS = 4
const COUNTER_MAX = 0xffff
const STAMP_PATTERN = /^([0-9a-f]{12})-([0-9a-f]{4})-(.+)$/

export const ZERO_CLOCK: ClockState = { wall: 0, counter: 0 }

export function makeStamp(state: ClockState, deviceId: string): Stamp {
  return `${state.wall.toString(16).padStart(WALL_DIGITS, '0')}-${state.counter
    .toString(16)
    .padStart(COUNTER_DIGITS, '0')}-${deviceId}`
}

export function parseStamp(stamp: Stamp): { wall: number; counter: number; deviceId: string } | null {
  const match = STAMP_PATTERN.exec(stamp)
  if (!match) return null
  return { wall: parseInt(match[1]!, 16), counter: parseInt(match[2]!, 16), deviceId: match[3]! }
}

export function isStamp(value: unknown): value is Stamp {
  return typeof value === 'string' && STAMP_PATTERN.test(value)
}

export function compareStamps(a: Stamp, b: Stamp): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function laterStamp(a: Stamp, b: Stamp): Stamp {
  return a >= b ? a : b
}

/** When the counter would overflow its digits, time is moved on by a millisecond instead. */
function settle(wall: number, counter: number): ClockState {
  return counter > COUNTER_MAX ? { wall: wall + 1, counter: 0 } : { wall, counter }
}

/** The clock after a local event at wall time `now`. */
export function tick(state: ClockState, now: number): ClockState {
  const wall = Math.max(state.wall, Math.floor(now))
  return settle(wall, wall === state.wall ? state.counter + 1 : 0)
}

/** The clock after receiving a stamp made elsewhere, so later local edits win over it. */
export function observe(state: ClockState, remote: Stamp, now: number): ClockState {
  const theirs = parseStamp(remote)
  if (!theirs) return state
  const wall = Math.max(state.wall, theirs.wall, Math.floor(now))
  if (wall === state.wall && wall === theirs.wall) {
    return settle(wall, Math.max(state.counter, theirs.counter) + 1)
  }
  if (wall === state.wall) return settle(wall, state.counter + 1)
  if (wall === theirs.wall) return settle(wall, theirs.counter + 1)
  return { wall, counter: 0 }
}
