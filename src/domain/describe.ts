import type { AnyRec, Kind } from './types'

const NAMES: Record<Kind, readonly [string, string]> = {
  workshop: ['workshop', 'workshops'],
  objective: ['objective', 'objectives'],
  keyResult: ['key result', 'key results'],
  hypothesis: ['hypothesis', 'hypotheses'],
  participant: ['participant', 'participants'],
  scopeItem: ['owned item', 'owned items'],
  card: ['card', 'cards'],
  milestone: ['milestone', 'milestones'],
  vote: ['vote', 'votes'],
  tieBreak: ['tie-break', 'tie-breaks'],
  device: ['tablet', 'tablets'],
}

/** "1 objective", "3 hypotheses". */
export function countOf(kind: Kind, count: number): string {
  const [one, many] = NAMES[kind]
  return `${count} ${count === 1 ? one : many}`
}

/** "A card", "An objective": one record of a kind, in words that open a sentence. */
export function aKind(kind: Kind): string {
  const [one] = NAMES[kind]
  return `${/^[aeiou]/.test(one) ? 'An' : 'A'} ${one}`
}

/**
 * The words that name a record in a preview, or null where naming it would tell too much:
 * a card's text stays private until the cards are revealed, and so does a vote.
 */
export function recordLabel(record: AnyRec): string | null {
  switch (record.kind) {
    case 'workshop':
    case 'objective':
    case 'milestone':
    case 'scopeItem':
      return record.fields.title || '(untitled)'
    case 'keyResult':
    case 'hypothesis':
      return record.fields.text || '(empty)'
    case 'participant':
      return record.fields.name || '(unnamed)'
    case 'device':
      return record.fields.name
    case 'card':
    case 'vote':
    case 'tieBreak':
      return null
  }
}

export function kindName(kind: Kind): string {
  return NAMES[kind][0]
}
