/**
 * Property tests for the merge of replicated records (DESIGN.md, "Data: replicated records").
 *
 * Two sources of copies are used, and every property runs on both:
 * - realistic worlds: 3 to 5 tablets create, edit and delete records of a small shared id pool,
 *   each stamping with its own hybrid logical clock (skewed, sometimes going backwards), and hand
 *   their copies to one another in any order;
 * - loose copies: records with arbitrary stamps drawn from a tiny pool, so that equal stamps with
 *   different values (and every other tie) happen often.
 */
import { describe, it, expect, vi } from 'vitest'
import fc from 'fast-check'
import { canonicalJson } from '../../src/domain/canonical'
import { makeStamp, observe, tick, type ClockState, type Stamp } from '../../src/domain/clock'
import { mergeRecord, mergeSets } from '../../src/domain/merge'
import { createRecord, deleteRecord, editRecord, latestStamp } from '../../src/domain/record'
import type { AnyRec, FieldsByKind, Rec } from '../../src/domain/types'

// A thousand runs take seconds on a busy machine: more than the default five.
vi.setConfig({ testTimeout: 120_000 })
const RUNS = { numRuns: 1000 }

const WORKSHOP = 'ws-1'
const OBJECTIVE_IDS = ['obj-1', 'obj-2'] as const
const CARD_IDS = ['card-1', 'card-2', 'card-3'] as const
const ALL_IDS: readonly string[] = [...OBJECTIVE_IDS, ...CARD_IDS]
const DEVICE_IDS = ['taba000000000000', 'tabb000000000000', 'tabc000000000000', 'tabd000000000000', 'tabe000000000000'] as const
/** A plausible Date.now(), so stamps look like the real ones. */
const EPOCH = 1_750_000_000_000

type ObjectiveFields = FieldsByKind['objective']
type CardFields = FieldsByKind['card']
type Copy = readonly AnyRec[]

// ---------------------------------------------------------------------------------------------
// Value pools: small, so that two copies often hold the same or clashing values.

const objectiveModel = {
  title: fc.constantFrom('Grow revenue', 'Retain members', ''),
  position: fc.integer({ min: 0, max: 2 }),
}
const cardModel = {
  authorId: fc.constantFrom('p-1', 'p-2'),
  text: fc.constantFrom('Pilot in one store', 'Self-checkout', ''),
  hypothesisId: fc.constantFrom<string | null>(null, 'hyp-1', 'hyp-2'),
  sealed: fc.boolean(),
  milestoneId: fc.constantFrom<string | null>(null, 'ms-1'),
}
const objectiveFieldsArb: fc.Arbitrary<ObjectiveFields> = fc.record(objectiveModel)
const cardFieldsArb: fc.Arbitrary<CardFields> = fc.record(cardModel)
const objectivePatchArb: fc.Arbitrary<Partial<ObjectiveFields>> = fc.record(objectiveModel, { requiredKeys: [] })
const cardPatchArb: fc.Arbitrary<Partial<CardFields>> = fc.record(cardModel, { requiredKeys: [] })

// ---------------------------------------------------------------------------------------------
// Realistic worlds: tablets with their own clocks, operating on their own copies.

/** What an operation acts on. An id always has the same kind (and workshop). */
type Target =
  | { readonly kind: 'objective'; readonly id: string; readonly fields: ObjectiveFields; readonly patch: Partial<ObjectiveFields> }
  | { readonly kind: 'card'; readonly id: string; readonly fields: CardFields; readonly patch: Partial<CardFields> }

type Op =
  | { readonly type: 'create'; readonly device: number; readonly target: Target }
  | { readonly type: 'edit'; readonly device: number; readonly target: Target }
  | { readonly type: 'delete'; readonly device: number; readonly id: string }
  | { readonly type: 'handoff'; readonly from: number; readonly to: number }
  | { readonly type: 'time'; readonly device: number; readonly delta: number }

const deviceArb = fc.nat({ max: DEVICE_IDS.length - 1 })
const targetArb: fc.Arbitrary<Target> = fc.oneof(
  fc
    .record({ id: fc.constantFrom(...OBJECTIVE_IDS), fields: objectiveFieldsArb, patch: objectivePatchArb })
    .map(({ id, fields, patch }): Target => ({ kind: 'objective', id, fields, patch })),
  fc
    .record({ id: fc.constantFrom(...CARD_IDS), fields: cardFieldsArb, patch: cardPatchArb })
    .map(({ id, fields, patch }): Target => ({ kind: 'card', id, fields, patch })),
)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ device: deviceArb, target: targetArb }).map((o): Op => ({ type: 'create', ...o })) },
  { weight: 5, arbitrary: fc.record({ device: deviceArb, target: targetArb }).map((o): Op => ({ type: 'edit', ...o })) },
  { weight: 2, arbitrary: fc.record({ device: deviceArb, id: fc.constantFrom(...ALL_IDS) }).map((o): Op => ({ type: 'delete', ...o })) },
  { weight: 3, arbitrary: fc.record({ from: deviceArb, to: deviceArb }).map((o): Op => ({ type: 'handoff', ...o })) },
  // Wall time mostly stands still or moves on a little, and sometimes goes back (a clock reset).
  { weight: 2, arbitrary: fc.record({ device: deviceArb, delta: fc.integer({ min: -3, max: 3 }) }).map((o): Op => ({ type: 'time', ...o })) },
)

interface Device {
  readonly id: string
  clock: ClockState
  now: number
  records: Map<string, AnyRec>
}

interface World {
  readonly devices: readonly Device[]
  /** Every distinct version of every record that ever existed on some tablet, by id. */
  readonly history: ReadonlyMap<string, readonly AnyRec[]>
  /** Every whole copy that ever existed on some tablet (after each step). */
  readonly snapshots: readonly Copy[]
  /** Broken invariants seen while the world ran (should stay empty). */
  readonly violations: readonly string[]
}

function maxStamp(stamps: Iterable<Stamp>): Stamp | undefined {
  let best: Stamp | undefined
  for (const stamp of stamps) if (best === undefined || stamp > best) best = stamp
  return best
}

/** Applies a create (all fields) or an edit (the patch) to a tablet's copy of a record. */
function applyTarget(record: AnyRec | undefined, target: Target, create: boolean, stamp: Stamp): AnyRec | undefined {
  if (target.kind === 'objective') {
    if (record === undefined) return create ? createRecord('objective', target.id, WORKSHOP, target.fields, stamp) : undefined
    if (record.kind !== 'objective') throw new Error(`${target.id} changed kind`)
    return editRecord(record, create ? target.fields : target.patch, stamp)
  }
  if (record === undefined) return create ? createRecord('card', target.id, WORKSHOP, target.fields, stamp) : undefined
  if (record.kind !== 'card') throw new Error(`${target.id} changed kind`)
  return editRecord(record, create ? target.fields : target.patch, stamp)
}

function tombstone(record: AnyRec, stamp: Stamp): AnyRec {
  if (record.kind === 'objective') return deleteRecord(record, stamp)
  if (record.kind === 'card') return deleteRecord(record, stamp)
  throw new Error(`unexpected kind ${record.kind}`)
}

function simulate(deviceCount: number, skews: readonly number[], ops: readonly Op[]): World {
  const devices: Device[] = DEVICE_IDS.slice(0, deviceCount).map((id, index) => ({
    id,
    clock: { wall: 0, counter: 0 },
    now: EPOCH + (skews[index] ?? 0),
    records: new Map<string, AnyRec>(),
  }))
  const device = (index: number): Device => devices[index % devices.length]!
  const history = new Map<string, Map<string, AnyRec>>()
  const snapshots: Copy[] = []
  const violations: string[] = []
  const remember = (record: AnyRec): void => {
    const versions = history.get(record.id) ?? new Map<string, AnyRec>()
    versions.set(canonicalJson(record), record)
    history.set(record.id, versions)
  }
  /** A new stamp on a tablet: it must be later than anything that tablet already holds. */
  const stampOn = (on: Device): Stamp => {
    on.clock = tick(on.clock, on.now)
    const stamp = makeStamp(on.clock, on.id)
    const held = maxStamp([...on.records.values()].map(latestStamp))
    if (held !== undefined && stamp <= held) violations.push(`${on.id} stamped ${stamp}, not after ${held}`)
    return stamp
  }

  for (const op of ops) {
    const touched = op.type === 'handoff' ? device(op.to) : device(op.device)
    const tombstones = new Map([...touched.records.values()].flatMap(r => (r.deleted ? [[r.id, r.deleted] as const] : [])))
    switch (op.type) {
      case 'create':
      case 'edit': {
        const record = applyTarget(touched.records.get(op.target.id), op.target, op.type === 'create', stampOn(touched))
        if (record) touched.records.set(record.id, record)
        break
      }
      case 'delete': {
        const record = touched.records.get(op.id)
        if (record) touched.records.set(op.id, tombstone(record, stampOn(touched)))
        break
      }
      case 'handoff': {
        const from = device(op.from)
        const sent = [...from.records.values()].map(r => structuredClone(r))
        touched.records = mergeSets(touched.records.values(), sent)
        const latest = maxStamp(sent.map(latestStamp))
        if (latest !== undefined) touched.clock = observe(touched.clock, latest, touched.now)
        break
      }
      case 'time':
        touched.now += op.delta
        break
    }
    // An older edit never undoes a tombstone: what was deleted on a tablet stays deleted there.
    for (const [id, deleted] of tombstones) {
      const after = touched.records.get(id)?.deleted
      if (after === undefined || after < deleted) violations.push(`${touched.id} lost the tombstone of ${id}`)
    }
    for (const record of touched.records.values()) remember(record)
    snapshots.push([...touched.records.values()])
  }
  const distinctVersions = new Map([...history].map(([id, versions]) => [id, [...versions.values()]] as const))
  return { devices, history: distinctVersions, snapshots, violations }
}

const worldArb: fc.Arbitrary<World> = fc
  .record({
    deviceCount: fc.integer({ min: 3, max: DEVICE_IDS.length }),
    skews: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: DEVICE_IDS.length, maxLength: DEVICE_IDS.length }),
    ops: fc.array(opArb, { minLength: 8, maxLength: 50, size: 'max' }),
  })
  .map(({ deviceCount, skews, ops }) => simulate(deviceCount, skews, ops))

// ---------------------------------------------------------------------------------------------
// Loose records: arbitrary stamps from a tiny pool, to stress ties.

const stampArb: fc.Arbitrary<Stamp> = fc
  .record({
    wall: fc.integer({ min: 0, max: 2 }),
    counter: fc.integer({ min: 0, max: 1 }),
    device: fc.constantFrom('taba000000000000', 'tabb000000000000'),
  })
  .map(({ wall, counter, device }) => makeStamp({ wall: EPOCH + wall, counter }, device))

const tombstoneArb: fc.Arbitrary<Stamp | undefined> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: stampArb },
)

function withTombstone<R extends AnyRec>(record: R, deleted: Stamp | undefined): R {
  return deleted === undefined ? record : { ...record, deleted }
}

function looseRecordArb(id: string): fc.Arbitrary<AnyRec> {
  if ((OBJECTIVE_IDS as readonly string[]).includes(id)) {
    return fc
      .record({ fields: objectiveFieldsArb, stamps: fc.record({ title: stampArb, position: stampArb }), deleted: tombstoneArb })
      .map(({ fields, stamps, deleted }): AnyRec => {
        const record: Rec<'objective'> = { id, workshopId: WORKSHOP, kind: 'objective', fields, stamps }
        return withTombstone(record, deleted)
      })
  }
  return fc
    .record({
      fields: cardFieldsArb,
      stamps: fc.record({ authorId: stampArb, text: stampArb, hypothesisId: stampArb, sealed: stampArb, milestoneId: stampArb }),
      deleted: tombstoneArb,
    })
    .map(({ fields, stamps, deleted }): AnyRec => {
      const record: Rec<'card'> = { id, workshopId: WORKSHOP, kind: 'card', fields, stamps }
      return withTombstone(record, deleted)
    })
}

const looseCopyArb: fc.Arbitrary<Copy> = fc
  .subarray([...ALL_IDS])
  .chain(ids => fc.tuple(...ids.map(looseRecordArb)))
  .map(records => [...records])

// ---------------------------------------------------------------------------------------------
// What the properties draw: three copies of one record, or N >= 3 whole copies.

interface Sample<T> {
  /** From HLC-stamped worlds: one stamp is only ever given to one value. */
  readonly realistic: boolean
  readonly items: readonly T[]
}

const looseTripleArb: fc.Arbitrary<Sample<AnyRec>> = fc
  .constantFrom(...ALL_IDS)
  .chain(id => fc.tuple(looseRecordArb(id), looseRecordArb(id), looseRecordArb(id)))
  .map(items => ({ realistic: false, items }))

const realisticTripleArb: fc.Arbitrary<Sample<AnyRec>> = worldArb.chain(world => {
  // Prefer records that really diverged on the way (two or more distinct versions).
  const all = [...world.history.values()].filter(versions => versions.length > 0)
  const diverged = all.filter(versions => versions.length > 1)
  const versionLists = diverged.length > 0 ? diverged : all
  if (versionLists.length === 0) return looseTripleArb
  return fc
    .constantFrom(...versionLists)
    .chain(versions => fc.tuple(fc.constantFrom(...versions), fc.constantFrom(...versions), fc.constantFrom(...versions)))
    .map(items => ({ realistic: true, items: items.map(r => structuredClone(r)) }))
})

/** Three copies of one record: a, b, c. */
const tripleArb = fc.oneof(realisticTripleArb, looseTripleArb)

const realisticCopiesArb: fc.Arbitrary<Sample<Copy>> = worldArb.chain(world =>
  fc
    .array(fc.constantFrom(...world.snapshots), { maxLength: 2 })
    .map(extra => ({
      realistic: true,
      items: [...world.devices.map(d => [...d.records.values()]), ...extra].map(copy => copy.map(r => structuredClone(r))),
    })),
)
const looseCopiesArb: fc.Arbitrary<Sample<Copy>> = fc
  .array(looseCopyArb, { minLength: 3, maxLength: 5 })
  .map(items => ({ realistic: false, items }))

/** N >= 3 whole copies (one per tablet, plus maybe some older copies). */
const copiesArb = fc.oneof(realisticCopiesArb, looseCopiesArb)

/** Three whole copies: a, b, c. */
const threeCopiesArb: fc.Arbitrary<readonly [Copy, Copy, Copy]> = copiesArb.map(({ items }) => [
  items[0] ?? [],
  items[1] ?? [],
  items[2] ?? [],
])

/** One step of a random merge plan: merge the pending copies at `at` and `at + 1`, maybe swapped. */
interface MergeStep {
  readonly at: number
  readonly swap: boolean
}
const planArb: fc.Arbitrary<readonly MergeStep[]> = fc.array(fc.record({ at: fc.nat(), swap: fc.boolean() }), {
  minLength: 6,
  maxLength: 6,
})

/** N copies, a permutation of them and a random tree of merges over them. */
const convergenceArb = copiesArb.chain(sample => {
  const order = sample.items.map((_, index) => index)
  return fc.record({
    sample: fc.constant(sample),
    order: fc.shuffledSubarray(order, { minLength: order.length, maxLength: order.length }),
    plan: planArb,
  })
})

// ---------------------------------------------------------------------------------------------
// Helpers.

const byId = (a: AnyRec, b: AnyRec): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
const recordText = (record: AnyRec): string => canonicalJson(record)
const setText = (records: Iterable<AnyRec>): string => canonicalJson([...records].sort(byId))
const merged = (a: Iterable<AnyRec>, b: Iterable<AnyRec>): AnyRec[] => [...mergeSets(a, b).values()]
const fresh = <T>(value: T): T => structuredClone(value)

/** Left to right: ((c0 ∪ c1) ∪ c2) ∪ … */
function foldAll(copies: readonly Copy[]): AnyRec[] {
  return copies.reduce<AnyRec[]>((acc, copy) => merged(acc, copy), [])
}

/** Merges the copies pairwise along a random tree: always two neighbours, in either order. */
function mergeByPlan(copies: readonly Copy[], plan: readonly MergeStep[]): AnyRec[] {
  const pending: Copy[] = [...copies]
  let step = 0
  while (pending.length > 1) {
    const { at, swap } = plan[step++ % plan.length] ?? { at: 0, swap: false }
    const i = at % (pending.length - 1)
    const left = pending[i] ?? []
    const right = pending[i + 1] ?? []
    pending.splice(i, 2, swap ? merged(right, left) : merged(left, right))
  }
  return [...(pending[0] ?? [])]
}

const stampsOf = (record: AnyRec): Readonly<Record<string, Stamp>> => record.stamps as Readonly<Record<string, Stamp>>
const fieldsOf = (record: AnyRec): Readonly<Record<string, unknown>> => record.fields as Readonly<Record<string, unknown>>

/** Later stamp wins per field, tombstones are sticky, nothing is lost: checked against the inputs. */
function expectMergeOf(inputs: readonly AnyRec[], result: AnyRec, realistic: boolean): void {
  // Tombstone: present iff some input has one, and then the latest of them.
  expect(result.deleted).toBe(maxStamp(inputs.flatMap(r => (r.deleted === undefined ? [] : [r.deleted]))))
  const keys = new Set(inputs.flatMap(r => Object.keys(r.stamps)))
  expect(Object.keys(result.stamps).sort()).toEqual([...keys].sort())
  for (const key of keys) {
    const best = maxStamp(inputs.flatMap(r => (stampsOf(r)[key] === undefined ? [] : [stampsOf(r)[key]!])))
    expect(stampsOf(result)[key], `stamp of ${result.id}.${key}`).toBe(best)
    const candidates = new Set(inputs.filter(r => stampsOf(r)[key] === best).map(r => canonicalJson(fieldsOf(r)[key])))
    // With real clocks one stamp is only ever given to one value; only loose records tie.
    if (realistic) expect(candidates.size, `values stamped ${best} for ${result.id}.${key}`).toBe(1)
    expect([...candidates], `value of ${result.id}.${key}`).toContain(canonicalJson(fieldsOf(result)[key]))
  }
}

function expectSetMergeOf(copies: readonly Copy[], result: readonly AnyRec[], realistic: boolean): void {
  const inputIds = new Set(copies.flatMap(copy => copy.map(r => r.id)))
  expect(result.map(r => r.id).sort()).toEqual([...inputIds].sort())
  for (const record of result) {
    const inputs = copies.flatMap(copy => copy.filter(r => r.id === record.id))
    expectMergeOf(inputs, record, realistic)
  }
}

// ---------------------------------------------------------------------------------------------

describe('the simulated worlds themselves', () => {
  it('keep HLC order (every new stamp is after all a tablet holds) and tombstones on every tablet', () => {
    fc.assert(
      fc.property(worldArb, world => {
        expect(world.violations).toEqual([])
      }),
      RUNS,
    )
  })
})

describe('mergeRecord', () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(tripleArb, ({ items: [a, b] }) => {
        if (!a || !b) return
        expect(recordText(mergeRecord(a, b))).toBe(recordText(mergeRecord(b, a)))
      }),
      RUNS,
    )
  })

  it('is associative', () => {
    fc.assert(
      fc.property(tripleArb, ({ items: [a, b, c] }) => {
        if (!a || !b || !c) return
        expect(recordText(mergeRecord(mergeRecord(a, b), c))).toBe(recordText(mergeRecord(a, mergeRecord(b, c))))
      }),
      RUNS,
    )
  })

  it('is idempotent, also on a copy that is not the same object', () => {
    fc.assert(
      fc.property(tripleArb, ({ items: [a, b] }) => {
        if (!a || !b) return
        expect(recordText(mergeRecord(a, a))).toBe(recordText(a))
        expect(recordText(mergeRecord(a, fresh(a)))).toBe(recordText(a))
        const ab = mergeRecord(a, b)
        expect(recordText(mergeRecord(ab, fresh(b)))).toBe(recordText(ab))
        expect(recordText(mergeRecord(fresh(a), ab))).toBe(recordText(ab))
      }),
      RUNS,
    )
  })

  it('takes the later stamp per field and keeps the latest tombstone', () => {
    fc.assert(
      fc.property(tripleArb, ({ realistic, items: [a, b] }) => {
        if (!a || !b) return
        expectMergeOf([a, b], mergeRecord(a, b), realistic)
      }),
      RUNS,
    )
  })

  it('never lets an edit, older or newer, undo a tombstone', () => {
    fc.assert(
      fc.property(tripleArb, ({ items: [a, b, c] }) => {
        if (!a || !b || !c) return
        // However the edits in b and c are stamped, the tombstone on `gone` survives every merge.
        const deleted = a.deleted ?? latestStamp(a)
        const gone: AnyRec = { ...a, deleted }
        for (const result of [mergeRecord(gone, b), mergeRecord(b, gone), mergeRecord(mergeRecord(c, gone), b)]) {
          expect(result.deleted).toBeDefined()
          expect((result.deleted ?? '') >= deleted).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('changes neither input', () => {
    fc.assert(
      fc.property(tripleArb, ({ items: [a, b] }) => {
        if (!a || !b) return
        const before = [recordText(a), recordText(b)]
        mergeRecord(a, b)
        mergeRecord(b, a)
        expect([recordText(a), recordText(b)]).toEqual(before)
      }),
      RUNS,
    )
  })
})

describe('mergeSets', () => {
  it('is commutative (compared by id)', () => {
    fc.assert(
      fc.property(threeCopiesArb, ([a, b]) => {
        expect(setText(merged(a, b))).toBe(setText(merged(b, a)))
      }),
      RUNS,
    )
  })

  it('is associative', () => {
    fc.assert(
      fc.property(threeCopiesArb, ([a, b, c]) => {
        expect(setText(merged(merged(a, b), c))).toBe(setText(merged(a, merged(b, c))))
      }),
      RUNS,
    )
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(threeCopiesArb, ([a, b]) => {
        expect(setText(merged(a, a))).toBe(setText(a))
        expect(setText(merged(a, fresh(a)))).toBe(setText(a))
        const ab = merged(a, b)
        expect(setText(merged(ab, fresh(b)))).toBe(setText(ab))
        expect(setText(merged(fresh(a), ab))).toBe(setText(ab))
      }),
      RUNS,
    )
  })

  it('converges: N >= 3 copies merged in any order, along any tree of merges, give one result', () => {
    fc.assert(
      fc.property(convergenceArb, ({ sample, order, plan }) => {
        const copies = sample.items
        const reference = setText(foldAll(copies))
        const shuffled = order.map(index => copies[index] ?? [])
        expect(setText(foldAll(shuffled))).toBe(reference)
        expect(setText(foldAll([...shuffled].reverse()))).toBe(reference)
        expect(setText(mergeByPlan(shuffled, plan))).toBe(reference)
        // Gossip: every tablet ends with every other's copy, in its own order.
        const gossip = shuffled.map((own, i) => foldAll([own, ...shuffled.slice(i + 1), ...shuffled.slice(0, i)]))
        for (const copy of gossip) expect(setText(copy)).toBe(reference)
      }),
      RUNS,
    )
  })

  it('never loses a record id: the merged ids are the union of the inputs', () => {
    fc.assert(
      fc.property(convergenceArb, ({ sample, order, plan }) => {
        const copies = order.map(index => sample.items[index] ?? [])
        const union = new Set(copies.flatMap(copy => copy.map(r => r.id)))
        const result = mergeByPlan(copies, plan)
        expect(result.map(r => r.id).sort()).toEqual([...union].sort())
        expect(new Set(result.map(r => r.id)).size).toBe(result.length)
      }),
      RUNS,
    )
  })

  it('keeps every tombstone: deleted in any copy means deleted in the merge, with the latest stamp', () => {
    fc.assert(
      fc.property(convergenceArb, ({ sample, order, plan }) => {
        const copies = order.map(index => sample.items[index] ?? [])
        const result = new Map(mergeByPlan(copies, plan).map(r => [r.id, r]))
        for (const id of new Set(copies.flatMap(copy => copy.map(r => r.id)))) {
          const tombstones = copies.flatMap(copy => copy.filter(r => r.id === id && r.deleted !== undefined))
          const deleted = result.get(id)?.deleted
          if (tombstones.length === 0) expect(deleted).toBeUndefined()
          else expect(deleted).toBe(maxStamp(tombstones.map(r => r.deleted ?? '')))
        }
      }),
      RUNS,
    )
  })

  it('takes, for each field, the value of the copy with the greatest stamp for that field', () => {
    fc.assert(
      fc.property(convergenceArb, ({ sample, order, plan }) => {
        const copies = order.map(index => sample.items[index] ?? [])
        expectSetMergeOf(copies, mergeByPlan(copies, plan), sample.realistic)
      }),
      RUNS,
    )
  })
})
