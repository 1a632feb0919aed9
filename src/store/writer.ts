import { makeStamp, observe, tick, type ClockState, type Stamp } from '../domain/clock'
import { newId } from '../domain/ids'
import { createRecord, deleteRecord, editRecord, latestStamp } from '../domain/record'
import type { AnyRec, Fields, Kind, Rec } from '../domain/types'
import type { HarvestDB, MetaRow } from './db'

/** What a command may do inside its one transaction. */
export interface Writer {
  readonly deviceId: string
  /** A fresh stamp from this tablet's clock. */
  stamp(): Stamp
  /** Moves this tablet's clock past a stamp made elsewhere. */
  observe(stamp: Stamp): void
  get<K extends Kind>(id: string, kind: K): Promise<Rec<K> | undefined>
  create<K extends Kind>(kind: K, workshopId: string, fields: Fields<K>, id?: string): Promise<Rec<K>>
  update<K extends Kind>(id: string, kind: K, patch: Partial<Fields<K>>): Promise<Rec<K> | undefined>
  remove(id: string): Promise<void>
}

export class RecordMissing extends Error {
  constructor(kind: string, id: string) {
    super(`No ${kind} with id ${id} on this tablet.`)
  }
}

/**
 * Runs `body` as one read-write transaction over the records and this tablet's clock:
 * every record it writes is stamped, and the clock it leaves is stored with them, so a
 * crash keeps either the whole user action or none of it.
 */
export async function write<T>(db: HarvestDB, body: (writer: Writer) => Promise<T>): Promise<T> {
  // A write transaction queued behind the database's own opening, while a live query opens
  // it too, can lose its zone and commit early; opening first keeps the action whole.
  if (!db.isOpen()) await db.open()
  return db.transaction('rw', db.records, db.meta, async () => {
    const device = await ensureDevice(db)
    const stored = (await db.meta.get('clock')) as Extract<MetaRow, { key: 'clock' }> | undefined
    let clock: ClockState = stored ? { wall: stored.wall, counter: stored.counter } : { wall: 0, counter: 0 }
    let moved = false

    const writer: Writer = {
      deviceId: device.deviceId,
      stamp() {
        clock = tick(clock, Date.now())
        moved = true
        return makeStamp(clock, device.deviceId)
      },
      observe(stamp) {
        clock = observe(clock, stamp, Date.now())
        moved = true
      },
      async get(id, kind) {
        const record = await db.records.get(id)
        return record && record.kind === kind ? (record as Rec<typeof kind>) : undefined
      },
      async create(kind, workshopId, fields, id = newId()) {
        const record = createRecord(kind, id, workshopId, fields, writer.stamp())
        await db.records.add(record as unknown as AnyRec)
        return record
      },
      async update(id, kind, patch) {
        const record = await writer.get(id, kind)
        if (!record) throw new RecordMissing(kind, id)
        if (record.deleted !== undefined) return undefined
        const edited = editRecord(record, patch, writer.stamp())
        if (edited !== record) await db.records.put(edited as unknown as AnyRec)
        return edited
      },
      async remove(id) {
        const record = await db.records.get(id)
        if (!record || record.deleted !== undefined) return
        await db.records.put(deleteRecord(record, writer.stamp()) as AnyRec)
      },
    }

    const result = await body(writer)
    if (moved) await db.meta.put({ key: 'clock', wall: clock.wall, counter: clock.counter })
    return result
  })
}

/** This tablet's id, made once and kept. */
export async function ensureDevice(db: HarvestDB): Promise<Extract<MetaRow, { key: 'device' }>> {
  const known = (await db.meta.get('device')) as Extract<MetaRow, { key: 'device' }> | undefined
  if (known) return known
  const device = { key: 'device' as const, deviceId: newId().slice(0, 16), name: 'Tablet' }
  await db.meta.put(device)
  return device
}

export { latestStamp }
