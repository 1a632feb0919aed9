import { describe, expect, it } from 'vitest'
import type { AnyRec } from '../../src/domain/types'
import { makeBundle, type Bundle } from '../../src/exchange/bundle'
import { MAX_UNPACKED_BYTES, inflateCapped, openBundle, sealBundle } from '../../src/exchange/codec'
import { deriveSession } from '../../src/exchange/keys'
import { ExchangeError } from '../../src/exchange/refusal'
import { JOIN_SESSION, createReceiver, makeTransfer, sendBytes, type ScanStep } from '../../src/exchange/transfer'
import { mergeIncoming } from '../../src/store/commands/incoming'
import { addObjective } from '../../src/store/commands/objectives'
import { createWorkshop } from '../../src/store/commands/workshops'
import { getWorkshop, workshopRecords as storedRecords } from '../../src/store/queries'
import { dump, freshDb } from './db-helpers'
import { seeded, transmit, workshopRecords } from './exchange-fixtures'

const OTHER_SECRET = 'YW5vdGhlci13b3Jrc2hvcC1hbm90aGVyLXdvcmtzaG9w'
const byId = (records: readonly AnyRec[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : 1))

function handoff(cards = 200, seed = 1) {
  const { workshop, records, deviceId } = workshopRecords({ cards, seed })
  const bundle = makeBundle({ workshopId: workshop.id, sender: deviceId, records })
  return { workshop, records, bundle, secret: workshop.fields.secret }
}

/** A bundle altered past what makeBundle allows: what a newer app, another app or a bug could send. */
function altered(bundle: Bundle, change: Record<string, unknown>): Bundle {
  return { ...bundle, ...change } as unknown as Bundle
}

async function sealedFor(bundle: Bundle, secret: string) {
  return sealBundle(bundle, await deriveSession(bundle.workshopId, secret))
}

async function openAs(bytes: Uint8Array, workshopId: string, secret: string) {
  return openBundle(bytes, await deriveSession(workshopId, secret))
}

describe('bundle handoff, end to end', () => {
  it('brings a 200-card workshop across at 20% loss, every record identical', async () => {
    const { workshop, records, bundle, secret } = handoff(200)
    const transfer = await makeTransfer({ mode: 'sealed', bundle, secret })
    const receiver = createReceiver({ mode: 'sealed', workshopId: workshop.id, secret })
    const { last, shown } = await transmit(transfer, receiver.push, { loss: 0.2, rand: seeded(11) })
    expect(last).toMatchObject({ status: 'done' })
    expect(byId(receiver.result()!.records)).toEqual(byId(records))
    expect(receiver.result()!.sender).toBe(bundle.sender)
    expect(shown).toBeLessThan(transfer.k * 2)
  })

  it('joins a fresh tablet with the same ids: the join code carries the workshop and its secret', async () => {
    const facilitator = freshDb()
    const workshopId = await createWorkshop(facilitator, { title: 'Harvest, Lisbon', date: '2026-05-04' })
    await addObjective(facilitator, workshopId, 'Build trust through match experiences')
    await addObjective(facilitator, workshopId, 'Grow through social sharing')
    const records = await storedRecords(facilitator, workshopId)
    const bundle = makeBundle({ workshopId, sender: 'facilitator', records })

    const transfer = await makeTransfer({ mode: 'join', bundle })
    const receiver = createReceiver({ mode: 'join' })
    const { last } = await transmit(transfer, receiver.push, { loss: 0.3, rand: seeded(2), start: 5 })
    if (last?.status !== 'done') throw new Error(`not joined: ${JSON.stringify(last)}`)

    const tablet = freshDb()
    await mergeIncoming(tablet, last.bundle.records)
    expect(byId(await storedRecords(tablet, workshopId))).toEqual(byId(records))
    const joined = await getWorkshop(tablet, workshopId)
    expect(joined?.fields.secret).toBe((await getWorkshop(facilitator, workshopId))?.fields.secret)

    // …and from now on the joined tablet can read the facilitator's sealed handoffs.
    const handoffBack = await makeTransfer({ mode: 'sealed', bundle, secret: joined!.fields.secret })
    const sealedReceiver = createReceiver({ mode: 'sealed', workshopId, secret: joined!.fields.secret })
    expect((await transmit(handoffBack, sealedReceiver.push, { loss: 0, rand: seeded(3) })).last?.status).toBe('done')
  })

  it('refuses a handoff from another workshop before anything is collected, and writes nothing', async () => {
    const theirs = handoff(10, 2)
    const ours = handoff(10, 3)
    const db = freshDb()
    const before = await dump(db)
    const transfer = await makeTransfer({ mode: 'sealed', bundle: theirs.bundle, secret: theirs.secret })
    const receiver = createReceiver({ mode: 'sealed', workshopId: ours.workshop.id, secret: OTHER_SECRET })
    const step = await receiver.push(await transfer.frame(0))
    expect(step).toEqual({
      status: 'rejected',
      ok: false,
      reason: 'other-workshop',
      message: 'This code is from another workshop. Nothing was changed.',
    })
    expect(receiver.result()).toBeNull()
    expect(await dump(db)).toBe(before)
  })

  it('says when a whole transfer arrives but cannot be opened', async () => {
    const { workshop, bundle, secret } = handoff(5)
    const session = await deriveSession(workshop.id, secret)
    const newer = await sealBundle(altered(bundle, { format: 2 }), session, 9)
    const receiver = createReceiver({ mode: 'sealed', workshopId: workshop.id, secret })
    const { last } = await transmit(sendBytes(newer, session, { transferId: 9 }), receiver.push, { loss: 0, rand: seeded(1) })
    expect(last).toMatchObject({ status: 'failed', reason: 'newer-format' } satisfies Partial<ScanStep>)
    expect(receiver.result()).toBeNull()
  })

  it('refuses sealed bytes carried under another transfer id than their own', async () => {
    const { workshop, bundle, secret } = handoff(5)
    const session = await deriveSession(workshop.id, secret)
    const sealed = await sealBundle(bundle, session, 1)
    const receiver = createReceiver({ mode: 'sealed', workshopId: workshop.id, secret })
    const { last } = await transmit(sendBytes(sealed, session, { transferId: 2 }), receiver.push, { loss: 0, rand: seeded(1) })
    expect(last).toMatchObject({ status: 'failed', reason: 'damaged' })
  })

  it('will not make a join code without the workshop record, whose secret the joining tablet needs', async () => {
    const { workshop, bundle } = handoff(2)
    const withoutWorkshop = altered(bundle, { records: bundle.records.filter(record => record.id !== workshop.id) })
    await expect(makeTransfer({ mode: 'join', bundle: withoutWorkshop })).rejects.toThrow('must carry its workshop record')
  })

  it('refuses to send what QR codes cannot carry in reasonable time', async () => {
    const random = new Uint8Array(3 * 1024 * 1024)
    expect(() => sendBytes(random, JOIN_SESSION)).toThrow(ExchangeError)
    expect(() => sendBytes(random, JOIN_SESSION)).toThrow('This transfer is too large')
  })
})

describe('opening a bundle', () => {
  it('round trips sealed bytes', async () => {
    const { workshop, bundle, secret } = handoff(20)
    const opened = await openAs(await sealedFor(bundle, secret), workshop.id, secret)
    expect(opened).toEqual({ ok: true, bundle })
  })

  it('seals the same bundle differently each time (a fresh IV), and opens both', async () => {
    const { workshop, bundle, secret } = handoff(3)
    const session = await deriveSession(workshop.id, secret)
    const one = await sealBundle(bundle, session, 5)
    const two = await sealBundle(bundle, session, 5)
    expect(one).not.toEqual(two)
    expect((await openBundle(one, session)).ok).toBe(true)
    expect((await openBundle(two, session)).ok).toBe(true)
  })

  const DAMAGED = 'The transfer was damaged — scan again. Nothing was changed.'
  const cases: [string, string, string, (bundle: Bundle, secret: string) => Promise<Uint8Array>][] = [
    [
      'another workshop',
      'other-workshop',
      'This code is from another workshop. Nothing was changed.',
      async () => sealedFor(handoff(8, 9).bundle, OTHER_SECRET),
    ],
    [
      'a newer format',
      'newer-format',
      'This code was made by a newer version of OKRA Harvest — update this tablet, then scan again. Nothing was changed.',
      (bundle, secret) => sealedFor(altered(bundle, { format: 2, records: 'in a shape this version does not know' }), secret),
    ],
    [
      'another app',
      'other-app',
      'This code is not from OKRA Harvest. Nothing was changed.',
      (bundle, secret) => sealedFor(altered(bundle, { app: 'some-other-app' }), secret),
    ],
    ['a truncated transfer', 'damaged', DAMAGED, async (bundle, secret) => (await sealedFor(bundle, secret)).subarray(0, 400)],
    [
      'a changed byte',
      'damaged',
      DAMAGED,
      async (bundle, secret) => {
        const bytes = await sealedFor(bundle, secret)
        bytes[bytes.length - 30]! ^= 4
        return bytes
      },
    ],
  ]

  it.each(cases)('refuses %s with its reason and message', async (_, reason, message, make) => {
    const { workshop, bundle, secret } = handoff(8)
    expect(await openAs(await make(bundle, secret), workshop.id, secret)).toEqual({ ok: false, reason, message })
  })

  it('refuses a newer wire format and bytes that are not ours at all', async () => {
    const { workshop, bundle, secret } = handoff(2)
    const bytes = await sealedFor(bundle, secret)
    bytes[2] = 7
    expect(await openAs(bytes, workshop.id, secret)).toMatchObject({ reason: 'newer-format' })
    expect(await openAs(new TextEncoder().encode('{"type":"okra-harvest/backup"}'), workshop.id, secret)).toMatchObject({
      reason: 'other-app',
    })
    expect(await openAs(new Uint8Array(), workshop.id, secret)).toMatchObject({ reason: 'other-app' })
  })

  it('refuses a bundle whose envelope names our workshop but whose records are of another', async () => {
    const { workshop, bundle, secret } = handoff(4)
    const stray = { ...bundle.records[3]!, workshopId: 'elsewhere' } as AnyRec
    const mixed = altered(bundle, { records: [...bundle.records.slice(0, 3), stray, ...bundle.records.slice(4)] })
    const opened = await openAs(await sealedFor(mixed, secret), workshop.id, secret)
    expect(opened).toEqual({
      ok: false,
      reason: 'malformed',
      message: 'This transfer is malformed: record 4 belongs to another workshop. Nothing was changed.',
    })
  })

  it('refuses a bundle of this workshop sealed with our key but naming another workshop', async () => {
    const { workshop, bundle, secret } = handoff(4)
    const session = await deriveSession(workshop.id, secret)
    const renamed = altered(bundle, { workshopId: 'elsewhere' })
    expect(await openBundle(await sealBundle(renamed, session), session)).toMatchObject({ reason: 'other-workshop' })
  })

  it('says which record is malformed and how', async () => {
    const { workshop, bundle, secret } = handoff(4)
    const index = bundle.records.findIndex(record => record.kind === 'card')
    const card = bundle.records[index]!
    const broken = { ...card, fields: { ...card.fields, sealed: 'yes' } } as unknown as AnyRec
    const records = bundle.records.map((record, at) => (at === index ? broken : record))
    const opened = await openAs(await sealedFor(altered(bundle, { records }), secret), workshop.id, secret)
    expect(opened).toMatchObject({ ok: false, reason: 'malformed' })
    expect(!opened.ok && opened.message).toMatch(new RegExp(`^This transfer is malformed: record ${index + 1} \\(card\\), fields\\.sealed: `))
  })

  it('refuses a bundle that unpacks past 16 MB, before it fills the memory', async () => {
    const { workshop, bundle, secret } = handoff(1)
    const bomb = altered(bundle, { sender: ' '.repeat(MAX_UNPACKED_BYTES + 1) })
    const bytes = await sealedFor(bomb, secret)
    expect(bytes.length).toBeLessThan(100_000)
    expect(await openAs(bytes, workshop.id, secret)).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'This transfer is too large: it unpacks to more than 16 MB. Nothing was changed.',
    })
  })

  it('inflates up to the cap and not a byte beyond', async () => {
    const { deflateSync } = await import('fflate')
    const packed = deflateSync(new Uint8Array(5000).fill(65))
    expect(inflateCapped(packed, 5000)).toMatchObject({ ok: true })
    expect(inflateCapped(packed, 4999)).toMatchObject({ ok: false, reason: 'too-large' })
    expect(inflateCapped(packed.subarray(0, packed.length - 1), 5000)).toMatchObject({ ok: false, reason: 'damaged' })
  })

  it('opens a join bundle only when it brings its workshop, with a usable secret', async () => {
    const { workshop, bundle } = handoff(3)
    const joined = await openBundle(await sealBundle(bundle, JOIN_SESSION), JOIN_SESSION)
    expect(joined).toEqual({ ok: true, bundle })

    const withoutWorkshop = altered(bundle, { records: bundle.records.filter(record => record.id !== workshop.id) })
    expect(await openBundle(await sealBundle(withoutWorkshop, JOIN_SESSION), JOIN_SESSION)).toEqual({
      ok: false,
      reason: 'malformed',
      message: 'This transfer is malformed: it holds no workshop to join. Nothing was changed.',
    })
  })

  it('refuses a join code where a handoff is expected, and a handoff where a join code is', async () => {
    const { workshop, bundle, secret } = handoff(3)
    const session = await deriveSession(workshop.id, secret)
    const join = await sealBundle(bundle, JOIN_SESSION)
    expect(await openBundle(join, session)).toMatchObject({ reason: 'wrong-kind', message: expect.stringMatching(/join code/) })
    expect(await openBundle(await sealBundle(bundle, session), JOIN_SESSION)).toMatchObject({
      reason: 'wrong-kind',
      message: expect.stringMatching(/has not joined/),
    })
  })

  it('finds damage in a join bundle though it has no key', async () => {
    const { bundle } = handoff(3)
    const join = await sealBundle(bundle, JOIN_SESSION)
    join[40]! ^= 1
    expect(await openBundle(join, JOIN_SESSION)).toMatchObject({ reason: 'damaged' })
  })
})
