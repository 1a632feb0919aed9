import { describe, expect, it } from 'vitest'
import { DEFAULT_PERIOD_MS, RefreshMeter, frameDue, periodsPerFrame, shownRate } from '../../src/phases/handoff/frame-clock'

describe('periodsPerFrame', () => {
  it('shows the largest whole-period rate at or below the one asked for', () => {
    expect(periodsPerFrame(1000 / 60, 20)).toBe(3)
    expect(shownRate(1000 / 60, 20)).toBeCloseTo(20)
    expect(periodsPerFrame(1000 / 60, 8)).toBe(8)
    expect(shownRate(1000 / 60, 8)).toBeCloseTo(7.5)
    expect(periodsPerFrame(1000 / 90, 20)).toBe(5)
    expect(shownRate(1000 / 90, 20)).toBeCloseTo(18)
    expect(periodsPerFrame(1000 / 120, 20)).toBe(6)
    expect(periodsPerFrame(1000 / 30, 20)).toBe(2)
    expect(periodsPerFrame(1000 / 60, 200)).toBe(1)
  })

  it('keeps 3 periods on a screen that runs a hair fast or slow', () => {
    expect(periodsPerFrame(1000 / 60.2, 20)).toBe(3)
    expect(periodsPerFrame(1000 / 59.94, 20)).toBe(3)
  })

  it('never goes faster than asked', () => {
    for (let hz = 30; hz <= 144; hz++) {
      for (const fps of [4, 8, 15, 20, 24]) expect(shownRate(1000 / hz, fps)).toBeLessThanOrEqual(fps * 1.01)
    }
  })
})

describe('RefreshMeter', () => {
  it('assumes 60 Hz until it has seen a few refreshes', () => {
    const meter = new RefreshMeter()
    meter.add(0)
    meter.add(11)
    expect(meter.period).toBe(DEFAULT_PERIOD_MS)
  })

  it('measures a 90 Hz screen through jitter, dropped frames and a stall', () => {
    const meter = new RefreshMeter()
    let t = 1000
    for (let i = 0; i < 40; i++) {
      // Every 7th refresh is missed (two periods), one gap is a 400 ms stall, the rest jitter by ±0.3 ms.
      t += (i % 7 === 6 ? 2 : 1) * (1000 / 90) + (i % 2 === 0 ? 0.3 : -0.3)
      if (i === 20) t += 400
      meter.add(t)
    }
    expect(meter.period).toBeGreaterThan(1000 / 90 - 0.5)
    expect(meter.period).toBeLessThan(1000 / 90 + 0.5)
  })
})

describe('frameDue', () => {
  it('holds a frame for its whole periods, tolerating half a period of jitter', () => {
    const period = 1000 / 60
    expect(frameDue(0, undefined, period, 20)).toBe(true)
    expect(frameDue(2 * period, 0, period, 20)).toBe(false)
    expect(frameDue(3 * period - 2, 0, period, 20)).toBe(true)
    expect(frameDue(3 * period, 0, period, 20)).toBe(true)
  })
})
