import { ownerChoices } from '../../domain/coverage-mapping'
import type { Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { recordsOf } from '../queries'

export interface MappingView {
  readonly objectives: Rec<'objective'>[]
  readonly keyResults: Rec<'keyResult'>[]
  readonly participants: Rec<'participant'>[]
  readonly items: Rec<'scopeItem'>[]
  /** The pairs that can add owned items, in roster order. */
  readonly pairs: string[]
}

/** Everything team mapping shows: the OKRs, the roster's pairs and what each pair owns. */
export async function mappingView(db: HarvestDB, workshopId: string): Promise<MappingView> {
  const [objectives, keyResults, participants, items] = await Promise.all([
    recordsOf(db, workshopId, 'objective'),
    recordsOf(db, workshopId, 'keyResult'),
    recordsOf(db, workshopId, 'participant'),
    recordsOf(db, workshopId, 'scopeItem'),
  ])
  const owned = byCreation(items)
  return { objectives, keyResults, participants, items: owned, pairs: ownerChoices(participants, owned) }
}

/** When a record was made: its earliest field stamp, since edits only ever stamp later. */
export function createdStamp(record: Rec): string {
  let earliest: string | null = null
  for (const stamp of Object.values(record.stamps as Record<string, string>)) {
    if (earliest === null || stamp < earliest) earliest = stamp
  }
  return earliest ?? ''
}

/** Oldest first, so items and cards without a position keep the order they were added in. */
export function byCreation<R extends Rec>(records: readonly R[]): R[] {
  return [...records].sort((a, b) => {
    const sa = createdStamp(a)
    const sb = createdStamp(b)
    return sa < sb ? -1 : sa > sb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
}
