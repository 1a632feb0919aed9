/**
 * Tablets whose dates are wrong by up to ten years either way (DESIGN.md: "clock stamps have a
 * fixed shape and a bounded lead"). Each tablet refuses a record stamped more than the bound
 * ahead of its own date, as the store does, and takes the rest. Properties:
 * - a tablet's clock never runs more than the bound past its own date, and every stamp it
 *   makes is a valid stamp later than everything it holds: no refused stamp can beat a later
 *   local edit, and no accepted one does either;
 * - once the dates have caught up, any order of handoffs converges to the plain merge of
 *   everything ever written: refusing only ever delayed a record.
 */
import { describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { canonicalJson } from '../../src/domain/canonical'
import { isStamp, makeStamp, MAX_LEAD_MS, observe, parseStamp, tick, type ClockState, type Stamp } from '../../src/domain/clock'
import { admissible, mergeSets } from '../../src/domain/merge'
import { createRecord, deleteRecord, editRecord, latestStamp } from '../../src/domain/record'
import type { AnyRec, Rec } from '../../src/domain/types'

// A thousand runs take seconds on a busy machine: more than the default five.
vi.setConfig({ testTimeout: 120_000 })
const RUNS = { numRuns: 1000 }
const EPOCH = Date.UTC(2026, 11, 1)
const YEAR = Math.round(365.25 * 24 * 3_600_000)
const HOUR = 3_600_000
const DEVICE_IDS = ['skewa00000000000', 'skewb00000000000', 'skewc00000000000', 'skewd00000000000'] as const
const IDS = ['obj-1', 'obj-2', 'obj-3'] as const
const TITLES = ['Grow revenue', 'Retain members', 'Open a store'] as const

type Op =
  | { readonly type: 'write'; readonly device: number; readonly id: string; readonly title: string; readonly position: number }
  | { readonly type: 'delete'; readonly device: number; readonly id: string }
  | { readonly type: 'handoff'; readonly from: number; readonly to: number }
  | { readonly type: 'time'; readonly device: number; readonly delta: number }

interface Tablet {
  readonly id: string
  clock: ClockState
  now: number
  records: Map<string, AnyRec>
}

/** A date off by nothing, by a little, or by anything up to ten years either way. */
const skewArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: -2 * HOUR, max: 2 * HOUR }),
  fc.integer({ min: -10 * YEAR, max: 10 * YEAR }),
  fc.constantFrom(-10 * YEAR, 10 * YEAR, MAX_LEAD_MS, MAX_LEAD_MS + 1, -MAX_LEAD_MS - 1),
)
const deviceArb = fc.nat({ max: DEVICE_IDS.length - 1 })
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .record({ device: deviceArb, id: fc.constantFrom(...IDS), title: fc.constantFrom(...TITLES), position: fc.nat({ max: 2 }) })
      .map((o): Op => ({ type: 'write', ...o })),
  },
  { weight: 1, arbitrary: fc.record({ device: deviceArb, id: fc.constantFrom(...IDS) }).map((o): Op => ({ type: 'delete', ...o })) },
  { weight: 4, arbitrary: fc.record({ from: deviceArb, to: deviceArb }).map((o): Op => ({ type: 'handoff', ...o })) },
  // Time moves on: within a millisecond, a few minutes, or hours.
  {
    weight: 2,
    arbitrary: fc
      .record({ device: deviceArb, delta: fc.oneof(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 6 * HOUR })) })
      .map((o): Op => ({ type: 'time', ...o })),
  },
)

interface World {
  readonly count: number
  readonly skews: readonly number[]
  readonly ops: readonly Op[]
  readonly order: readonly (readonly [number, number])[]
}

const worldArb: fc.Arbitrary<World> = fc.record({
  count: fc.integer({ min: 2, max: DEVICE_IDS.length }),
  skews: fc.array(skewArb, { minLength: DEVICE_IDS.length, maxLength: DEVICE_IDS.length }),
  ops: fc.array(opArb, { minLength: 5, maxLength: 40 }),
  order: fc.array(fc.tuple(deviceArb, deviceArb), { minLength: 0, maxLength: 12 }),
})

function maxStamp(stamps: Iterable<Stamp>): Stamp | undefined {
  let best: Stamp | undefined
  for (const stamp of stamps) if (best === undefined || stamp > best) best = stamp
  return best
}

const setText = (records: Iterable<AnyRec>): string =>
  canonicalJson([...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))

/** What a handoff does on the receiving tablet: refuse what runs too far ahead, merge the rest, move the clock past it. */
function handoff(from: Tablet, to: Tablet): void {
  const taken = [...from.records.values()].filter(record => admissible(record, to.now)).map(r => structuredClone(r))
  to.records = mergeSets(to.records.values(), taken)
  const latest = maxStamp(taken.map(latestStamp))
  if (latest !== undefined) to.clock = observe(to.clock, latest, to.now)
}

function simulate({ count, skews, ops }: World) {
  const tablets: Tablet[] = DEVICE_IDS.slice(0, count).map((id, index) => ({
    id,
    clock: { wall: 0, counter: 0 },
    now: EPOCH + (skews[index] ?? 0),
    records: new Map(),
  }))
  const at = (index: number): Tablet => tablets[index % tablets.length]!
  const violations: string[] = []
  /** Every version ever written, by id: what a full merge must end with. */
  const written: AnyRec[] = []

  const stampOn = (tablet: Tablet): Stamp => {
    tablet.clock = tick(tablet.clock, tablet.now)
    const stamp = makeStamp(tablet.clock, tablet.id)
    if (!isStamp(stamp)) violations.push(`${tablet.id} made the invalid stamp ${stamp}`)
    const held = maxStamp([...tablet.records.values()].map(latestStamp))
    if (held !== undefined && stamp <= held) violations.push(`${tablet.id}'s edit ${stamp} would lose to ${held}, which it holds`)
    return stamp
  }

  for (const op of ops) {
    if (op.type === 'handoff') {
      const to = at(op.to)
      handoff(at(op.from), to)
      for (const record of to.records.values()) {
        const wall = parseStamp(latestStamp(record))?.wall ?? 0
        const maker = parseStamp(latestStamp(record))?.deviceId
        if (maker !== to.id && wall > to.now + MAX_LEAD_MS + 1) violations.push(`${to.id} took ${latestStamp(record)} at ${to.now}`)
      }
      continue
    }
    const tablet = at(op.device)
    if (op.type === 'time') {
      tablet.now += op.delta
      continue
    }
    const known = tablet.records.get(op.id) as Rec<'objective'> | undefined
    let next: Rec<'objective'> | undefined
    if (op.type === 'delete') next = known && deleteRecord(known, stampOn(tablet))
    else if (!known) next = createRecord('objective', op.id, 'ws-1', { title: op.title, position: op.position }, stampOn(tablet))
    else next = editRecord(known, { title: op.title, position: op.position }, stampOn(tablet))
    if (next && next !== known) {
      tablet.records.set(op.id, next as AnyRec)
      written.push(next as AnyRec)
    }
    // The tablet's own clock never runs more than the bound (and a carried millisecond) past its date.
    if (tablet.clock.wall > tablet.now + MAX_LEAD_MS + 1) violations.push(`${tablet.id}'s clock ran ahead to ${tablet.clock.wall}`)
  }
  return { tablets, violations, written }
}

describe('tablets whose dates are off by up to ten years', () => {
  it('never run a clock past the bound, never make an invalid stamp, and never let a later local edit lose to a held stamp', () => {
    fc.assert(
      fc.property(worldArb, world => {
        expect(simulate(world).violations).toEqual([])
      }),
      RUNS,
    )
  })

  it('refuse a stamp from the year 2100 and keep the honest later edit', () => {
    const honest: Tablet = { id: DEVICE_IDS[0], clock: { wall: 0, counter: 0 }, now: EPOCH, records: new Map() }
    const wrong: Tablet = { id: DEVICE_IDS[1], clock: { wall: 0, counter: 0 }, now: Date.UTC(2100, 0, 1), records: new Map() }
    wrong.clock = tick(wrong.clock, wrong.now)
    const poisoned = createRecord('objective', 'obj-1', 'ws-1', { title: 'From 2100', position: 0 }, makeStamp(wrong.clock, wrong.id))
    wrong.records.set('obj-1', poisoned as AnyRec)
    handoff(wrong, honest)
    expect(honest.records.size).toBe(0)
    expect(honest.clock.wall).toBe(0)
    honest.clock = tick(honest.clock, honest.now)
    const mine = createRecord('objective', 'obj-1', 'ws-1', { title: 'Honest', position: 0 }, makeStamp(honest.clock, honest.id))
    honest.records.set('obj-1', mine as AnyRec)
    handoff(wrong, honest)
    expect((honest.records.get('obj-1') as Rec<'objective'>).fields.title).toBe('Honest')
  })

  it('converge once their dates have caught up, whatever the order of handoffs, to the merge of everything written', () => {
    fc.assert(
      fc.property(worldArb, world => {
        const { tablets, written } = simulate(world)
        // The dates are put right: every tablet now stands past every stamp ever made.
        const latest = Math.max(...tablets.map(tablet => tablet.clock.wall), ...tablets.map(tablet => tablet.now))
        for (const tablet of tablets) tablet.now = latest
        // Some handoffs in any order first, then each tablet hands to the next, around twice.
        for (const [from, to] of world.order) handoff(tablets[from % tablets.length]!, tablets[to % tablets.length]!)
        for (let round = 0; round < 2; round++) {
          tablets.forEach((tablet, index) => handoff(tablet, tablets[(index + 1) % tablets.length]!))
        }
        const everything = setText(mergeSets([], written).values())
        for (const tablet of tablets) expect(setText(tablet.records.values())).toBe(everything)
      }),
      RUNS,
    )
  })
})
