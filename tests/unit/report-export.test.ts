import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { AnyRec } from '../../src/domain/types'
import { writeWorkshopCopy } from '../../src/exchange/workshop-copy'
import { readWorkshopCopy } from '../../src/exchange/workshop-copy-read'
import { clustersMarkdown, parseClustersMarkdown } from '../../src/report/clusters'
import { parseCsv } from '../../src/report/csv'
import { hypothesesMarkdown, objectivesMarkdown, parseHypothesesMarkdown, parseObjectivesMarkdown } from '../../src/report/markdown'
import { MILESTONE_COLUMNS, milestonesCsv } from '../../src/report/milestones-csv'
import { folderFiles, zipFolder } from '../../src/report/zip'
import { sampleReport } from './report-fixture'
import Papa from 'papaparse'

describe('objectives.md and hypotheses.md', () => {
  it('write each objective with its key results, and hypotheses by objective with theirs', () => {
    const { records, inventory } = sampleReport()
    const objectives = objectivesMarkdown(records)
    expect(objectives).toContain(
      '## Build trust through match experiences\n\n- KR1: Match rating submissions up 30%\n- KR2: Reported bad matches down 20%\n- KR3: Feedback form completion above 60%',
    )
    const hypotheses = hypothesesMarkdown(records, inventory)
    expect(hypotheses).toContain(
      '## Drive growth through social sharing\n\n- H3: If users can share with attribution, then they\'ll invite more friends\n  - Key results: KR1, KR3',
    )
  })

  it('read back as the same objectives, key results and hypotheses, line breaks and all', () => {
    const { records, inventory } = sampleReport({
      mutate: all =>
        all.map(r =>
          r.kind === 'keyResult' && r.fields.position === 2
            ? ({ ...r, fields: { ...r.fields, text: 'Two lines:\nsecond line, with <script>alert(1)</script>' } } as AnyRec)
            : r,
        ),
    })
    const objectives = parseObjectivesMarkdown(objectivesMarkdown(records))
    const hypotheses = parseHypothesesMarkdown(hypothesesMarkdown(records, inventory))
    expect(objectives.ok && objectives.value).toEqual({
      title: 'Match experience off-site',
      objectives: [
        {
          title: 'Build trust through match experiences',
          keyResults: [
            'Match rating submissions up 30%',
            'Two lines:\nsecond line, with <script>alert(1)</script>',
            'Feedback form completion above 60%',
          ],
          hypotheses: [],
        },
        {
          title: 'Drive growth through social sharing',
          keyResults: [
            '15% of new players come from invites',
            'Two lines:\nsecond line, with <script>alert(1)</script>',
            'Invite conversion above 25%',
          ],
          hypotheses: [],
        },
      ],
    })
    expect(hypotheses.ok && hypotheses.value.objectives.map(o => o.hypotheses.map(h => [h.text, h.keyResults]))).toEqual([
      [
        ['If we make feedback easier, then more players will submit ratings', [1, 3]],
        ['If rankings reflect skill better, then fewer matches feel unfair', [2]],
      ],
      [["If users can share with attribution, then they'll invite more friends", [1, 3]]],
    ])
  })

  it('name the line of what they cannot read', () => {
    expect(parseObjectivesMarkdown('# Objectives\n\n- KR1: before any objective')).toMatchObject({
      ok: false,
      problem: { file: 'objectives.md', line: 3 },
    })
    expect(parseObjectivesMarkdown('## A\n- KR1: x\nstray text here')).toMatchObject({ ok: false, problem: { line: 3 } })
    expect(parseHypothesesMarkdown('## A\n- H1: x\n  - Key results: KR1, banana')).toMatchObject({
      ok: false,
      problem: { file: 'hypotheses.md', line: 3, message: expect.stringContaining('banana') },
    })
  })
})

describe('clusters-and-types.md', () => {
  it('lists every milestone in rank order as the seed’s card, and reads back', () => {
    const { inventory } = sampleReport()
    const text = clustersMarkdown(inventory)
    expect(text).toContain(
      '## #1 Enable sharing from match details with referral tracking\n\n- Milestone: Enable sharing from match details with referral tracking\n- Type: Epic\n- Hypothesis: If users can share with attribution, then they\'ll invite more friends\n- Link: KR1 of Objective "Drive growth through social sharing"\n- Votes: 6',
    )
    const parsed = parseClustersMarkdown(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.map(e => [e.place, e.title, e.type, e.votes])).toEqual(
      inventory.milestones.map(m => [m.place, m.title, m.typeLabel, m.votes]),
    )
    expect(parsed.value.map(e => e.cards.map(c => c.text))).toEqual(inventory.milestones.map(m => m.cards.map(c => c.text)))
    expect(parsed.value.map(e => e.hypothesis)).toEqual(inventory.milestones.map(m => m.card[2]!.value))
  })

  it('names the line it cannot place', () => {
    expect(parseClustersMarkdown('## #1 A\n- Votes: many')).toMatchObject({ ok: false, problem: { line: 2 } })
  })
})

describe('milestone-candidates.csv', () => {
  it('has one row per milestone in rank order with the seed’s columns', () => {
    const { records, inventory } = sampleReport()
    const parsed = parseCsv(milestonesCsv(records, inventory))
    if (!parsed.ok) throw new Error(parsed.message)
    const [header, ...rows] = parsed.rows
    expect(header).toEqual([...MILESTONE_COLUMNS])
    expect(header).toEqual(['id', 'title', 'type', 'hypothesis', 'key result', 'objective', 'votes', 'rank', 'unlocks', 'validates', 'source cards', 'criterion', 'deadline', 'decision'])
    expect(rows.map(r => [r[1], r[2], r[6], r[7]])).toEqual([
      ['Enable sharing from match details with referral tracking', 'Epic', '6', '1'],
      ['Email-based match feedback form', 'Epic', '3', '2'],
      ['Run A/B test on invite reward copy', '', '2', '3'],
      ['Explore new ranking algorithm', 'Spike', '1', '4'],
      ['Set up match history API cache', 'Enabler', '0', '5'],
    ])
    const email = rows[1]!
    expect(email[3]).toBe('H1: If we make feedback easier, then more players will submit ratings')
    expect(email[4]).toBe('KR3: Feedback form completion above 60%')
    expect(email[5]).toBe('Build trust through match experiences')
    expect(email[10]).toBe('One-tap rating after each match\nReferral links with attribution')
  })
})

describe('the folder .zip', () => {
  it('holds the seed’s four files and the workshop without its secret, which reads back', () => {
    const { records, inventory, all } = sampleReport()
    const backup = writeWorkshopCopy({ workshop: records.workshop, records: all, deviceId: 'test' })
    const zip = zipFolder(folderFiles(records, inventory, backup, { bom: true }))
    const entries = unzipSync(zip)
    const files = Object.fromEntries(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]))
    expect(Object.keys(files).sort()).toEqual([
      'okra/session-2/clusters-and-types.md',
      'okra/session-2/hypotheses.md',
      'okra/session-2/milestone-candidates.csv',
      'okra/session-2/objectives.md',
      'okra/session-2/workshop.json',
    ])
    for (const text of Object.values(files)) expect(text).not.toContain(records.workshop.fields.secret)
    // The BOM is the file's first three bytes (a text decoder would hide it).
    expect([...entries['okra/session-2/milestone-candidates.csv']!.slice(0, 5)]).toEqual([0xef, 0xbb, 0xbf, 0x69, 0x64])
    expect(files['okra/session-2/objectives.md']).toContain('- KR1: Match rating submissions up 30%')
    const read = readWorkshopCopy(JSON.parse(files['okra/session-2/workshop.json']!), 'fresh-secret-of-the-new-workshop')
    expect(read.ok && read.copy.records.length).toBe(all.filter(record => record.deleted === undefined).length)
  })
})

describe('milestone-candidates.csv read by another parser', () => {
  it('gives back exact fields for commas, quotes, line breaks, emoji and right-to-left script', () => {
    const title = 'Share, "invite" & win\nfrom match details 🎯'
    const validates = 'שלום, مرحبا — "players" invite\r\nmore friends 👩🏽‍💻'
    const { records, inventory } = sampleReport({
      mutate: all =>
        all.map(record =>
          record.kind === 'milestone' && record.fields.title.startsWith('Enable sharing')
            ? ({ ...record, fields: { ...record.fields, title, validates } } as AnyRec)
            : record,
        ),
    })
    for (const bom of [false, true]) {
      const text = milestonesCsv(records, inventory, { bom })
      expect(text.startsWith('\uFEFF')).toBe(bom)
      // Papa Parse, a widely used parser that shares no code with ours.
      const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true })
      expect(parsed.errors).toEqual([])
      const [header, ...rows] = parsed.data
      expect(header).toEqual([...MILESTONE_COLUMNS])
      expect(rows).toHaveLength(inventory.milestones.length)
      const row = rows.find(r => r[1] === title)!
      expect(row).toBeDefined()
      expect(row[9]).toBe(validates)
      expect(row.length).toBe(MILESTONE_COLUMNS.length)
    }
  })
})
