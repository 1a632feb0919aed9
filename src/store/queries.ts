import { orderHypotheses } from '../domain/labels'
import type { AnyRec, Kind, Rec } from '../domain/types'
import type { HarvestDB } from './db'

/** The live records of one kind in a workshop (tombstones left out), in their set order. */
export async function recordsOf<K extends Kind>(db: HarvestDB, workshopId: string, kind: K): Promise<Rec<K>[]> {
  const records = (await db.records.where('[workshopId+kind]').equals([workshopId, kind]).toArray()) as Rec<K>[]
  return records.filter(record => record.deleted === undefined).sort(byPosition)
}

/** The live hypotheses of a workshop in the order that numbers them H1, H2… on every screen. */
export async function hypothesesOf(db: HarvestDB, workshopId: string): Promise<Rec<'hypothesis'>[]> {
  const [hypotheses, objectives] = await Promise.all([
    recordsOf(db, workshopId, 'hypothesis'),
    recordsOf(db, workshopId, 'objective'),
  ])
  return orderHypotheses(hypotheses, objectives)
}

function byPosition(a: Rec, b: Rec): number {
  const pa = (a.fields as { position?: number }).position ?? 0
  const pb = (b.fields as { position?: number }).position ?? 0
  return pa - pb || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export interface WorkshopListItem {
  readonly workshop: Rec<'workshop'>
  readonly objectiveCount: number
}

/** Every workshop on this tablet, the latest date first. */
export async function listWorkshops(db: HarvestDB): Promise<WorkshopListItem[]> {
  const workshops = ((await db.records.where('kind').equals('workshop').toArray()) as Rec<'workshop'>[]).filter(
    record => record.deleted === undefined,
  )
  const objectives = (await db.records.where('kind').equals('objective').toArray()).filter(
    record => record.deleted === undefined,
  )
  const counts = new Map<string, number>()
  for (const objective of objectives) counts.set(objective.workshopId, (counts.get(objective.workshopId) ?? 0) + 1)
  return workshops
    .map(workshop => ({ workshop, objectiveCount: counts.get(workshop.id) ?? 0 }))
    .sort(
      (a, b) =>
        b.workshop.fields.date.localeCompare(a.workshop.fields.date) ||
        a.workshop.fields.title.localeCompare(b.workshop.fields.title),
    )
}

export async function getWorkshop(db: HarvestDB, id: string): Promise<Rec<'workshop'> | undefined> {
  const record = await db.records.get(id)
  return record && record.kind === 'workshop' && record.deleted === undefined ? record : undefined
}

/** Every record of a workshop, tombstones included: what a backup or handoff carries. */
export async function workshopRecords(db: HarvestDB, workshopId: string): Promise<AnyRec[]> {
  return db.records.where('workshopId').equals(workshopId).toArray()
}
