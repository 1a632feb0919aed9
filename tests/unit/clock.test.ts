import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import {
  compareStamps,
  isStamp,
  laterStamp,
  makeStamp,
  observe,
  parseStamp,
  tick,
  ZERO_CLOCK,
  type ClockState,
  type Stamp,
} from '../../src/domain/clock'

const RUNS = { numRuns: 1000 }
const NOW = 1_750_000_000_000
const COUNTER_MAX = 0xffff
/** The greatest wall time that still fits the stamp's 12 hex digits. */
const WALL_MAX = 16 ** 12 - 1

const deviceArb = fc.constantFrom('a', 'b', 'tab-1', 'tab-10', 'tab-2', '0f3c9e', 'Z')
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
    expect(makeStamp({ wall: 0x1977f3a2b40, counter: 0xa }, 'tab-1')).toBe('01977f3a2b40-000a-tab-1')
    expect(makeStamp(ZERO_CLOCK, 'x')).toBe('000000000000-0000-x')
    expect(makeStamp({ wall: WALL_MAX, counter: COUNTER_MAX }, 'x')).toBe('ffffffffffff-ffff-x')
  })
})

describe('stamp order', () => {
  it('sorts stamps as strings by wall time, then counter, then device', () => {
    const stamps = [
      makeStamp({ wall: 0x10, counter: 0 }, 'b'),
      makeStamp({ wall: 0x9, counter: 0xffff }, 'z'),
      makeStamp({ wall: 0x10, counter: 0 }, 'a'),
      makeStamp({ wall: 0x10, counter: 0x2 }, 'a'),
      makeStamp({ wall: 0x100, counter: 0 }, 'a'),
      makeStamp({ wall: 0x10, counter: 0x10 }, 'a'),
    ]
    expect([...stamps].sort()).toEqual([
      '000000000009-ffff-z',
      '000000000010-0000-a',
      '000000000010-0000-b',
      '000000000010-0002-a',
      '000000000010-0010-a',
      '000000000100-0000-a',
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
    const before = makeStamp(state, 'a')
    state = tick(state, NOW - 3_600_000)
    expect(state).toEqual({ wall: NOW, counter: 1 })
    expect(makeStamp(state, 'a') > before).toBe(true)
  })

  it('moves the wall time on by a millisecond instead of overflowing the counter past 0xffff', () => {
    const full: ClockState = { wall: NOW, counter: COUNTER_MAX }
    const next = tick(full, NOW)
    expect(next).toEqual({ wall: NOW + 1, counter: 0 })
    expect(makeStamp(next, 'a') > makeStamp(full, 'a')).toBe(true)
    expect(makeStamp(next, 'a')).toMatch(/^[0-9a-f]{12}-0000-a$/)
    // Even when the real wall time stays behind.
    expect(tick(full, NOW - 10)).toEqual({ wall: NOW + 1, counter: 0 })
    // 0x10000 ticks within one millisecond still give 4 hex digits and increasing stamps.
    let state: ClockState = { wall: NOW, counter: 0 }
    let previous = makeStamp(state, 'a')
    for (let i = 0; i < COUNTER_MAX + 2; i++) {
      state = tick(state, NOW)
      const stamp = makeStamp(state, 'a')
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
    expect(observe({ wall: 10, counter: 5 }, makeStamp({ wall: 20, counter: 7 }, 'b'), 15)).toEqual({ wall: 20, counter: 8 })
    // Same wall time on both: count on from the greater counter.
    expect(observe({ wall: 20, counter: 9 }, makeStamp({ wall: 20, counter: 7 }, 'b'), 15)).toEqual({ wall: 20, counter: 10 })
    expect(observe({ wall: 20, counter: 2 }, makeStamp({ wall: 20, counter: 7 }, 'b'), 15)).toEqual({ wall: 20, counter: 8 })
    // Local ahead: count on locally.
    expect(observe({ wall: 30, counter: 2 }, makeStamp({ wall: 20, counter: 7 }, 'b'), 15)).toEqual({ wall: 30, counter: 3 })
    // Real time ahead of both: take it.
    expect(observe({ wall: 30, counter: 2 }, makeStamp({ wall: 20, counter: 7 }, 'b'), 40)).toEqual({ wall: 40, counter: 0 })
  })

  it('moves the wall time on when the counter would overflow', () => {
    expect(observe({ wall: NOW, counter: 1 }, makeStamp({ wall: NOW, counter: COUNTER_MAX }, 'b'), NOW)).toEqual({
      wall: NOW + 1,
      counter: 0,
    })
    expect(observe({ wall: NOW - 5, counter: 1 }, makeStamp({ wall: NOW, counter: COUNTER_MAX }, 'b'), NOW - 10)).toEqual({
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
      fc.property(clockArb, fc.oneof(deviceArb, fc.string({ minLength: 1 }).filter(s => !/[\n\r\u2028\u2029]/.test(s))), (state, device) => {
        const stamp = makeStamp(state, device)
        expect(isStamp(stamp)).toBe(true)
        expect(parseStamp(stamp)).toEqual({ wall: state.wall, counter: state.counter, deviceId: device })
      }),
      RUNS,
    )
  })

  it('keeps dashes inside the device id', () => {
    expect(parseStamp('01977f3a2b40-000a-tab-1-x')).toEqual({ wall: 0x1977f3a2b40, counter: 0xa, deviceId: 'tab-1-x' })
  })

  it.each<[string, Stamp]>([
    ['empty', ''],
    ['text', 'hello'],
    ['no device', '01977f3a2b40-000a-'],
    ['no device and dash', '01977f3a2b40-000a'],
    ['short wall', '1977f3a2b40-000a-tab'],
    ['long wall', '001977f3a2b40-000a-tab'],
    ['short counter', '01977f3a2b40-00a-tab'],
    ['long counter', '01977f3a2b40-0000a-tab'],
    ['upper-case hex', '01977F3A2B40-000A-tab'],
    ['not hex', '01977f3a2b4g-000a-tab'],
    ['negative wall', '-1977f3a2b40-000a-tab'],
    ['spaces', ' 01977f3a2b40-000a-tab'],
    ['wrong separator', '01977f3a2b40_000a_tab'],
    ['decimal point', '01977f3a2.40-000a-tab'],
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
