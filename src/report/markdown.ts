import type { Inventory, InventoryRecords } from '../domain/inventory'
import { keyResultLabel } from '../domain/labels'
import { EVIDENCE_LEVELS, IMPORTANCE_LEVELS, type Evidence, type Importance } from '../domain/types'
import type { ParseResult, PlannedHypothesis, Session1Plan } from './plan'
import { sameTitle } from './plan'

/*
 * The seed's Markdown files, written for a person to read and shaped so that the importer
 * reads them back line by line:
 *
 *   objectives.md              hypotheses.md
 *   # Objectives: <workshop>   # Hypotheses: <workshop>
 *   ## <objective title>       ## <objective title>
 *   - KR1: <text>              - H1: <text>
 *   - KR2: <text>                - Key results: KR1, KR3
 *                                - Evidence: some
 *                                - Importance: high
 *
 * A line break inside a text goes on a continuation line indented by two spaces; a heading
 * is one line, so a line break in an objective's title becomes a space.
 */

const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ').trim()
const continued = (text: string) =>
  text
    .trim()
    .split(/\r\n|\r|\n/)
    .join('\n    ')

export function objectivesMarkdown(records: InventoryRecords): string {
  const out = [`# Objectives: ${oneLine(records.workshop.fields.title)}`, '']
  for (const objective of records.objectives) {
    out.push(`## ${oneLine(objective.fields.title) || 'Untitled objective'}`, '')
    const krs = keyResultsOf(records, objective.id)
    for (const kr of krs) out.push(`- ${keyResultLabel(kr, records.keyResults)}: ${continued(kr.fields.text)}`)
    if (krs.length === 0) out.push('_No key results._')
    out.push('')
  }
  return out.join('\n')
}

export function hypothesesMarkdown(records: InventoryRecords, inventory: Inventory): string {
  const out = [`# Hypotheses: ${oneLine(records.workshop.fields.title)}`, '']
  for (const objective of inventory.objectives) {
    out.push(`## ${oneLine(objective.title)}`, '')
    for (const hypothesis of objective.hypotheses) {
      out.push(`- ${hypothesis.label}: ${continued(hypothesis.text)}`)
      const record = records.hypotheses.find(h => h.id === hypothesis.id)
      const labels = (record?.fields.keyResultIds ?? [])
        .map(id => records.keyResults.find(kr => kr.id === id && kr.fields.objectiveId === objective.id))
        .filter(kr => kr !== undefined)
        .map(kr => keyResultLabel(kr, records.keyResults))
        .sort((a, b) => Number(a.slice(2)) - Number(b.slice(2)))
      if (labels.length > 0) out.push(`  - Key results: ${labels.join(', ')}`)
      if (hypothesis.evidence) out.push(`  - Evidence: ${hypothesis.evidence}`)
      if (hypothesis.importance) out.push(`  - Importance: ${hypothesis.importance}`)
    }
    if (objective.hypotheses.length === 0) out.push('_No hypotheses._')
    out.push('')
  }
  return out.join('\n')
}

function keyResultsOf(records: InventoryRecords, objectiveId: string) {
  return records.keyResults
    .filter(kr => kr.fields.objectiveId === objectiveId)
    .sort((a, b) => a.fields.position - b.fields.position || (a.id < b.id ? -1 : 1))
}

interface Line {
  readonly number: number
  readonly text: string
}

function linesOf(text: string): Line[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ number: index + 1, text: line }))
}

const isNote = (text: string) => /^_.*_$/.test(text.trim())

/** Reads objectives.md: `## title` starts an objective, `- KR1: text` adds a key result. */
export function parseObjectivesMarkdown(text: string, file = 'objectives.md'): ParseResult<Session1Plan> {
  let title: string | null = null
  const objectives: { title: string; keyResults: string[]; hypotheses: PlannedHypothesis[] }[] = []
  let last: { list: string[]; index: number } | null = null
  for (const { number, text: line } of linesOf(text)) {
    const fail = (message: string) => ({ ok: false as const, problem: { file, line: number, message } })
    if (line.trim() === '' || isNote(line)) continue
    const heading = /^# (.*)$/.exec(line)
    if (heading) {
      if (objectives.length > 0) return fail('the file title (“# …”) must come before the objectives.')
      title = heading[1]!.replace(/^Objectives:\s*/i, '').trim() || null
      last = null
      continue
    }
    const objective = /^## (.*)$/.exec(line)
    if (objective) {
      const name = objective[1]!.trim()
      if (!name) return fail('an objective heading (“## …”) without a title.')
      if (objectives.some(o => sameTitle(o.title, name))) return fail(`the objective “${name}” is listed twice.`)
      objectives.push({ title: name, keyResults: [], hypotheses: [] })
      last = null
      continue
    }
    const item = /^[-*] (?:KR\d+\s*[:.)-]\s*)?(.*)$/.exec(line)
    if (item) {
      const current = objectives[objectives.length - 1]
      if (!current) return fail('a key result before any objective: put “## <objective>” above it.')
      current.keyResults.push(item[1]!.trim())
      last = { list: current.keyResults, index: current.keyResults.length - 1 }
      continue
    }
    if (/^ {2,}\S/.test(line) && last) {
      last.list[last.index] += `\n${line.trim()}`
      continue
    }
    return fail(`“${line.trim().slice(0, 60)}” is not an objective (“## …”) or a key result (“- KR1: …”).`)
  }
  return { ok: true, value: { title, objectives } }
}

/**
 * Reads hypotheses.md: `## objective` then `- H1: text`, with optional
 * `  - Key results: KR1, KR3`, `  - Evidence: some` and `  - Importance: high` lines under a hypothesis.
 */
export function parseHypothesesMarkdown(text: string, file = 'hypotheses.md'): ParseResult<Session1Plan> {
  let title: string | null = null
  type Hypothesis = {
    text: string
    keyResults: number[]
    evidence?: Evidence
    importance?: Importance
    at: { file: string; line: number }
  }
  const objectives: { title: string; keyResults: string[]; hypotheses: Hypothesis[] }[] = []
  let last: Hypothesis | null = null
  for (const { number, text: line } of linesOf(text)) {
    const fail = (message: string) => ({ ok: false as const, problem: { file, line: number, message } })
    if (line.trim() === '' || isNote(line)) continue
    const heading = /^# (.*)$/.exec(line)
    if (heading) {
      if (objectives.length > 0) return fail('the file title (“# …”) must come before the objectives.')
      title = heading[1]!.replace(/^Hypotheses:\s*/i, '').trim() || null
      continue
    }
    const objective = /^## (.*)$/.exec(line)
    if (objective) {
      const name = objective[1]!.trim()
      if (!name) return fail('an objective heading (“## …”) without a title.')
      const known = objectives.find(o => sameTitle(o.title, name))
      if (known) return fail(`the objective “${name}” is listed twice.`)
      objectives.push({ title: name, keyResults: [], hypotheses: [] })
      last = null
      continue
    }
    const links = /^ {2,}[-*] Key results:\s*(.*)$/i.exec(line)
    if (links) {
      if (!last) return fail('“Key results:” must come right under a hypothesis.')
      const numbers = parseKeyResultRefs(links[1]!)
      if (numbers === null) return fail(`“${links[1]!.trim()}” is not a list of key results like “KR1, KR3”.`)
      last.keyResults.push(...numbers.filter(n => !last!.keyResults.includes(n)))
      continue
    }
    const mark = /^ {2}[-*] (Evidence|Importance):\s*(.*)$/i.exec(line)
    if (mark) {
      if (!last) return fail(`“${mark[1]}:” must come right under a hypothesis.`)
      const value = mark[2]!.trim().toLowerCase()
      if (mark[1]!.toLowerCase() === 'evidence') {
        if (!isOneOf(EVIDENCE_LEVELS, value)) return fail(`“${mark[2]!.trim()}” is not an evidence mark: write none, some or strong.`)
        last.evidence = value
      } else {
        if (!isOneOf(IMPORTANCE_LEVELS, value)) return fail(`“${mark[2]!.trim()}” is not an importance mark: write low or high.`)
        last.importance = value
      }
      continue
    }
    const item = /^[-*] (?:H\d+\s*[:.)-]\s*)?(.*)$/.exec(line)
    if (item) {
      const current = objectives[objectives.length - 1]
      if (!current) return fail('a hypothesis before any objective: put “## <objective>” above it.')
      last = { text: item[1]!.trim(), keyResults: [], at: { file, line: number } }
      current.hypotheses.push(last)
      continue
    }
    if (/^ {2,}\S/.test(line) && last) {
      last.text += `\n${line.trim()}`
      continue
    }
    return fail(`“${line.trim().slice(0, 60)}” is not an objective (“## …”) or a hypothesis (“- H1: …”).`)
  }
  return { ok: true, value: { title, objectives } }
}

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value)
}

/** "KR1, KR3" (or "KR1; KR3", "KR1 KR3") → [1, 3]; null if anything else is there. */
export function parseKeyResultRefs(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter(Boolean)
  const numbers: number[] = []
  for (const part of parts) {
    const match = /^KR(\d+)$/i.exec(part)
    if (!match || Number(match[1]) < 1) return null
    const n = Number(match[1])
    if (!numbers.includes(n)) numbers.push(n)
  }
  return numbers
}

