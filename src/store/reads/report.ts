import { buildInventory, type Inventory, type InventoryRecords } from '../../domain/inventory'
import type { HarvestDB } from '../db'
import { getWorkshop, hypothesesOf, recordsOf } from '../queries'

/** The records an inventory is built from, and the inventory: what print and export read. */
export async function reportOf(
  db: HarvestDB,
  workshopId: string,
): Promise<{ records: InventoryRecords; inventory: Inventory } | null> {
  const workshop = await getWorkshop(db, workshopId)
  if (!workshop) return null
  const [objectives, keyResults, hypotheses, milestones, cards, participants, votes] = await Promise.all([
    recordsOf(db, workshopId, 'objective'),
    recordsOf(db, workshopId, 'keyResult'),
    hypothesesOf(db, workshopId),
    recordsOf(db, workshopId, 'milestone'),
    recordsOf(db, workshopId, 'card'),
    recordsOf(db, workshopId, 'participant'),
    recordsOf(db, workshopId, 'vote'),
  ])
  const records = { workshop, objectives, keyResults, hypotheses, milestones, cards, participants, votes }
  return { records, inventory: buildInventory(records) }
}
