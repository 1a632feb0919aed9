import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import type { AnyRec, Fields, Rec } from '../../src/domain/types'
import { writeWorkshopCopy } from '../../src/exchange/workshop-copy'
import { readWorkshopCopy } from '../../src/exchange/workshop-copy-read'
import { parseCsv } from '../../src/report/csv'
import { readSession1Files } from '../../src/report/import'
import { hypothesesMarkdown, objectivesMarkdown, parseHypothesesMarkdown } from '../../src/report/markdown'
import { MILESTONE_COLUMNS, milestonesCsv } from '../../src/report/milestones-csv'
import { folderFiles, zipFolder } from '../../src/report/zip'
import { importSession1 } from '../../src/store/commands/report'
import { HarvestDB } from '../../src/store/db'
import { hypothesesOf } from '../../src/store/queries'
import { sampleReport } from './report-fixture'

/** Sets fields as a tablet would: each one stamped, so the workshop file still reads. */
function edited<R extends AnyRec>(record: R, patch: Record<string, unknown>): AnyRec {
  const stamp = Object.values(record.stamps as Record<string, string>)[0]!
  const stamps = Object.fromEntries(Object.keys(patch).map(key => [key, stamp]))
  return { ...record, fields: { ...record.fields, ...patch }, stamps: { ...record.stamps, ...stamps } } as AnyRec
}

const criterion = 'Half of players, "fairly" rated,\nrate within a week 🎯'
const testCard = { criterion, deadline: 'after 3 weeks', ifRight: 'persevere', ifWrong: 'pivot' } as const

/** The sample with a test card on its Spike, marks on two hypotheses, and a hypothesis text that looks like a mark. */
function markedReport() {
  return sampleReport({
    mutate: all =>
      all.map(r => {
        if (r.kind === 'milestone' && r.fields.type === 'spike') return edited(r, testCard)
        if (r.kind === 'hypothesis' && r.fields.position === 1) {
          return edited(r, { evidence: 'some', importance: 'high', text: 'Feedback, "easier",\n- Evidence: strong\nmore ratings' })
        }
        if (r.kind === 'hypothesis' && r.fields.position === 3) return edited(r, { evidence: 'none' })
        return r
      }),
  })
}

describe('milestone-candidates.csv with the test card', () => {
  it('ends with the criterion, deadline and decision columns, exact through commas, quotes and line breaks', () => {
    const { records, inventory } = markedReport()
    const text = milestonesCsv(records, inventory)
    const ours = parseCsv(text)
    if (!ours.ok) throw new Error(ours.message)
    const papa = Papa.parse<string[]>(text, { skipEmptyLines: true })
    expect(papa.errors).toEqual([])
    for (const [header, ...rows] of [ours.rows, papa.data]) {
      expect(header!.slice(-3)).toEqual(['criterion', 'deadline', 'decision'])
      const spike = rows.find(r => r[2] === 'Spike')!
      expect(spike.slice(-3)).toEqual([criterion, 'after 3 weeks', 'persevere if right, pivot if wrong'])
      const epic = rows.find(r => r[2] === 'Epic')!
      expect(epic.slice(-3)).toEqual(['', '', ''])
      for (const row of rows) expect(row).toHaveLength(MILESTONE_COLUMNS.length)
    }
  })
})

describe('hypotheses.md with the marks', () => {
  it('writes evidence and importance under each marked hypothesis and reads them back', () => {
    const { records, inventory } = markedReport()
    const text = hypothesesMarkdown(records, inventory)
    expect(text).toContain('  - Evidence: some\n  - Importance: high')
    const parsed = parseHypothesesMarkdown(text)
    if (!parsed.ok) throw new Error(parsed.problem.message)
    const read = parsed.value.objectives.flatMap(o => o.hypotheses.map(h => [h.text, h.evidence, h.importance]))
    const written = records.hypotheses.map(h => [h.fields.text, h.fields.evidence, h.fields.importance])
    expect(read).toEqual(written)
    // A text line that only looks like a mark stays text.
    expect(read[0]).toEqual(['Feedback, "easier",\n- Evidence: strong\nmore ratings', 'some', 'high'])
  })

  it('names the line of a mark it cannot read, and writes nothing', () => {
    expect(parseHypothesesMarkdown('## A\n- H1: x\n  - Evidence: plenty')).toMatchObject({
      ok: false,
      problem: { line: 3, message: expect.stringContaining('none, some or strong') },
    })
    expect(parseHypothesesMarkdown('## A\n  - Importance: high')).toMatchObject({ ok: false, problem: { line: 2 } })
  })
})

describe('the folder .zip round trip', () => {
  it('keeps the test card and the marks: in the CSV, in hypotheses.md and in the workshop it opens as', () => {
    const { records, inventory, all } = markedReport()
    const backup = writeWorkshopCopy({ workshop: records.workshop, records: all, deviceId: 'test' })
    const files = Object.fromEntries(
      Object.entries(unzipSync(zipFolder(folderFiles(records, inventory, backup)))).map(([name, data]) => [name, strFromU8(data)]),
    )
    const csv = parseCsv(files['okra/session-2/milestone-candidates.csv']!)
    expect(csv.ok && csv.rows.find(r => r[2] === 'Spike')!.slice(-3)).toEqual([criterion, 'after 3 weeks', 'persevere if right, pivot if wrong'])
    expect(files['okra/session-2/hypotheses.md']).toContain('  - Evidence: none')

    const read = readWorkshopCopy(JSON.parse(files['okra/session-2/workshop.json']!), 'fresh-secret-of-the-new-workshop')
    if (!read.ok) throw new Error(read.message)
    const spike = read.copy.records.find(r => r.kind === 'milestone' && r.fields.type === 'spike') as Rec<'milestone'>
    expect(spike.fields).toMatchObject(testCard)
    const marks = read.copy.records
      .filter((r): r is Rec<'hypothesis'> & AnyRec => r.kind === 'hypothesis')
      .map(h => [h.fields.position, h.fields.evidence, h.fields.importance] as [number, Fields<'hypothesis'>['evidence'], Fields<'hypothesis'>['importance']])
      .sort((a, b) => a[0] - b[0])
    expect(marks).toEqual([
      [1, 'some', 'high'],
      [2, undefined, undefined],
      [3, 'none', undefined],
    ])
  })
})

describe('the next session, prepared from hypotheses.md', () => {
  it('starts with the marks the room gave each hypothesis', async () => {
    const db = new HarvestDB(`learn-${crypto.randomUUID()}`)
    const { records, inventory } = markedReport()
    const result = readSession1Files([
      { name: 'objectives.md', bytes: new TextEncoder().encode(objectivesMarkdown(records)) },
      { name: 'hypotheses.md', bytes: new TextEncoder().encode(hypothesesMarkdown(records, inventory)) },
    ])
    if (!result.ok) throw new Error(result.problem.message)
    const id = await importSession1(db, result.plan, { title: 'Next quarter' })
    const hypotheses = await hypothesesOf(db, id)
    expect(hypotheses.map(h => [h.fields.evidence, h.fields.importance])).toEqual([
      ['some', 'high'],
      [undefined, undefined],
      ['none', undefined],
    ])
    await db.delete()
  })
})
