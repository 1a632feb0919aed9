import { keyResultLabel } from './labels'
import type { Rec } from './types'

/**
 * Team mapping's picture of ownership: each objective and its key results, with the owned
 * items (features, tools, initiatives) that pairs tied to them. A key result that no item is
 * tied to is a gap the room should see before ideation starts.
 */
export interface OwnershipRow {
  readonly kind: 'objective' | 'keyResult'
  readonly id: string
  readonly objectiveId: string
  /** 1-based, in the objectives' order. */
  readonly objectiveNumber: number
  /** "Objective 1", or "KR2" for the second key result of its objective. */
  readonly label: string
  readonly text: string
  readonly objectiveTitle: string
  readonly owners: readonly Rec<'scopeItem'>[]
}

/** Rows in reading order: an objective, then its key results (in position order), then the next objective. */
export function ownershipRows(
  objectives: readonly Rec<'objective'>[],
  keyResults: readonly Rec<'keyResult'>[],
  items: readonly Rec<'scopeItem'>[],
): OwnershipRow[] {
  const rows: OwnershipRow[] = []
  objectives.forEach((objective, index) => {
    const objectiveNumber = index + 1
    const objectiveTitle = objective.fields.title
    rows.push({
      kind: 'objective',
      id: objective.id,
      objectiveId: objective.id,
      objectiveNumber,
      label: `Objective ${objectiveNumber}`,
      text: objectiveTitle,
      objectiveTitle,
      owners: items.filter(item => item.fields.objectiveIds.includes(objective.id)),
    })
    keyResults
      .filter(keyResult => keyResult.fields.objectiveId === objective.id)
      .forEach(keyResult => {
        rows.push({
          kind: 'keyResult',
          id: keyResult.id,
          objectiveId: objective.id,
          objectiveNumber,
          label: keyResultLabel(keyResult, keyResults),
          text: keyResult.fields.text,
          objectiveTitle,
          owners: items.filter(item => item.fields.keyResultIds.includes(keyResult.id)),
        })
      })
  })
  return rows
}

/** The key results that no owned item is tied to. */
export function unownedKeyResults(rows: readonly OwnershipRow[]): OwnershipRow[] {
  return rows.filter(row => row.kind === 'keyResult' && row.owners.length === 0)
}

/** Items tied to nothing that still exists: they own no part of the OKRs yet. */
export function untiedItems(
  items: readonly Rec<'scopeItem'>[],
  objectives: readonly Rec<'objective'>[],
  keyResults: readonly Rec<'keyResult'>[],
): Rec<'scopeItem'>[] {
  const live = new Set([...objectives.map(record => record.id), ...keyResults.map(record => record.id)])
  return items.filter(item => ![...item.fields.objectiveIds, ...item.fields.keyResultIds].some(id => live.has(id)))
}

/** "No one owns KR2 of “Build trust through match experiences”". */
export function noOwnerSentence(row: OwnershipRow): string {
  return `No one owns ${row.label} of “${row.objectiveTitle || `Objective ${row.objectiveNumber}`}”`
}

/** The distinct pairs of a roster, in roster order; blank labels are not a pair. */
export function pairsOf(participants: readonly Rec<'participant'>[]): string[] {
  const pairs: string[] = []
  for (const participant of participants) {
    const pair = participant.fields.pair.trim()
    if (pair && !pairs.includes(pair)) pairs.push(pair)
  }
  return pairs
}

/** The owner when the roster has no pairs: the team maps its scope together. */
export const WHOLE_TEAM = 'Whole team'

/**
 * The pairs that may add owned items: the roster's pairs (or the whole team when no pairs are
 * set), then any other owner already holding items, so a renamed pair's items stay reachable.
 */
export function ownerChoices(participants: readonly Rec<'participant'>[], items: readonly Rec<'scopeItem'>[]): string[] {
  const choices = pairsOf(participants)
  if (choices.length === 0) choices.push(WHOLE_TEAM)
  for (const item of items) if (!choices.includes(item.fields.pair)) choices.push(item.fields.pair)
  return choices
}

/** The names in each pair, for the "Which pair is adding?" buttons. */
export function membersOf(participants: readonly Rec<'participant'>[], pair: string): string[] {
  return participants.filter(person => person.fields.pair.trim() === pair).map(person => person.fields.name)
}
