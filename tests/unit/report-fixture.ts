import { buildInventory, type InventoryRecords } from '../../src/domain/inventory'
import { orderHypotheses } from '../../src/domain/labels'
import type { AnyRec, Kind, Rec } from '../../src/domain/types'
import { sampleWorkshop } from '../fixtures/workshop'

/** The sample workshop with voting closed, as the records an inventory is built from. */
export function sampleReport(patch: { title?: string; mutate?: (records: AnyRec[]) => AnyRec[] } = {}) {
  const sample = sampleWorkshop({ phase: 'inventory', title: patch.title })
  let records = sample.records.map(r =>
    r.kind === 'workshop' ? ({ ...r, fields: { ...r.fields, votingClosed: true } } as AnyRec) : r,
  )
  if (patch.mutate) records = patch.mutate(records)
  const of = <K extends Kind>(kind: K) =>
    records
      .filter((r): r is Rec<K> & AnyRec => r.kind === kind)
      .sort((a, b) => ((a.fields as { position?: number }).position ?? 0) - ((b.fields as { position?: number }).position ?? 0)) as Rec<K>[]
  const objectives = of('objective')
  const inventoryRecords: InventoryRecords = {
    workshop: of('workshop')[0]!,
    objectives,
    keyResults: of('keyResult'),
    hypotheses: orderHypotheses(of('hypothesis'), objectives),
    milestones: of('milestone'),
    cards: of('card'),
    participants: of('participant'),
    votes: of('vote'),
  }
  return { records: inventoryRecords, all: records, inventory: buildInventory(inventoryRecords) }
}
