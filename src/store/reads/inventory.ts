import { buildInventory, type Inventory } from '../../domain/inventory'
import type { HarvestDB } from '../db'
import { getWorkshop, recordsOf, hypothesesOf } from '../queries'

/** The strategic inventory of a workshop, from its live records; null if the workshop is not here. */
export async function inventoryOf(db: HarvestDB, workshopId: string): Promise<Inventory | null> {
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
  return buildInventory({ workshop, objectives, keyResults, hypotheses, milestones, cards, participants, votes })
}
