/**
 * Property tests for dot voting across tablets (DESIGN.md: "A dot is its own record, so dots
 * cast on two tablets add up"). Simulated tablets, each with its own hybrid logical clock and
 * its own copy, cast and take back dots and hand their copies to one another in any order; the
 * copies are then merged with the one merge (src/domain/merge.ts) along any tree of merges.
 * The setup follows tests/unit/merge.property.test.ts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/domain/canonical'
import { makeStamp, observe, tick, type ClockState } from '../../src/domain/clock'
import { mergeSets } from '../../src/domain/merge'
import { createRecord, deleteRecord, latestStamp } from '../../src/domain/record'
import type { AnyRec, Rec } from '../../src/domain/types'
import { dotToTakeBack, voteFlags, voteTotals } from '../../src/domain/votes'

const RUNS = { numRuns: 1000 }
const WORKSHOP = 'ws-1'
const DEVICE_IDS = ['tableta000000000', 'tabletb000000000', 'tabletc000000000', 'tabletd000000000', 'tablete000000000', 'tabletf000000000'] as const
const PARTICIPANTS = ['ana', 'ben', 'dev'] as const
const MILESTONES = ['m1', 'm2', 'm3'] as const
const MILESTONE_SET: ReadonlySet<string> = new Set(MILESTONES)
const LIMITS = { perPerson: 3, perMilestone: 2 }
const EPOCH = 1_750_000_000_000

type Op =
  | { readonly type: 'cast'; readonly device: number; readonly participant: number; readonly milestone: number }
  | { readonly type: 'takeBack'; readonly device: number; readonly participant: number; readonly milestone: number }
  | { readonly type: 'handoff'; readonly from: number; readonly to: number }
  | { readonly type: 'time'; readonly device: number; readonly delta: number }

interface Tablet {
  readonly id: string
  clock: ClockState
  now: number
  records: Map<string, AnyRec>
  made: number
}

/** What happened in the room, whatever reached whom: every dot cast, and every dot taken back. */
interface Ledger {
  readonly cast: Map<string, string>
  readonly takenBack: Set<string>
}

interface Room {
  readonly copies: readonly (readonly AnyRec[])[]
  readonly ledger: Ledger
}

const deviceArb = fc.nat({ max: DEVICE_IDS.length - 1 })
const dotArb = { device: deviceArb, participant: fc.nat({ max: PARTICIPANTS.length - 1 }), milestone: fc.nat({ max: MILESTONES.length - 1 }) }
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record(dotArb).map((o): Op => ({ type: 'cast', ...o })) },
  { weight: 2, arbitrary: fc.record(dotArb).map((o): Op => ({ type: 'takeBack', ...o })) },
  { weight: 3, arbitrary: fc.record({ from: deviceArb, to: deviceArb }).map((o): Op => ({ type: 'handoff', ...o })) },
  // Wall time mostly stands still (equal stamps but for the counter), sometimes goes back.
  { weight: 1, arbitrary: fc.record({ device: deviceArb, delta: fc.integer({ min: -3, max: 3 }) }).map((o): Op => ({ type: 'time', ...o })) },
)

function simulate(tabletCount: number, ops: readonly Op[]): Room {
  const tablets: Tablet[] = DEVICE_IDS.slice(0, tabletCount).map(id => ({
    id,
    clock: { wall: 0, counter: 0 },
    now: EPOCH,
    records: new Map(),
    made: 0,
  }))
  const on = (index: number) => tablets[index % tablets.length]!
  const stampOn = (tablet: Tablet) => {
    tablet.clock = tick(tablet.clock, tablet.now)
    return makeStamp(tablet.clock, tablet.id)
  }
  const ledger: Ledger = { cast: new Map(), takenBack: new Set() }
  for (const op of ops) {
    switch (op.type) {
      case 'cast': {
        const tablet = on(op.device)
        const milestoneId = MILESTONES[op.milestone]!
        const id = `${tablet.id}.dot${++tablet.made}`
        const dot = createRecord('vote', id, WORKSHOP, { participantId: PARTICIPANTS[op.participant]!, milestoneId, tieBreakId: null }, stampOn(tablet))
        tablet.records.set(id, dot as AnyRec)
        ledger.cast.set(id, milestoneId)
        break
      }
      case 'takeBack': {
        const tablet = on(op.device)
        const dots = [...tablet.records.values()].filter((r): r is Rec<'vote'> => r.kind === 'vote')
        const dot = dotToTakeBack(dots, PARTICIPANTS[op.participant]!, MILESTONES[op.milestone]!)
        if (!dot) break
        tablet.records.set(dot.id, deleteRecord(dot, stampOn(tablet)) as AnyRec)
        ledger.takenBack.add(dot.id)
        break
      }
      case 'handoff': {
        const from = on(op.from)
        const to = on(op.to)
        const sent = [...from.records.values()].map(record => structuredClone(record))
        to.records = mergeSets(to.records.values(), sent)
        for (const record of sent) to.clock = observe(to.clock, latestStamp(record), to.now)
        break
      }
      case 'time':
        on(op.device).now += op.delta
        break
    }
  }
  return { copies: tablets.map(tablet => [...tablet.records.values()]), ledger }
}

const roomArb: fc.Arbitrary<Room> = fc
  .record({
    tabletCount: fc.integer({ min: 2, max: DEVICE_IDS.length }),
    ops: fc.array(opArb, { minLength: 1, maxLength: 60 }),
  })
  .map(({ tabletCount, ops }) => simulate(tabletCount, ops))

/** One step of a random merge plan: merge the pending copies at `at` and `at + 1`, maybe swapped. */
interface MergeStep {
  readonly at: number
  readonly swap: boolean
}
const planArb: fc.Arbitrary<readonly MergeStep[]> = fc.array(fc.record({ at: fc.nat(), swap: fc.boolean() }), { minLength: 1, maxLength: 8 })

const merged = (a: Iterable<AnyRec>, b: Iterable<AnyRec>): AnyRec[] => [...mergeSets(a, b).values()]

/** Merges the copies pairwise along a random tree: always two neighbours, in either order. */
function mergeByPlan(copies: readonly (readonly AnyRec[])[], plan: readonly MergeStep[]): AnyRec[] {
  const pending: (readonly AnyRec[])[] = copies.map(copy => copy.map(record => structuredClone(record)))
  let step = 0
  while (pending.length > 1) {
    const { at, swap } = plan[step++ % plan.length]!
    const i = at % (pending.length - 1)
    const left = pending[i]!
    const right = pending[i + 1]!
    pending.splice(i, 2, swap ? merged(right, left) : merged(left, right))
  }
  return [...(pending[0] ?? [])]
}

const liveDots = (records: readonly AnyRec[]) =>
  records.filter((r): r is Rec<'vote'> => r.kind === 'vote' && r.deleted === undefined).map(r => r.fields)

/** What the room should count: every dot cast on any tablet, less those taken back anywhere. */
function expectedTotals(ledger: Ledger): Map<string, number> {
  const totals = new Map<string, number>(MILESTONES.map(id => [id, 0]))
  for (const [id, milestoneId] of ledger.cast) if (!ledger.takenBack.has(id)) totals.set(milestoneId, totals.get(milestoneId)! + 1)
  return totals
}

const roomWithOrdersArb = roomArb.chain(room => {
  const order = room.copies.map((_, index) => index)
  const shuffled = fc.shuffledSubarray(order, { minLength: order.length, maxLength: order.length })
  return fc.record({ room: fc.constant(room), orderA: shuffled, planA: planArb, orderB: shuffled, planB: planArb })
})

// A thousand simulated rooms per property: seconds on a busy machine, not milliseconds.
describe('dots cast on several tablets', { timeout: 120_000 }, () => {
  it('add up to every dot cast less every dot taken back, after any order of merges', () => {
    fc.assert(
      fc.property(roomWithOrdersArb, ({ room, orderA, planA }) => {
        const all = mergeByPlan(orderA.map(index => room.copies[index]!), planA)
        expect([...voteTotals(liveDots(all), MILESTONE_SET)]).toEqual([...expectedTotals(room.ledger)])
      }),
      RUNS,
    )
  })

  it('add up with no take-backs to exactly the dots cast, even the same voter on the same milestone on every tablet', () => {
    const castsOnly = fc.array(fc.record(dotArb), { minLength: 1, maxLength: 40 }).chain(casts =>
      fc.record({
        tablets: fc.integer({ min: 2, max: DEVICE_IDS.length }),
        casts: fc.constant(casts),
        order: fc.shuffledSubarray([0, 1, 2, 3, 4, 5], { minLength: 6, maxLength: 6 }),
        plan: planArb,
      }),
    )
    fc.assert(
      fc.property(castsOnly, ({ tablets, casts, order, plan }) => {
        const room = simulate(tablets, casts.map((c): Op => ({ type: 'cast', ...c })))
        const copies = order.filter(index => index < tablets).map(index => room.copies[index]!)
        const totals = voteTotals(liveDots(mergeByPlan(copies, plan)), MILESTONE_SET)
        for (const [index, milestoneId] of MILESTONES.entries()) {
          expect(totals.get(milestoneId)).toBe(casts.filter(c => c.milestone === index).length)
        }
      }),
      RUNS,
    )
  })

  it('give every tablet the same records, totals and flags whatever the order of merges', () => {
    fc.assert(
      fc.property(roomWithOrdersArb, ({ room, orderA, planA, orderB, planB }) => {
        const a = mergeByPlan(orderA.map(index => room.copies[index]!), planA)
        const b = mergeByPlan(orderB.map(index => room.copies[index]!), planB)
        const byId = (x: AnyRec, y: AnyRec) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
        expect(canonicalJson([...b].sort(byId))).toBe(canonicalJson([...a].sort(byId)))
        expect(voteFlags(liveDots(b), LIMITS, MILESTONE_SET)).toEqual(voteFlags(liveDots(a), LIMITS, MILESTONE_SET))
      }),
      RUNS,
    )
  })

  it('flag a voter over budget after a merge whenever their live dots exceed it, and never drop a dot to mend it', () => {
    fc.assert(
      fc.property(roomWithOrdersArb, ({ room, orderA, planA }) => {
        const dots = liveDots(mergeByPlan(orderA.map(index => room.copies[index]!), planA))
        const flagged = new Set(voteFlags(dots, LIMITS, MILESTONE_SET).filter(f => f.kind === 'over-budget').map(f => f.participantId))
        for (const participantId of PARTICIPANTS) {
          const used = dots.filter(dot => dot.participantId === participantId).length
          expect(flagged.has(participantId)).toBe(used > LIMITS.perPerson)
        }
        expect(dots.length).toBe([...expectedTotals(room.ledger).values()].reduce((sum, n) => sum + n, 0))
      }),
      RUNS,
    )
  })
})
