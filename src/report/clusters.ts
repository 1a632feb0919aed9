import type { Inventory } from '../domain/inventory'
import type { ParseResult } from './plan'

/*
 * clusters-and-types.md: every milestone in rank order, as the seed's card (Milestone / Type /
 * Hypothesis / Link) with its votes, what it unlocks and validates, and the idea cards that
 * were clustered into it. Readable as it is, and read back by `parseClustersMarkdown`:
 *
 *   ## #1 Email-based match feedback form
 *   - Milestone: Email-based match feedback form
 *   - Type: Epic
 *   - Hypothesis: If we make feedback easier, …
 *   - Link: KR3 of Objective "Build trust through match experiences"
 *   - Votes: 5
 *   - Validates: players rate more when it is one tap
 *   - Unlocks:
 *     - A/B test one-tap rating
 *   - Cards:
 *     - Email feedback form after each match _(Ana)_
 */

const NOT_SET = 'not set'

const indented = (text: string, depth: string) =>
  text
    .trim()
    .split(/\r\n|\r|\n/)
    .join(`\n${depth}  `)

export function clustersMarkdown(inventory: Inventory): string {
  const out = [`# Clusters and types: ${inventory.title.replace(/\s+/g, ' ').trim()}`, '']
  if (!inventory.votingClosed) out.push('_Voting was still open: milestones are listed by title, without votes._', '')
  for (const m of inventory.milestones) {
    out.push(`## #${m.place} ${m.title.replace(/\s+/g, ' ')}`, '')
    for (const line of m.card) out.push(`- ${line.label}: ${indented(line.value ?? NOT_SET, '')}`)
    out.push(`- Votes: ${m.votes === null ? NOT_SET : m.votes}`)
    out.push(`- Validates: ${indented(m.validates.trim() || NOT_SET, '')}`)
    out.push(`- Unlocks:${m.unlocks.length === 0 ? ` ${NOT_SET}` : ''}`)
    for (const u of m.unlocks) out.push(`  - ${u.title.replace(/\s+/g, ' ')}`)
    out.push(`- Cards:${m.cards.length === 0 ? ` ${NOT_SET}` : ''}`)
    for (const card of m.cards) {
      out.push(`  - ${indented(card.text || '(empty card)', '  ')}${card.author ? ` _(${card.author})_` : ''}`)
    }
    out.push('')
  }
  return out.join('\n')
}

export interface ClusterEntry {
  place: number
  title: string
  milestone: string | null
  type: string | null
  hypothesis: string | null
  link: string | null
  votes: number | null
  validates: string | null
  unlocks: string[]
  cards: { text: string; author: string | null }[]
}

const FIELDS = { Milestone: 'milestone', Type: 'type', Hypothesis: 'hypothesis', Link: 'link', Validates: 'validates' } as const

/** Reads clusters-and-types.md back into its milestones; a line it cannot place is named. */
export function parseClustersMarkdown(text: string, file = 'clusters-and-types.md'): ParseResult<ClusterEntry[]> {
  const entries: ClusterEntry[] = []
  let list: 'unlocks' | 'cards' | null = null
  let lastText: { set: (more: string) => void } | null = null
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  for (const [index, line] of lines.entries()) {
    const fail = (message: string) => ({ ok: false as const, problem: { file, line: index + 1, message } })
    if (line.trim() === '' || /^_.*_$/.test(line.trim()) || /^# /.test(line)) continue
    const heading = /^## #(\d+) (.*)$/.exec(line)
    if (heading) {
      entries.push({
        place: Number(heading[1]),
        title: heading[2]!.trim(),
        milestone: null,
        type: null,
        hypothesis: null,
        link: null,
        votes: null,
        validates: null,
        unlocks: [],
        cards: [],
      })
      list = null
      lastText = null
      continue
    }
    const entry = entries[entries.length - 1]
    if (!entry) return fail('a line before the first milestone (“## #1 …”).')
    const field = /^- (Milestone|Type|Hypothesis|Link|Validates|Votes|Unlocks|Cards):\s?(.*)$/.exec(line)
    if (field) {
      const [, name, value = ''] = field
      list = null
      lastText = null
      if (name === 'Votes') {
        if (value !== NOT_SET && !/^\d+$/.test(value)) return fail(`“${value}” is not a number of votes.`)
        entry.votes = value === NOT_SET ? null : Number(value)
      } else if (name === 'Unlocks' || name === 'Cards') {
        if (value !== '' && value !== NOT_SET) return fail(`${name} are listed on the lines below, one per line.`)
        list = name === 'Unlocks' ? 'unlocks' : 'cards'
      } else {
        const key = FIELDS[name as keyof typeof FIELDS]
        entry[key] = value === NOT_SET ? null : value
        lastText = { set: more => (entry[key] = `${entry[key] ?? ''}\n${more}`) }
      }
      continue
    }
    const item = /^ {2}- (.*)$/.exec(line)
    if (item && list === 'unlocks') {
      entry.unlocks.push(item[1]!.trim())
      lastText = null
      continue
    }
    if (item && list === 'cards') {
      const authored = /^(.*) _\((.*)\)_$/.exec(item[1]!)
      const card = { text: (authored ? authored[1]! : item[1]!).trim(), author: authored ? authored[2]! : null }
      entry.cards.push(card)
      // The author is written after the card's last line, so it may come on a continuation.
      lastText = {
        set: more => {
          const end = card.author === null ? /^(.*) _\((.*)\)_$/.exec(more) : null
          card.text += `\n${end ? end[1]! : more}`
          if (end) card.author = end[2]!
        },
      }
      continue
    }
    if (/^ {2,}\S/.test(line) && lastText) {
      lastText.set(line.trim())
      continue
    }
    return fail(`“${line.trim().slice(0, 60)}” is not part of a milestone’s card.`)
  }
  return { ok: true, value: entries }
}
