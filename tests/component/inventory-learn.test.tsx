import { screen, within } from '@solidjs/testing-library'
import { describe, expect, it } from 'vitest'
import Inventory from '../../src/phases/inventory'
import type { HarvestDB } from '../../src/store/db'
import { write } from '../../src/store/writer'
import { freshWorkshop, renderPhase } from './render-phase'

/** Three hypotheses the room marked differently; one that matters has only an Epic, one a Signal Test. */
async function seed(db: HarvestDB, workshopId: string) {
  await write(db, async w => {
    const trust = await w.create('objective', workshopId, { title: 'Build trust through match experiences', position: 1 })
    const hypothesis = (text: string, position: number, marks: object) =>
      w.create('hypothesis', workshopId, { objectiveId: trust.id, keyResultIds: [], text, position, ...marks })
    const known = await hypothesis('Players want fair matches', 1, { evidence: 'strong', importance: 'high' })
    const feedback = await hypothesis('If we make feedback easier, more players will submit ratings', 2, {
      evidence: 'none',
      importance: 'high',
    })
    await hypothesis('If rankings reflect skill better, fewer matches feel unfair', 3, {})
    const milestone = (title: string, type: 'epic' | 'signal-test', hypothesisId: string, testCard: object = {}) =>
      w.create('milestone', workshopId, {
        title,
        type,
        hypothesisId,
        keyResultId: null,
        objectiveId: trust.id,
        unlocks: [],
        validates: '',
        ...testCard,
      })
    await milestone('Email-based match feedback form', 'epic', feedback.id)
    await milestone('A/B test fair matching', 'signal-test', known.id, {
      criterion: 'Fewer than 1 in 10 matches reported unfair',
      deadline: '2026-12-15',
      ifRight: 'persevere',
      ifWrong: 'drop',
    })
  })
}

describe('where to learn the most, in the inventory', () => {
  it('lists hypotheses that matter and are known least first, with what serves each, and flags the untested one', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seed(db, workshopId)
    renderPhase(Inventory, db, workshopId)
    const table = await screen.findByRole('table', { name: 'Where to learn the most' })
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row => [...row.children].map(cell => cell.textContent))
    expect(rows).toEqual([
      [
        'H2 If we make feedback easier, more players will submit ratings⚠ Matters, and nothing tests it',
        'High',
        'None',
        'Step 2 (Epic) Email-based match feedback form',
      ],
      ['H1 Players want fair matches', 'High', 'Strong', 'Step 1 (Signal Test) A/B test fair matching'],
      ['H3 If rankings reflect skill better, fewer matches feel unfair', 'not marked', 'not marked', 'none yet'],
    ])
    const section = screen.getByRole('region', { name: 'Where to learn the most' })
    expect(within(section).getByRole('note').textContent).toBe(
      '⚠ 1 hypothesis matters and nothing tests it: plan a Spike or Signal Test for it first.',
    )
  })

  it('shows a milestone’s test card on its card below, and nothing of one where none was written', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seed(db, workshopId)
    renderPhase(Inventory, db, workshopId)
    const test = await screen.findByRole('listitem', { name: 'A/B test fair matching' })
    expect(test.textContent).toContain('We are right if: Fewer than 1 in 10 matches reported unfair')
    expect(test.textContent).toContain('By when: 2026-12-15')
    expect(test.textContent).toContain('Then: persevere if right, drop if wrong')
    const epic = screen.getByRole('listitem', { name: 'Email-based match feedback form' })
    expect(epic.textContent).not.toMatch(/We are right if|By when|Then:/)
  })
})
