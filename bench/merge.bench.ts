/**
 * How long merging every tablet's copy takes: 10 tablets, each holding its own copy of a shared
 * pool of 1,000 records, each having edited and deleted its own random share of them.
 * Timings are printed, never asserted (CI does not gate on them); the result is checked.
 */
import { describe, it, expect } from 'vitest'
import { canonicalJson } from '../src/domain/canonical'
import { laterStamp, makeStamp, observe, tick, type ClockState, type Stamp } from '../src/domain/clock'
import { mergeSets } from '../src/domain/merge'
import { createRecord, deleteRecord, editRecord, latestStamp } from '../src/domain/record'
import type { AnyRec } from '../src/domain/types'

const DEVICES = 10
const POOL = 1000
const WARMUP_RUNS = 3
const TIMED_RUNS = 9
const GOAL_MS = 100
const WORKSHOP = 'ws-bench'
const EPOCH = 1_750_000_000_000

/** A small seeded generator (mulberry32), so every run merges the same copies. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

class Tablet {
  private clock: ClockState = { wall: 0, counter: 0 }
  constructor(
    readonly id: string,
    private now: number,
  ) {}
  stamp(): Stamp {
    this.now += 1
    this.clock = tick(this.clock, this.now)
    return makeStamp(this.clock, this.id)
  }
  receive(latest: Stamp): void {
    this.clock = observe(this.clock, latest, this.now)
  }
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)]!

/** The workshop as the facilitator's tablet built it: objectives, key results, hypotheses, people, cards, clusters, votes. */
function createPool(facilitator: Tablet, rand: () => number): AnyRec[] {
  const records: AnyRec[] = []
  const id = (prefix: string, n: number) => `${prefix}-${n.toString(16).padStart(8, '0')}`
  const objectives = Array.from({ length: 10 }, (_, n) => id('obj', n))
  const keyResults = Array.from({ length: 30 }, (_, n) => id('kr', n))
  const hypotheses = Array.from({ length: 60 }, (_, n) => id('hyp', n))
  const participants = Array.from({ length: 40 }, (_, n) => id('p', n))
  const milestones = Array.from({ length: 160 }, (_, n) => id('ms', n))
  objectives.forEach((o, position) =>
    records.push(createRecord('objective', o, WORKSHOP, { title: `Objective ${position}`, position }, facilitator.stamp())),
  )
  keyResults.forEach((k, position) =>
    records.push(
      createRecord('keyResult', k, WORKSHOP, { objectiveId: pick(rand, objectives), text: `Key result ${position}`, position }, facilitator.stamp()),
    ),
  )
  hypotheses.forEach((h, position) =>
    records.push(
      createRecord(
        'hypothesis',
        h,
        WORKSHOP,
        { objectiveId: pick(rand, objectives), keyResultIds: [pick(rand, keyResults)], text: `We believe that ${position}`, position },
        facilitator.stamp(),
      ),
    ),
  )
  participants.forEach((p, position) =>
    records.push(createRecord('participant', p, WORKSHOP, { name: `Person ${position}`, pair: `pair-${position >> 1}`, position }, facilitator.stamp())),
  )
  milestones.forEach((m, n) =>
    records.push(
      createRecord(
        'milestone',
        m,
        WORKSHOP,
        {
          title: `Milestone ${n}`,
          type: null,
          hypothesisId: pick(rand, hypotheses),
          keyResultId: pick(rand, keyResults),
          objectiveId: null,
          unlocks: rand() < 0.3 ? [pick(rand, milestones)] : [],
          validates: '',
        },
        facilitator.stamp(),
      ),
    ),
  )
  for (let n = 0; records.length < POOL - 200; n++) {
    records.push(
      createRecord(
        'card',
        id('card', n),
        WORKSHOP,
        { authorId: pick(rand, participants), text: `Idea ${n}`, hypothesisId: pick(rand, hypotheses), sealed: true, milestoneId: null },
        facilitator.stamp(),
      ),
    )
  }
  for (let n = 0; records.length < POOL; n++) {
    const participantId = participants[n % participants.length]!
    const milestoneId = milestones[Math.floor(n / participants.length) % milestones.length]!
    records.push(
      createRecord('vote', `dot-${n}`, WORKSHOP, { participantId, milestoneId, tieBreakId: null }, facilitator.stamp()),
    )
  }
  if (new Set(records.map(r => r.id)).size !== POOL) throw new Error('the pool must hold distinct ids')
  return records
}

/** One tablet's edit of a record, of a kind-appropriate field. */
function edit(record: AnyRec, stamp: Stamp, rand: () => number, tablet: string): AnyRec {
  const tag = `${tablet} ${Math.floor(rand() * 1000)}`
  switch (record.kind) {
    case 'objective':
      return editRecord(record, { title: `Objective (${tag})` }, stamp)
    case 'keyResult':
      return editRecord(record, { text: `Key result (${tag})`, position: Math.floor(rand() * 30) }, stamp)
    case 'hypothesis':
      return editRecord(record, { text: `We believe (${tag})` }, stamp)
    case 'participant':
      return editRecord(record, { name: `Person (${tag})` }, stamp)
    case 'card':
      return editRecord(record, { sealed: false, milestoneId: `ms-${Math.floor(rand() * 160).toString(16).padStart(8, '0')}` }, stamp)
    case 'milestone':
      return editRecord(record, { title: `Milestone (${tag})`, validates: tag }, stamp)
    default:
      return record
  }
}

/** deleteRecord keeps the record's kind; AnyRec is the union of those kinds. */
function tombstone(record: AnyRec, stamp: Stamp): AnyRec {
  return deleteRecord(record, stamp) as AnyRec
}

/**
 * 10 copies of the pool. Each tablet received the facilitator's pool, then edited about a fifth
 * and deleted about 2% of it on its own. The copies are deep clones, as they would be after
 * IndexedDB or a QR handoff, so no merge can short-cut on shared objects.
 */
function buildCopies(): AnyRec[][] {
  const rand = random(0x0c0ffee)
  const facilitator = new Tablet('tablet0000000000', EPOCH)
  const pool = createPool(facilitator, rand)
  const latest = pool.reduce((max, r) => laterStamp(max, latestStamp(r)), '')
  return Array.from({ length: DEVICES }, (_, d) => {
    const tablet = new Tablet(`tablet${d.toString().padStart(10, '0')}`, EPOCH + Math.floor(rand() * 2000) - 1000)
    tablet.receive(latest)
    return pool.map(original => {
      let record: AnyRec = structuredClone(original)
      const roll = rand()
      if (roll < 0.2) record = edit(record, tablet.stamp(), rand, tablet.id)
      if (roll < 0.05) record = edit(record, tablet.stamp(), rand, tablet.id)
      if (rand() < 0.02) record = tombstone(record, tablet.stamp())
      return record
    })
  })
}

function mergeAll(copies: readonly AnyRec[][]): Map<string, AnyRec> {
  let merged = new Map<string, AnyRec>()
  for (const copy of copies) merged = mergeSets(merged.values(), copy)
  return merged
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

describe('merge benchmark', () => {
  it(`merges ${DEVICES} copies of ${POOL} records`, () => {
    const copies = buildCopies()
    expect(copies.every(copy => copy.length === POOL)).toBe(true)

    let result = new Map<string, AnyRec>()
    for (let run = 0; run < WARMUP_RUNS; run++) result = mergeAll(copies)

    const times: number[] = []
    for (let run = 0; run < TIMED_RUNS; run++) {
      const start = performance.now()
      result = mergeAll(copies)
      times.push(performance.now() - start)
    }
    const ms = median(times)
    console.log(
      `merge: ${DEVICES} copies × ${POOL} records in ${ms.toFixed(1)} ms ` +
        `(goal ≤ ${GOAL_MS} ms, ratio ${(ms / GOAL_MS).toFixed(2)}; median of ${TIMED_RUNS}, ` +
        `min ${Math.min(...times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms)`,
    )

    const pairTimes: number[] = []
    for (let run = 0; run < TIMED_RUNS; run++) {
      const [a = [], b = []] = copies
      const start = performance.now()
      mergeSets(a, b)
      pairTimes.push(performance.now() - start)
    }
    console.log(`merge: 2 copies × ${POOL} records in ${median(pairTimes).toFixed(2)} ms (one handoff)`)

    const deleted = [...result.values()].filter(r => r.deleted !== undefined).length
    console.log(`merge: result ${result.size} records, ${deleted} deleted`)

    // Not vacuous: every id of the pool survives, some deleted, and the order of the copies does not matter.
    expect(result.size).toBe(POOL)
    expect(deleted).toBeGreaterThan(0)
    const text = (records: Map<string, AnyRec>) => canonicalJson([...records.values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
    expect(text(mergeAll([...copies].reverse()))).toBe(text(result))
  })
})
