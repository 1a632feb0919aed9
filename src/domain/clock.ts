/**
 * Hybrid logical clock. A stamp is a fixed-width string, `wall-counter-device`, so that
 * comparing two stamps as strings orders them by wall time, then counter, then device:
 * a later edit wins, and a tie breaks the same way on every tablet.
 *
 * Every part has a fixed shape (12 hex digits of milliseconds, 4 of counter, a device id of
 * 16 lower-case letters or digits): anything else is not a stamp and is refused, because a
 * longer or odd stamp would sort wrongly against every real one.
 */
export type Stamp = string

export interface ClockState {
  readonly wall: number
  readonly counter: number
}

const WALL_DIGITS = 12
const COUNTER_DIGITS = 4
const COUNTER_MAX = 0xffff
const STAMP_PATTERN = /^([0-9a-f]{12})-([0-9a-f]{4})-([0-9a-z]{16})$/
const DEVICE_PATTERN = /^[0-9a-z]{16}$/

/**
 * How far ahead of a tablet's own date a stamp made elsewhere may be and still merge. A stamp
 * further ahead comes from a tablet whose date is wrong (or from a forged file): merging it
 * would drag this clock along and make every honest later edit here lose to it.
 */
export const MAX_LEAD_MS = 24 * 60 * 60 * 1000

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

export function isDeviceId(value: unknown): value is string {
  return typeof value === 'string' && DEVICE_PATTERN.test(value)
}

/** How many milliseconds a stamp is ahead of the wall time `now` (0 when it is not ahead). */
export function leadOf(stamp: Stamp, now: number): number {
  const parsed = parseStamp(stamp)
  return parsed ? Math.max(0, parsed.wall - Math.floor(now)) : 0
}

/**
 * Whether a stamp made elsewhere may merge on a tablet whose date is `now`. This depends on
 * the stamp and the receiver's own wall time only, never on the clock it has been pushed to,
 * so remote stamps cannot ratchet a clock forward a bound at a time.
 */
export function withinLead(stamp: Stamp, now: number): boolean {
  return isStamp(stamp) && leadOf(stamp, now) <= MAX_LEAD_MS
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

/**
 * The clock after receiving a stamp made elsewhere, so later local edits win over it. A stamp
 * beyond the lead bound leaves the clock as it is: callers refuse its record (see withinLead).
 */
export function observe(state: ClockState, remote: Stamp, now: number): ClockState {
  const theirs = parseStamp(remote)
  if (!theirs || !withinLead(remote, now)) return state
  const wall = Math.max(state.wall, theirs.wall, Math.floor(now))
  if (wall === state.wall && wall === theirs.wall) {
    return settle(wall, Math.max(state.counter, theirs.counter) + 1)
  }
  if (wall === state.wall) return settle(wall, state.counter + 1)
  if (wall === theirs.wall) return settle(wall, theirs.counter + 1)
  return { wall, counter: 0 }
}
