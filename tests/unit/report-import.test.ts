import { describe, expect, it } from 'vitest'
import { writeWorkshopCopy } from '../../src/exchange/workshop-copy'
import { readSession1Files, SESSION1_CSV_EXAMPLE } from '../../src/report/import'
import { hypothesesMarkdown, objectivesMarkdown } from '../../src/report/markdown'
import { folderFiles, zipFolder } from '../../src/report/zip'
import { importSession1 } from '../../src/store/commands/report'
import { createWorkshop } from '../../src/store/commands/workshops'
import { HarvestDB } from '../../src/store/db'
import { hypothesesOf, recordsOf } from '../../src/store/queries'
import { sampleReport } from './report-fixture'

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) })

describe('reading Session #1 files', () => {
  it('reads the CSV shown in the help', () => {
    const result = readSession1Files([file('session-1.csv', SESSION1_CSV_EXAMPLE)])
    expect(result.ok && result.plan.objectives).toEqual([
      {
        title: 'Build trust through match experiences',
        keyResults: ['Match rating submissions up 30%'],
        hypotheses: [
          {
            text: 'If we make feedback easier, then more players will submit ratings',
            keyResults: [1],
            at: { file: 'session-1.csv', line: 4 },
          },
        ],
      },
    ])
  })

  it('names the file and line of a malformed CSV', () => {
    const csv = 'type,objective,text,key results\nobjective,A,,\nkey result,A,one,\nsomething,A,x,\n'
    expect(readSession1Files([file('s1.csv', csv)])).toEqual({
      ok: false,
      problem: { file: 's1.csv', line: 4, message: '“something” is not a type: write objective, key result or hypothesis.' },
    })
    expect(readSession1Files([file('s1.csv', 'type,objective,text\n')])).toMatchObject({ ok: false, problem: { line: 1 } })
    expect(readSession1Files([file('s1.csv', 'type,objective,text,key results\nobjective,"A\n')])).toMatchObject({
      ok: false,
      problem: { line: 2, message: expect.stringContaining('never closed') },
    })
  })

  it('refuses a hypothesis naming a key result its objective does not have, at its line', () => {
    const result = readSession1Files([
      file('objectives.md', '## A\n- KR1: one\n'),
      file('hypotheses.md', '## A\n\n- H1: guess\n  - Key results: KR2\n'),
    ])
    expect(result).toMatchObject({ ok: false, problem: { file: 'hypotheses.md', line: 3, message: expect.stringContaining('KR2') } })
  })

  it('prepares from an exported folder .zip: its objectives.md and hypotheses.md', () => {
    const { records, inventory, all } = sampleReport()
    const backup = writeWorkshopCopy({ workshop: records.workshop, records: all, deviceId: 'test' })
    const zip = zipFolder(folderFiles(records, inventory, backup))
    const result = readSession1Files([{ name: 'folder.zip', bytes: zip }])
    expect(result.ok && result.read).toEqual(['hypotheses.md', 'objectives.md'])
    expect(result.ok && result.plan.objectives.map(o => [o.title, o.keyResults.length, o.hypotheses.length])).toEqual([
      ['Build trust through match experiences', 3, 2],
      ['Drive growth through social sharing', 3, 1],
    ])
  })
})

describe('importSession1', () => {
  it('writes the objectives, key results and hypotheses of the files into a new workshop', async () => {
    const db = new HarvestDB(`report-${crypto.randomUUID()}`)
    const { records, inventory } = sampleReport()
    const result = readSession1Files([
      file('hypotheses.md', hypothesesMarkdown(records, inventory)),
      file('objectives.md', objectivesMarkdown(records)),
    ])
    if (!result.ok) throw new Error(result.problem.message)
    const id = await importSession1(db, result.plan, { title: 'Next quarter' })
    const objectives = await recordsOf(db, id, 'objective')
    const keyResults = await recordsOf(db, id, 'keyResult')
    const hypotheses = await hypothesesOf(db, id)
    expect(objectives.map(o => o.fields.title)).toEqual(records.objectives.map(o => o.fields.title))
    expect(keyResults.length).toBe(6)
    expect(hypotheses.map(h => h.fields.text)).toEqual(records.hypotheses.map(h => h.fields.text))
    const krText = (ids: readonly string[]) => ids.map(k => keyResults.find(kr => kr.id === k)!.fields.text)
    expect(krText(hypotheses[0]!.fields.keyResultIds)).toEqual(['Match rating submissions up 30%', 'Feedback form completion above 60%'])
    await db.delete()
  })

  it('fills an objective already in the workshop rather than repeating it, and refuses outside Prepare', async () => {
    const db = new HarvestDB(`report-${crypto.randomUUID()}`)
    const id = await createWorkshop(db, { title: 'Here' })
    const plan = { title: null, objectives: [{ title: 'A', keyResults: ['one'], hypotheses: [] }] }
    await importSession1(db, plan, { workshopId: id })
    await importSession1(db, { title: null, objectives: [{ title: 'a ', keyResults: ['one', 'two'], hypotheses: [] }] }, { workshopId: id })
    expect((await recordsOf(db, id, 'objective')).length).toBe(1)
    expect((await recordsOf(db, id, 'keyResult')).map(k => k.fields.text)).toEqual(['one', 'two'])
    const { setPhase } = await import('../../src/store/commands/workshops')
    await setPhase(db, id, 'context')
    await expect(importSession1(db, plan, { workshopId: id })).rejects.toThrow(/Prepare/)
    expect((await recordsOf(db, id, 'keyResult')).length).toBe(2)
    await db.delete()
  })
})
