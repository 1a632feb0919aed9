import type { Fields, Kind, Phase, Rec } from '../domain/types'
import { writeBackup } from '../exchange/backup'
import { writeWorkshopCopy } from '../exchange/workshop-copy'
import { addObjective, editObjective, removeObjective } from './commands/objectives'
import { mergeIncoming, planIncoming } from './commands/incoming'
import { createWorkshop, removeWorkshopFromTablet, renameWorkshop, setPhase, setWorkshopDate } from './commands/workshops'
import type { HarvestDB } from './db'
import { makeLatestWrites } from './latest'
import { getWorkshop, listWorkshops, recordsOf, workshopRecords } from './queries'
import { ensureDevice, write } from './writer'

/** The actions that screens may take, each one named command, each one transaction. */
export function makeActions(db: HarvestDB) {
  const latest = makeLatestWrites()
  return {
    createWorkshop: (input: Parameters<typeof createWorkshop>[1]) => createWorkshop(db, input),
    renameWorkshop: (id: string, title: string) => latest(`${id}.title`, () => renameWorkshop(db, id, title)),
    setWorkshopDate: (id: string, date: string) => latest(`${id}.date`, () => setWorkshopDate(db, id, date)),
    setPhase: (id: string, phase: Phase) => setPhase(db, id, phase),
    removeWorkshopFromTablet: (id: string) => removeWorkshopFromTablet(db, id),
    addObjective: (workshopId: string, title: string) => addObjective(db, workshopId, title),
    editObjective: (id: string, title: string) => latest(`${id}.title`, () => editObjective(db, id, title)),
    removeObjective: (id: string) => removeObjective(db, id),
    /** A new record of any kind in a workshop; returns its id. */
    createRecord: <K extends Kind>(kind: K, workshopId: string, fields: Fields<K>) =>
      write(db, async writer => (await writer.create(kind, workshopId, fields)).id),
    /** Changes some fields of a record; text typed key by key is coalesced per field. */
    updateRecord: <K extends Kind>(id: string, kind: K, patch: Partial<Fields<K>>) =>
      latest(`${id}.${Object.keys(patch).sort().join(',')}`, () => write(db, writer => writer.update(id, kind, patch))),
    /** Deletes a record: a tombstone that every tablet's merge keeps. */
    removeRecord: (id: string) => write(db, writer => writer.remove(id)),
    /** What merging these records would do, written by nothing: the plan a merge can then write as it is. */
    planIncoming: (records: Parameters<typeof planIncoming>[1]) => planIncoming(db, records),
    mergeIncoming: (records: Parameters<typeof mergeIncoming>[1]) => mergeIncoming(db, records),
    /** The backup file text of a whole workshop, tombstones and secret included, sealed with its key. */
    async backupOf(workshop: Rec<'workshop'>): Promise<string> {
      const [records, device] = await Promise.all([
        workshopRecords(db, workshop.id),
        db.transaction('rw', db.meta, () => ensureDevice(db)),
      ])
      return writeBackup({ workshop, records, deviceId: device.deviceId })
    },
    /** The workshop without its secret, for the exported folder: it opens as a new workshop. */
    async copyOf(workshop: Rec<'workshop'>): Promise<string> {
      const [records, device] = await Promise.all([
        workshopRecords(db, workshop.id),
        db.transaction('rw', db.meta, () => ensureDevice(db)),
      ])
      return writeWorkshopCopy({ workshop, records, deviceId: device.deviceId })
    },
  }
}

export type Actions = ReturnType<typeof makeActions>

/** The reads that screens may make, as functions of the database for live queries. */
export const queries = {
  listWorkshops,
  getWorkshop,
  recordsOf,
}

export { HarvestDB } from './db'
