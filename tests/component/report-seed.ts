import type { AnyRec } from '../../src/domain/types'
import type { HarvestDB } from '../../src/store/db'
import { sampleWorkshop } from '../fixtures/workshop'

/** The sample workshop stored on this tablet, with voting closed so the inventory is ranked. */
export async function storeSample(db: HarvestDB, patch: { anonymous?: boolean; title?: string } = {}) {
  const sample = sampleWorkshop({ phase: 'inventory', title: patch.title })
  const records = sample.records.map(r =>
    r.kind === 'workshop'
      ? ({ ...r, fields: { ...r.fields, votingClosed: true, anonymous: patch.anonymous ?? true } } as AnyRec)
      : r,
  )
  await db.records.bulkAdd(records)
  return sample.workshop.id
}
