import { parseCsv } from './csv'
import { parseHypothesesMarkdown, parseKeyResultRefs, parseObjectivesMarkdown } from './markdown'
import { sameTitle, type ImportProblem, type ParseResult, type PlannedHypothesis, type Session1Plan } from './plan'
import { readZip } from './zip'

/**
 * The CSV that Session #1 may bring instead of (or beside) its Markdown files. One row per
 * objective, key result or hypothesis; key results are numbered in the order they are listed
 * under their objective, and a hypothesis names the ones it aims at as "KR1; KR3".
 */
export const SESSION1_CSV_HEADER = ['type', 'objective', 'text', 'key results'] as const

const TYPES: Record<string, 'objective' | 'key result' | 'hypothesis'> = {
  objective: 'objective',
  'key result': 'key result',
  keyresult: 'key result',
  kr: 'key result',
  hypothesis: 'hypothesis',
}

export function parseSession1Csv(text: string, file = 'session-1.csv'): ParseResult<Session1Plan> {
  const parsed = parseCsv(text)
  if (!parsed.ok) return { ok: false, problem: { file, line: parsed.line, message: parsed.message.replace(/^Line \d+: /, '') } }
  const [header, ...rows] = parsed.rows
  const headerNames = (header ?? []).map(name => name.trim().toLowerCase())
  if (headerNames.join(',') !== SESSION1_CSV_HEADER.join(',')) {
    return {
      ok: false,
      problem: { file, line: parsed.lines[0] ?? 1, message: `the first line must be the header “${SESSION1_CSV_HEADER.join(',')}”.` },
    }
  }
  const objectives: { title: string; keyResults: string[]; hypotheses: PlannedHypothesis[] }[] = []
  const objectiveNamed = (title: string) => {
    let found = objectives.find(o => sameTitle(o.title, title))
    if (!found) objectives.push((found = { title: title.trim(), keyResults: [], hypotheses: [] }))
    return found
  }
  for (const [index, row] of rows.entries()) {
    const line = parsed.lines[index + 1]!
    const fail = (message: string) => ({ ok: false as const, problem: { file, line, message } })
    if (row.length !== SESSION1_CSV_HEADER.length) {
      return fail(`${row.length} fields where the header has ${SESSION1_CSV_HEADER.length}.`)
    }
    const [rawType, objectiveTitle, body, refs] = row as [string, string, string, string]
    const type = TYPES[rawType.trim().toLowerCase()]
    if (!type) return fail(`“${rawType}” is not a type: write objective, key result or hypothesis.`)
    if (!objectiveTitle.trim()) return fail('the objective column is empty.')
    const objective = objectiveNamed(objectiveTitle)
    if (type === 'objective') continue
    if (!body.trim()) return fail(`the ${type} has no text.`)
    if (type === 'key result') {
      objective.keyResults.push(body.trim())
      continue
    }
    const numbers = parseKeyResultRefs(refs)
    if (numbers === null) return fail(`“${refs.trim()}” is not a list of key results like “KR1; KR3”.`)
    objective.hypotheses.push({ text: body.trim(), keyResults: numbers, at: { file, line } })
  }
  return { ok: true, value: { title: null, objectives } }
}

export interface ImportFile {
  readonly name: string
  readonly bytes: Uint8Array
}

export type ImportResult = { ok: true; plan: Session1Plan; read: string[] } | { ok: false; problem: ImportProblem }

const text = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes)

/**
 * Reads Session #1's files (objectives.md, hypotheses.md, a CSV, or a Session #2 folder .zip
 * whose objectives.md and hypotheses.md prepare the next workshop) into one plan. The first
 * file that cannot be read stops everything: nothing half-imported.
 */
export function readSession1Files(files: readonly ImportFile[]): ImportResult {
  const plans: { plan: Session1Plan; kind: 'objectives' | 'hypotheses' }[] = []
  const read: string[] = []
  const take = (name: string, content: string): ImportProblem | null => {
    const base = name.split('/').pop()!
    if (/\.csv$/i.test(base)) {
      const result = parseSession1Csv(content, base)
      if (!result.ok) return result.problem
      plans.push({ plan: result.value, kind: 'objectives' })
    } else if (/hypothes/i.test(base) || /^\uFEFF?\s*# Hypotheses/i.test(content)) {
      const result = parseHypothesesMarkdown(content, base)
      if (!result.ok) return result.problem
      plans.push({ plan: result.value, kind: 'hypotheses' })
    } else if (/\.(md|markdown|txt)$/i.test(base)) {
      const result = parseObjectivesMarkdown(content, base)
      if (!result.ok) return result.problem
      plans.push({ plan: result.value, kind: 'objectives' })
    } else {
      return { file: base, line: 1, message: 'this is not a file Session #1 leaves: choose objectives.md, hypotheses.md or a .csv.' }
    }
    read.push(base)
    return null
  }
  for (const file of files) {
    if (/\.zip$/i.test(file.name)) {
      const zip = readZip(file.bytes)
      if (!zip.ok) return { ok: false, problem: { file: file.name, line: 1, message: zip.message } }
      const inside = Object.keys(zip.files).filter(name => /(^|\/)(objectives|hypotheses)\.md$/.test(name)).sort()
      if (inside.length === 0) {
        return { ok: false, problem: { file: file.name, line: 1, message: 'this folder holds no objectives.md or hypotheses.md.' } }
      }
      for (const name of inside) {
        const problem = take(name, zip.files[name]!)
        if (problem) return { ok: false, problem }
      }
      continue
    }
    const problem = take(file.name, text(file.bytes))
    if (problem) return { ok: false, problem }
  }
  if (plans.length === 0) return { ok: false, problem: { file: 'the files', line: 1, message: 'no file was chosen.' } }
  // Objectives first, so hypotheses find the key results they name whatever order files came in.
  plans.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'objectives' ? -1 : 1))
  const merged = mergePlans(plans.map(p => p.plan))
  if (!merged.ok) return merged
  if (merged.value.objectives.length === 0) {
    return { ok: false, problem: { file: read.join(', '), line: 1, message: 'no objective was found in these files.' } }
  }
  return { ok: true, plan: merged.value, read }
}

/** One plan from several files: objectives by title, key results appended, hypotheses checked. */
export function mergePlans(plans: readonly Session1Plan[]): ParseResult<Session1Plan> {
  const objectives: { title: string; keyResults: string[]; hypotheses: PlannedHypothesis[] }[] = []
  for (const plan of plans) {
    for (const incoming of plan.objectives) {
      let objective = objectives.find(o => sameTitle(o.title, incoming.title))
      if (!objective) objectives.push((objective = { title: incoming.title, keyResults: [], hypotheses: [] }))
      for (const kr of incoming.keyResults) if (!objective.keyResults.includes(kr)) objective.keyResults.push(kr)
      objective.hypotheses.push(...incoming.hypotheses)
    }
  }
  for (const objective of objectives) {
    for (const hypothesis of objective.hypotheses) {
      const missing = hypothesis.keyResults.find(n => n > objective.keyResults.length)
      if (missing !== undefined) {
        return {
          ok: false,
          problem: {
            file: hypothesis.at?.file ?? 'hypotheses',
            line: hypothesis.at?.line ?? 1,
            message: `KR${missing} is not a key result of “${objective.title}” (it has ${objective.keyResults.length}).`,
          },
        }
      }
    }
  }
  return { ok: true, value: { title: plans.find(p => p.title)?.title ?? null, objectives } }
}

export { SESSION1_CSV_EXAMPLE } from './plan'
