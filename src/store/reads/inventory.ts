import { buildInventory, type Inventory, type InventoryRecords } from '../../domain/inventory'
import type { HarvestDB } from '../db'
import { getWorkshop, hypothesesOf, recordsOf } from '../queries'

/** The live records an inventory is built from; null if the workshop is not on this tablet. */
export async function inventoryRecordsOf(db: HarvestDB, workshopId: string): Promise<InventoryRecords | null> {
  const workshop = await getWorkshop(db, workshopId)
  if (!workshop) return null
  const [objectives, keyResults, hypotheses, milestones, cards, participants, votes, tieBreaks] = await Promise.all([
    recordsOf(db, workshopId, 'objective'),
    recordsOf(db, workshopId, 'keyResult'),
    hypothesesOf(db, workshopId),
    recordsOf(db, workshopId, 'milestone'),
    recordsOf(db, workshopId, 'card'),
    recordsOf(db, workshopId, 'participant'),
    recordsOf(db, workshopId, 'vote'),
    recordsOf(db, workshopId, 'tieBreak'),
  ])
  return { workshop, objectives, keyResults, hypotheses, milestones, cards, participants, votes, tieBreaks }
}

/** The strategic inventory of a workshop, from its live records; null if the workshop is not here. */
export async function inventoryOf(db: HarvestDB, workshopId: string): Promise<Inventory | null> {
  const records = await inventoryRecordsOf(db, workshopId)
  return records && buildInventory(records)
}
