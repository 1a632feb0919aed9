import { buildInventory, type Inventory, type InventoryRecords } from '../../domain/inventory'
import type { HarvestDB } from '../db'
import { inventoryRecordsOf } from './inventory'

/** The records an inventory is built from, and the inventory: what print and export read. */
export async function reportOf(
  db: HarvestDB,
  workshopId: string,
): Promise<{ records: InventoryRecords; inventory: Inventory } | null> {
  const records = await inventoryRecordsOf(db, workshopId)
  if (!records) return null
  return { records, inventory: buildInventory(records) }
}
