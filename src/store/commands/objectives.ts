import type { HarvestDB } from '../db'
import { write } from '../writer'

export async function addObjective(db: HarvestDB, workshopId: string, title: string): Promise<string> {
  return write(db, async writer => {
    const siblings = await db.records.where('[workshopId+kind]').equals([workshopId, 'objective']).toArray()
    const position = siblings.reduce((max, record) => Math.max(max, (record.fields as { position: number }).position), 0) + 1
    const objective = await writer.create('objective', workshopId, { title: title.trim(), position })
    return objective.id
  })
}

export async function editObjective(db: HarvestDB, id: string, title: string): Promise<void> {
  await write(db, writer => writer.update(id, 'objective', { title }))
}

export async function removeObjective(db: HarvestDB, id: string): Promise<void> {
  await write(db, writer => writer.remove(id))
}
