import type { Inventory, InventoryRecords } from '../domain/inventory'
import { keyResultLabel } from '../domain/labels'
import { writeCsv } from './csv'

export const MILESTONE_COLUMNS = [
  'id',
  'title',
  'type',
  'hypothesis',
  'key result',
  'objective',
  'votes',
  'rank',
  'unlocks',
  'validates',
  'source cards',
  'criterion',
  'deadline',
  'decision',
] as const

/**
 * milestone-candidates.csv: one row per milestone in rank order. Lists inside a cell (what it
 * unlocks, its source cards) are one item per line, which RFC 4180 allows in a quoted field
 * and spreadsheet programs show as lines in the cell. Votes are empty while voting is open.
 * The test card's columns come last, so a sheet built on the earlier columns still reads.
 */
export function milestoneRows(records: InventoryRecords, inventory: Inventory): string[][] {
  const hypothesisLabel = new Map(
    inventory.objectives.flatMap(o => o.hypotheses.map(h => [h.id, `${h.label}: ${h.text}`] as const)),
  )
  const rows: string[][] = [[...MILESTONE_COLUMNS]]
  for (const m of inventory.milestones) {
    const record = records.milestones.find(r => r.id === m.id)
    const keyResult = records.keyResults.find(kr => kr.id === record?.fields.keyResultId)
    const objective = records.objectives.find(o => o.id === m.objectiveId)
    rows.push([
      m.id,
      m.title,
      m.typeLabel ?? '',
      m.hypothesisId ? (hypothesisLabel.get(m.hypothesisId) ?? '') : '',
      keyResult ? `${keyResultLabel(keyResult, records.keyResults)}: ${keyResult.fields.text}` : '',
      objective ? objective.fields.title : '',
      m.votes === null ? '' : String(m.votes),
      String(m.place),
      m.unlocks.map(u => u.title).join('\n'),
      m.validates,
      m.cards.map(c => c.text).join('\n'),
      m.criterion,
      m.deadline,
      m.decision,
    ])
  }
  return rows
}

export function milestonesCsv(records: InventoryRecords, inventory: Inventory, options: { bom?: boolean } = {}): string {
  return writeCsv(milestoneRows(records, inventory), options)
}
