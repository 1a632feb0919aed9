import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/domain/canonical'
import { makeStamp } from '../../src/domain/clock'
import type { AnyRec } from '../../src/domain/types'
import { backupMac, envelopeText, type Backup } from '../../src/exchange/backup'
import { crc32 } from '../../src/exchange/crc32'
import { applyBackup, checkBackup } from '../../src/store/commands/backup'
import { newSecret } from '../../src/store/commands/workshops'
import { sampleBackupText } from '../fixtures/workshop'
import { dump, freshDb } from './db-helpers'

/**
 * Mutated and forged backup files of a workshop this tablet holds, made by someone without
 * the workshop's key: none may be accepted, and after each refusal the database is byte for
 * byte what it was. The seed is fixed, so a failure names a case that can be run again.
 */

const CASES = 1200
const SEED = 0x0c0ffee

/** mulberry32: small, fast and seeded. */
function prng(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  }
}
type Random = ReturnType<typeof prng>

type Body = { -readonly [K in keyof Backup]: Backup[K] } & { records: AnyRec[] }
type Mutable = Record<string, unknown>

const FAR_FUTURE = makeStamp({ wall: Date.UTC(2099, 0, 1), counter: 0 }, 'forger0device000')

/** Changes to the records that a forger would want merged. */
const FORGERIES: Record<string, (body: Body, random: Random, forged: { secret: string }) => void> = {
  tombstones(body, random) {
    const live = body.records.filter(record => record.deleted === undefined)
    for (let n = 1 + random.int(5); n > 0; n--) {
      const record = random.pick(live) as unknown as Mutable
      record.deleted = FAR_FUTURE
    }
  },
  secretRewrite(body, _, forged) {
    const workshop = body.records.find(record => record.kind === 'workshop') as unknown as { fields: Mutable; stamps: Mutable }
    workshop.fields.secret = forged.secret
    workshop.stamps.secret = FAR_FUTURE
  },
  kindChange(body, random) {
    const vote = random.pick(body.records.filter(record => record.kind === 'vote')) as unknown as Mutable
    vote.kind = 'card'
    vote.fields = { authorId: 'participant-0001', text: 'A vote turned into a card', hypothesisId: null, sealed: false, milestoneId: null }
    vote.stamps = { authorId: FAR_FUTURE, text: FAR_FUTURE, hypothesisId: FAR_FUTURE, sealed: FAR_FUTURE, milestoneId: FAR_FUTURE }
  },
  duplicateIds(body, random) {
    const record = structuredClone(random.pick(body.records)) as unknown as { fields: Mutable; stamps: Mutable }
    for (const key of Object.keys(record.fields)) if (typeof record.fields[key] === 'string') record.fields[key] = 'Twin'
    body.records.push(record as unknown as AnyRec)
  },
  futureStamps(body, random) {
    for (let n = 1 + random.int(8); n > 0; n--) {
      const record = random.pick(body.records) as unknown as { stamps: Mutable; fields: Mutable }
      const key = random.pick(Object.keys(record.stamps))
      record.stamps[key] = FAR_FUTURE
      if (typeof record.fields[key] === 'string' && key !== 'secret') record.fields[key] = 'Later, from the future'
    }
  },
  retitle(body) {
    body.title = 'Another title'
  },
  moveToNewWorkshop(body, _, forged) {
    // The same record ids under a workshop id of the forger's: a "restore" that would overwrite ours.
    const id = 'f'.repeat(32)
    const oldId = body.workshopId
    body.workshopId = id
    body.records = body.records.map(record => {
      const copy = record as unknown as Mutable & { fields: Mutable }
      if (record.kind === 'workshop') copy.fields.secret = forged.secret
      return { ...copy, id: record.id === oldId ? id : record.id, workshopId: id } as unknown as AnyRec
    })
  },
  extraField(body, random) {
    const record = random.pick(body.records) as unknown as Mutable
    record.note = 'ignored by the reader, but not by the seal'
  },
}

/** How the forger seals the changed file. */
type Sealing = 'keep' | 'forged-secret' | 'random-secret' | 'version-1' | 'no-seal' | 'version-bump'

async function sealed(body: Body, mac: string, how: Sealing, forged: { secret: string }): Promise<string> {
  switch (how) {
    case 'keep':
      return envelopeText(body, { mac })
    case 'forged-secret':
      return envelopeText(body, { mac: await backupMac(body, forged.secret) })
    case 'random-secret':
      return envelopeText(body, { mac: await backupMac(body, newSecret()) })
    case 'version-1': {
      const old = { ...body, version: 1 }
      return envelopeText(old, { checksum: crc32(canonicalJson(old)) })
    }
    case 'no-seal':
      return envelopeText(body, {})
    case 'version-bump': {
      const bumped = { ...body, version: 3 }
      return envelopeText(bumped, { mac: await backupMac(bumped, forged.secret) })
    }
  }
}

/** Damage to the bytes themselves: flipped bits or a cut, anywhere but in white space. */
function damaged(text: string, random: Random): string {
  if (random.next() < 0.3) return text.slice(0, random.int(text.length))
  const bytes = new TextEncoder().encode(text)
  for (let n = 1 + random.int(4); n > 0; n--) {
    let at = random.int(bytes.length)
    while (bytes[at] === 0x0a || bytes[at] === 0x20) at = random.int(bytes.length)
    bytes[at]! ^= 1 << random.int(8)
  }
  return new TextDecoder().decode(bytes)
}

describe('forged and mutated backup files', () => {
  it(`accepts none of ${CASES} without the workshop key, and writes nothing on any refusal`, async () => {
    const db = freshDb()
    const original = await sampleBackupText({ cards: 12 })
    const restored = await checkBackup(db, original)
    if (!restored.ok) throw new Error(restored.message)
    await applyBackup(db, restored)
    const before = await dump(db)
    expect(before).toContain('fixture-secret-0123456789abcdefghijklmno')

    const { mac, ...parsed } = JSON.parse(original) as Body & { mac: string }
    const random = prng(SEED)
    const names = Object.keys(FORGERIES)
    const sealings: Sealing[] = ['keep', 'forged-secret', 'random-secret', 'version-1', 'no-seal', 'version-bump']
    const tally = new Map<string, number>()
    const accepted: string[] = []

    for (let index = 0; index < CASES; index++) {
      let text: string
      let label: string
      if (random.next() < 0.25) {
        text = damaged(original, random)
        label = 'damaged'
      } else {
        const body = structuredClone(parsed) as Body
        const forged = { secret: newSecret() }
        const chosen = [random.pick(names), ...(random.next() < 0.3 ? [random.pick(names)] : [])]
        for (const name of chosen) FORGERIES[name]!(body, random, forged)
        const how = random.pick(sealings)
        text = await sealed(body, mac, how, forged)
        label = `${chosen.join('+')} / ${how}`
      }
      if (text === original) continue
      tally.set(label.split(' ')[0]!, (tally.get(label.split(' ')[0]!) ?? 0) + 1)

      const checked = await checkBackup(db, text)
      if (checked.ok) {
        // A restore may still be refused at the last step; anything that writes is accepted.
        const applied = await applyBackup(db, checked)
        if (applied.ok) accepted.push(`case ${index}: ${label} (${checked.mode})`)
      } else {
        expect(checked.message, `case ${index}: ${label}`).toMatch(/Nothing was changed\.$/)
      }
      const after = await dump(db)
      if (after !== before) throw new Error(`case ${index} (${label}) changed the database`)
    }

    expect(accepted).toEqual([])
    // Every kind of forgery and the damage were tried, many times each.
    for (const name of [...names, 'damaged']) expect(tally.get(name) ?? 0, name).toBeGreaterThan(40)
    expect([...tally.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1000)
  }, 120_000)
})
