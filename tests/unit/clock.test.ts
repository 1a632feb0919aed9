import { describe, it, expect, vi } from 'vitest'
import fc from 'fast-check'
import {
  compareStamps,
  isDeviceId,
  isStamp,
  leadOf,
  MAX_LEAD_MS,
  withinLead,
  laterStamp,
  makeStamp,
  observe,
  parseStamp,
  tick,
  ZERO_CLOCK,
  type ClockState,
  type Stamp,
} from '../../src/domain/clock'

// A thousand runs take seconds on a busy machine: more than the default five.
vi.setConfig({ testTimeout: 120_000 })
const RUNS = { numRuns: 1000 }
const NOW = 1_750_000_000_000
const COUNTER_MAX = 0xffff
/** The greatest wall time that still fits the stamp's 12 hex digits. */
const WALL_MAX = 16 ** 12 - 1

/** Device ids have one shape: 16 lower-case letters or digits. */
const A = 'a000000000000000'
const B = 'b000000000000000'
const Z = 'z000000000000000'
const deviceArb = fc.constantFrom(A, B, Z, '0f3c9e0000000000', 'tab1000000000000', 'tab1000000000001')
const anyDeviceArb = fc.stringMatching(/^[0-9a-z]{16}$/)
const clockArb: fc.Arbitrary<ClockState> = fc.record({
  wall: fc.integer({ min: 0, max: WALL_MAX - 1 }),
  counter: fc.integer({ min: 0, max: COUNTER_MAX }),
})
/** Wall times near one another, so that equal walls (and so counters) matter. */
const nearClockArb: fc.Arbitrary<ClockState> = fc.record({
  wall: fc.integer({ min: NOW - 3, max: NOW + 3 }),
  counter: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: COUNTER_MAX - 2, max: COUNTER_MAX })),
})
const nearNowArb = fc.integer({ min: NOW - 5, max: NOW + 5 })

function compareTuples(a: ClockState & { device: string }, b: ClockState & { device: string }): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1
  return a.device < b.device ? -1 : a.device > b.device ? 1 : 0
}

describe('makeStamp', () => {
  it('writes fixed-width lower-case hex: 12 digits of wall time, 4 of counter, then the device', () => {
    expect(makeStamp({ wall: 0x1977f3a2b40, counter: 0xa }, A)).toBe(`01977f3a2b40-000a-${A}`)
    expect(makeStamp(ZERO_CLOCK, A)).toBe(`000000000000-0000-${A}`)
    expect(makeStamp({ wall: WALL_MAX, counter: COUNTER_MAX }, A)).toBe(`ffffffffffff-ffff-${A}`)
  })
})

describe('stamp order', () => {
  it('sorts stamps as strings by wall time, then counter, then device', () => {
    const stamps = [
      makeStamp({ wall: 0x10, counter: 0 }, B),
      makeStamp({ wall: 0x9, counter: 0xffff }, Z),
      makeStamp({ wall: 0x10, counter: 0 }, A),
      makeStamp({ wall: 0x10, counter: 0x2 }, A),
      makeStamp({ wall: 0x100, counter: 0 }, A),
      makeStamp({ wall: 0x10, counter: 0x10 }, A),
    ]
    expect([...stamps].sort()).toEqual([
      `000000000009-ffff-${Z}`,
      `000000000010-0000-${A}`,
      `000000000010-0000-${B}`,
      `000000000010-0002-${A}`,
      `000000000010-0010-${A}`,
      `000000000100-0000-${A}`,
    ])
    expect([...stamps].sort(compareStamps)).toEqual([...stamps].sort())
  })

  it('compareStamps agrees with (wall, counter, device) for any two stamps', () => {
    fc.assert(
      fc.property(fc.oneof(clockArb, nearClockArb), fc.oneof(clockArb, nearClockArb), deviceArb, deviceArb, (x, y, dx, dy) => {
        const expected = compareTuples({ ...x, device: dx }, { ...y, device: dy })
        const a = makeStamp(x, dx)
        const b = makeStamp(y, dy)
        expect(Math.sign(compareStamps(a, b))).toBe(expected)
        expect(Math.sign(compareStamps(b, a))).toBe(compareTuples({ ...y, device: dy }, { ...x, device: dx }))
        expect(laterStamp(a, b)).toBe(expected >= 0 ? a : b)
      }),
      RUNS,
    )
  })
})

describe('tick', () => {
  it('takes the wall time when it is ahead, and counts when it is not', () => {
    expect(tick({ wall: 5, counter: 3 }, 10)).toEqual({ wall: 10, counter: 0 })
    expect(tick({ wall: 10, counter: 3 }, 10)).toEqual({ wall: 10, counter: 4 })
    expect(tick({ wall: 10, counter: 3 }, 5)).toEqual({ wall: 10, counter: 4 })
    expect(tick({ wall: 10, counter: 3 }, 10.9)).toEqual({ wall: 10, counter: 4 })
  })

  it('is strictly increasing, even when the wall clock goes backwards', () => {
    fc.assert(
      fc.property(
        nearClockArb,
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 50 }),
        deviceArb,
        (start, jumps, device) => {
          let state = start
          let previous = makeStamp(state, device)
          let now = start.wall
          for (const jump of jumps) {
            now += jump
            state = tick(state, now)
            const stamp = makeStamp(state, device)
            expect(stamp > previous, `${stamp} after ${previous}`).toBe(true)
            expect(parseStamp(stamp)).toEqual({ ...state, deviceId: device })
            previous = stamp
          }
        },
      ),
      RUNS,
    )
  })

  it('keeps counting after the wall clock is set back an hour', () => {
    let state = tick(ZERO_CLOCK, NOW)
    const before = makeStamp(state, A)
    state = tick(state, NOW - 3_600_000)
    expect(state).toEqual({ wall: NOW, counter: 1 })
    expect(makeStamp(state, A) > before).toBe(true)
  })

  it('moves the wall time on by a millisecond instead of overflowing the counter past 0xffff', () => {
    const full: ClockState = { wall: NOW, counter: COUNTER_MAX }
    const next = tick(full, NOW)
    expect(next).toEqual({ wall: NOW + 1, counter: 0 })
    expect(makeStamp(next, A) > makeStamp(full, A)).toBe(true)
    expect(makeStamp(next, A)).toMatch(/^[0-9a-f]{12}-0000-a0{15}$/)
    // Even when the real wall time stays behind.
    expect(tick(full, NOW - 10)).toEqual({ wall: NOW + 1, counter: 0 })
    // 0x10000 ticks within one millisecond still give 4 hex digits and increasing stamps.
    let state: ClockState = { wall: NOW, counter: 0 }
    let previous = makeStamp(state, A)
    for (let i = 0; i < COUNTER_MAX + 2; i++) {
      state = tick(state, NOW)
      const stamp = makeStamp(state, A)
      if (!(stamp > previous) || !isStamp(stamp)) throw new Error(`${stamp} after ${previous}`)
      previous = stamp
    }
    expect(state).toEqual({ wall: NOW + 1, counter: 1 })
  })
})

describe('observe', () => {
  it('moves past a remote stamp: the next local tick is later than it, whatever the devices', () => {
    fc.assert(
      fc.property(nearClockArb, nearClockArb, nearNowArb, deviceArb, deviceArb, (local, remote, now, mine, theirs) => {
        const remoteStamp = makeStamp(remote, theirs)
        const seen = observe(local, remoteStamp, now)
        // Past the remote stamp by wall time and counter alone, not by the device tie-break.
        expect(compareTuples({ ...seen, device: '' }, { ...remote, device: '' })).toBe(1)
        expect(compareTuples({ ...seen, device: '' }, { ...local, device: '' })).toBe(1)
        expect(seen.counter).toBeLessThanOrEqual(COUNTER_MAX)
        const next = makeStamp(tick(seen, now), mine)
        expect(next > remoteStamp, `${next} after ${remoteStamp}`).toBe(true)
        expect(next > makeStamp(local, mine)).toBe(true)
      }),
      RUNS,
    )
  })

  it('follows the hybrid logical clock rules', () => {
    // Remote ahead: take its wall time and count on from its counter.
    expect(observe({ wall: 10, counter: 5 }, makeStamp({ wall: 20, counter: 7 }, B), 15)).toEqual({ wall: 20, counter: 8 })
    // Same wall time on both: count on from the greater counter.
    expect(observe({ wall: 20, counter: 9 }, makeStamp({ wall: 20, counter: 7 }, B), 15)).toEqual({ wall: 20, counter: 10 })
    expect(observe({ wall: 20, counter: 2 }, makeStamp({ wall: 20, counter: 7 }, B), 15)).toEqual({ wall: 20, counter: 8 })
    // Local ahead: count on locally.
    expect(observe({ wall: 30, counter: 2 }, makeStamp({ wall: 20, counter: 7 }, B), 15)).toEqual({ wall: 30, counter: 3 })
    // Real time ahead of both: take it.
    expect(observe({ wall: 30, counter: 2 }, makeStamp({ wall: 20, counter: 7 }, B), 40)).toEqual({ wall: 40, counter: 0 })
  })

  it('moves the wall time on when the counter would overflow', () => {
    expect(observe({ wall: NOW, counter: 1 }, makeStamp({ wall: NOW, counter: COUNTER_MAX }, B), NOW)).toEqual({
      wall: NOW + 1,
      counter: 0,
    })
    expect(observe({ wall: NOW - 5, counter: 1 }, makeStamp({ wall: NOW, counter: COUNTER_MAX }, B), NOW - 10)).toEqual({
      wall: NOW + 1,
      counter: 0,
    })
  })

  it('ignores a malformed remote stamp', () => {
    const local: ClockState = { wall: NOW, counter: 4 }
    expect(observe(local, 'not a stamp', NOW - 1)).toEqual(local)
  })
})

describe('parseStamp', () => {
  it('round-trips makeStamp', () => {
    fc.assert(
      fc.property(clockArb, fc.oneof(deviceArb, anyDeviceArb), (state, device) => {
        const stamp = makeStamp(state, device)
        expect(isStamp(stamp)).toBe(true)
        expect(parseStamp(stamp)).toEqual({ wall: state.wall, counter: state.counter, deviceId: device })
      }),
      RUNS,
    )
  })


  it.each<[string, Stamp]>([
    ['empty', ''],
    ['text', 'hello'],
    ['no device', '01977f3a2b40-000a-'],
    ['short device', '01977f3a2b40-000a-tab'],
    ['long device', `01977f3a2b40-000a-${A}0`],
    ['dash in the device', '01977f3a2b40-000a-tab-1-00000000000'],
    ['upper-case device', '01977f3a2b40-000a-A000000000000000'],
    ['13 hex digits of wall', `1ffffffffffff-ffff-${A}`],
    ['no device and dash', '01977f3a2b40-000a'],
    ['short wall', '1977f3a2b40-000a-tab0000000000000'],
    ['long wall', '001977f3a2b40-000a-tab0000000000000'],
    ['short counter', '01977f3a2b40-00a-tab0000000000000'],
    ['long counter', '01977f3a2b40-0000a-tab0000000000000'],
    ['upper-case hex', '01977F3A2B40-000A-tab0000000000000'],
    ['not hex', '01977f3a2b4g-000a-tab0000000000000'],
    ['negative wall', '-1977f3a2b40-000a-tab0000000000000'],
    ['spaces', ' 01977f3a2b40-000a-tab0000000000000'],
    ['wrong separator', '01977f3a2b40_000a_tab'],
    ['decimal point', '01977f3a2.40-000a-tab0000000000000'],
  ])('gives null for a malformed stamp (%s)', (_, stamp) => {
    expect(parseStamp(stamp)).toBeNull()
    expect(isStamp(stamp)).toBe(false)
  })

  it('gives null for other values that are not stamps', () => {
    expect(isStamp(undefined)).toBe(false)
    expect(isStamp(42)).toBe(false)
    expect(isStamp(null)).toBe(false)
  })
})

const YEAR = 365.25 * 24 * 3_600_000

describe('the lead bound', () => {
  it('takes a stamp up to 24 hours ahead of this tablet\'s date, and no further', () => {
    expect(MAX_LEAD_MS).toBe(24 * 3_600_000)
    expect(withinLead(makeStamp({ wall: NOW + MAX_LEAD_MS, counter: COUNTER_MAX }, A), NOW)).toBe(true)
    expect(withinLead(makeStamp({ wall: NOW + MAX_LEAD_MS + 1, counter: 0 }, A), NOW)).toBe(false)
    expect(withinLead(makeStamp({ wall: 0, counter: 0 }, A), NOW)).toBe(true)
    expect(leadOf(makeStamp({ wall: NOW + 3 * 86_400_000, counter: 0 }, A), NOW)).toBe(3 * 86_400_000)
    expect(leadOf(makeStamp({ wall: NOW - 5, counter: 0 }, A), NOW)).toBe(0)
  })

  it('is not moved by a poisoned stamp: the year 10889 or 2100 leaves the clock where it was', () => {
    const local: ClockState = { wall: NOW, counter: 3 }
    expect(observe(local, `ffffffffffff-ffff-${B}`, NOW)).toEqual(local)
    const in2100 = makeStamp({ wall: Date.UTC(2100, 0, 1), counter: 0 }, B)
    expect(observe(local, in2100, NOW)).toEqual(local)
    // Its next stamp is still a valid stamp, and later than anything it made.
    const next = makeStamp(tick(observe(local, in2100, NOW), NOW), A)
    expect(isStamp(next)).toBe(true)
    expect(next > makeStamp(local, A)).toBe(true)
  })

  it('never lets remote stamps push a clock more than the bound past its date, whatever their skew (±10 years)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ skew: fc.integer({ min: -10 * YEAR, max: 10 * YEAR }), counter: fc.integer({ min: 0, max: COUNTER_MAX }) }),
          { minLength: 1, maxLength: 30 },
        ),
        fc.array(fc.integer({ min: 0, max: 3_600_000 }), { minLength: 30, maxLength: 30 }),
        (remotes, steps) => {
          let state: ClockState = { wall: NOW, counter: 0 }
          let now = NOW
          let previous = makeStamp(state, A)
          remotes.forEach((remote, index) => {
            now += steps[index]!
            state = observe(state, makeStamp({ wall: now + remote.skew, counter: remote.counter }, B), now)
            // The counter can carry the wall a millisecond on; no more.
            expect(state.wall).toBeLessThanOrEqual(now + MAX_LEAD_MS + 1)
            state = tick(state, now)
            const mine = makeStamp(state, A)
            expect(isStamp(mine)).toBe(true)
            expect(mine > previous).toBe(true)
            previous = mine
          })
        },
      ),
      RUNS,
    )
  })
})

describe('isDeviceId', () => {
  it('accepts 16 lower-case letters or digits, as this app makes them, and nothing else', () => {
    expect(isDeviceId('0f3c9e12ab34cd56')).toBe(true)
    expect(isDeviceId('fixture0device00')).toBe(true)
    expect(isDeviceId('0f3c9e12ab34cd5')).toBe(false)
    expect(isDeviceId('0F3C9E12AB34CD56')).toBe(false)
    expect(isDeviceId('0f3c9e12-b34cd56')).toBe(false)
    expect(isDeviceId(16)).toBe(false)
  })
})
