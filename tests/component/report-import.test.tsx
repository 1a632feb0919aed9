import { screen, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import Setup from '../../src/phases/setup'
import { recordsOf } from '../../src/store/queries'
import { renderApp } from './render-app'
import { freshWorkshop, renderPhase } from './render-phase'

const md = (name: string, text: string) => new File([text], name, { type: 'text/markdown' })

async function chooseFiles(label: string, files: File[]) {
  await userEvent.click(await screen.findByRole('button', { name: label }))
  const dialog = await screen.findByRole('dialog', { name: label })
  expect(within(dialog).getByText(/type,objective,text,key results/)).toBeTruthy()
  await userEvent.upload(screen.getByLabelText("Choose Session #1 files"), files)
}

describe('Prepare from Session #1 files', () => {
  it('names the file and line of a malformed file, and writes nothing', async () => {
    const { db } = renderApp()
    const csv = 'type,objective,text,key results\nobjective,Trust,,\nkey result,Trust,Ratings up,\nsomething,Trust,x,\n'
    await chooseFiles('Prepare from Session #1 files', [new File([csv], 's1.csv', { type: 'text/csv' })])
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toBe(
      's1.csv, line 4: “something” is not a type: write objective, key result or hypothesis. Nothing was imported.',
    )
    expect(await db.records.count()).toBe(0)
  })

  it('creates a workshop from objectives.md and hypotheses.md, showing markup as text', async () => {
    const { db } = renderApp()
    await chooseFiles('Prepare from Session #1 files', [
      md('objectives.md', '# Objectives: Q3 planning\n\n## <script>alert(1)</script> Trust\n\n- KR1: Ratings up 30%\n- KR2: <b>bold</b> claims\n'),
      md('hypotheses.md', '## <script>alert(1)</script> Trust\n\n- H1: If feedback is easy, ratings rise\n  - Key results: KR1, KR2\n'),
    ])
    const preview = await screen.findByRole('dialog', { name: 'Session #1 files' })
    expect(preview.textContent).toContain('Read objectives.md, hypotheses.md: 1 objective, 2 key results, 1 hypothesis.')
    expect(within(preview).getByLabelText('Title of the new workshop')).toHaveProperty('value', 'Q3 planning — Session #2')
    await userEvent.click(within(preview).getByRole('button', { name: 'Create workshop' }))
    await screen.findByRole('heading', { level: 2, name: 'Prepare' })
    expect(await screen.findByDisplayValue('<script>alert(1)</script> Trust')).toBeTruthy()
    expect(document.querySelector('script')).toBeNull()
    expect(document.querySelector('b')).toBeNull()
    const [workshop] = await db.records.where('kind').equals('workshop').toArray()
    const hypotheses = await recordsOf(db, workshop!.id, 'hypothesis')
    expect(hypotheses.map(h => [h.fields.text, h.fields.keyResultIds.length])).toEqual([['If feedback is easy, ratings rise', 2]])
  })
})

describe('Import Session #1 files in Prepare', () => {
  it('adds the files’ objectives to the workshop being prepared', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(Setup, db, workshopId)
    const csv = [
      'type,objective,text,key results',
      'key result,Drive growth,"15% of new players, from invites",',
      'hypothesis,Drive growth,"If sharing is easy, invites rise",KR1',
    ].join('\r\n')
    await chooseFiles('Import Session #1 files', [new File([csv], 'session-1.csv', { type: 'text/csv' })])
    const preview = await screen.findByRole('dialog', { name: 'Session #1 files' })
    await userEvent.click(within(preview).getByRole('button', { name: 'Import into this workshop' }))
    expect((await screen.findByRole('status')).textContent).toBe('Imported 1 objective from Session #1.')
    expect((await recordsOf(db, workshopId, 'objective')).map(o => o.fields.title)).toEqual(['Drive growth'])
    expect((await recordsOf(db, workshopId, 'keyResult')).map(k => k.fields.text)).toEqual(['15% of new players, from invites'])
    expect(await screen.findByDisplayValue('15% of new players, from invites')).toBeTruthy()
  })
})
