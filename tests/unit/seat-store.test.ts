import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { mergeRecord } from '../../src/domain/merge'
import { seatPinHash } from '../../src/domain/seat-pin'
import type { Rec } from '../../src/domain/types'
import { RecordSchema } from '../../src/exchange/records-schema'
import { addCard, passOn } from '../../src/store/commands/ideation'
import { createWorkshop } from '../../src/store/commands/workshops'
import { recordsOf } from '../../src/store/queries'
import { ideationView, seatPinOpens } from '../../src/store/reads/ideation'
import { write } from '../../src/store/writer'
import { dump, freshDb } from './db-helpers'

async function seatOfAna() {
  const db = freshDb()
  const workshopId = await createWorkshop(db, { title: 'Seats', date: '2026-12-01' })
  const ana = await write(db, async w => (await w.create('participant', workshopId, { name: 'Ana', pair: '', position: 1 })).id)
  await addCard(db, workshopId, ana, { text: 'Private idea', hypothesisId: null })
  return { db, workshopId, ana }
}

describe('sealing a seat with a PIN', () => {
  it('seals the cards and sets the seat’s PIN hash in one action', async () => {
    const { db, workshopId, ana } = await seatOfAna()
    const hash = await seatPinHash('2580', workshopId, ana)
    expect(await passOn(db, workshopId, ana, null, hash)).toBe(1)
    const [card] = await recordsOf(db, workshopId, 'card')
    expect(card?.fields.sealed).toBe(true)
    const view = await ideationView(db, workshopId, null)
    expect(view.counts).toEqual([{ id: ana, count: 1, sealed: true, pinned: true }])
    expect(view.ownCards).toEqual([])
    expect(await seatPinOpens(db, ana, '2580')).toBe(true)
    expect(await seatPinOpens(db, ana, '0000')).toBe(false)
  })

  it('refuses something that is not a PIN hash and writes nothing', async () => {
    const { db, workshopId, ana } = await seatOfAna()
    const before = await dump(db)
    await expect(passOn(db, workshopId, ana, null, '2580')).rejects.toThrow('That is not a seat PIN hash.')
    expect(await dump(db)).toBe(before)
  })

  it('has no PIN to open when none was chosen', async () => {
    const { db, workshopId, ana } = await seatOfAna()
    await passOn(db, workshopId, ana)
    expect((await ideationView(db, workshopId, null)).counts[0]).toMatchObject({ sealed: true, pinned: false })
    expect(await seatPinOpens(db, ana, '2580')).toBe(false)
  })
})

describe('a seat PIN hash on its way between tablets', () => {
  it('travels and merges like any field; a participant from before seat PINs still passes', async () => {
    const { db, workshopId, ana } = await seatOfAna()
    const before = (await db.records.get(ana)) as Rec<'participant'>
    expect(v.safeParse(RecordSchema, before).success).toBe(true)

    await passOn(db, workshopId, ana, null, await seatPinHash('2580', workshopId, ana))
    const after = (await db.records.get(ana)) as Rec<'participant'>
    expect(v.safeParse(RecordSchema, after).success).toBe(true)
    // A tablet that never saw the PIN meets one that did: the PIN stays, whichever way round.
    expect(mergeRecord(before, after).fields.pinHash).toBe(after.fields.pinHash)
    expect(mergeRecord(after, before).fields.pinHash).toBe(after.fields.pinHash)
  })

  it('is refused when malformed or unstamped', async () => {
    const { db, ana } = await seatOfAna()
    const participant = (await db.records.get(ana)) as Rec<'participant'>
    const malformed = {
      ...participant,
      fields: { ...participant.fields, pinHash: '2580' },
      stamps: { ...participant.stamps, pinHash: participant.stamps.name },
    }
    expect(v.safeParse(RecordSchema, malformed).success).toBe(false)
    const hash = await seatPinHash('2580', participant.workshopId, ana)
    const unstamped = { ...participant, fields: { ...participant.fields, pinHash: hash } }
    expect(v.safeParse(RecordSchema, unstamped).success).toBe(false)
  })
})
