import { screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { Rec } from '../../src/domain/types'
import Validate from '../../src/phases/validate'
import type { HarvestDB } from '../../src/store/db'
import { write } from '../../src/store/writer'
import { freshWorkshop, renderPhase } from './render-phase'

/** One objective, one key result, two hypotheses; a Spike linked to H1 but with no test card yet. */
async function seed(db: HarvestDB, workshopId: string) {
  return write(db, async w => {
    const objective = await w.create('objective', workshopId, { title: 'Build trust through match experiences', position: 1 })
    const kr = await w.create('keyResult', workshopId, { objectiveId: objective.id, text: 'Ratings up 30%', position: 1 })
    const h1 = await w.create('hypothesis', workshopId, {
      objectiveId: objective.id,
      keyResultIds: [kr.id],
      text: 'If we make feedback easier, more players will submit ratings',
      position: 1,
    })
    const h2 = await w.create('hypothesis', workshopId, {
      objectiveId: objective.id,
      keyResultIds: [],
      text: 'If rankings reflect skill better, fewer matches feel unfair',
      position: 2,
    })
    const spike = await w.create('milestone', workshopId, {
      title: 'Explore one-tap rating',
      type: 'spike',
      hypothesisId: h1.id,
      keyResultId: kr.id,
      objectiveId: objective.id,
      unlocks: [],
      validates: '',
    })
    return { h1, h2, spike }
  })
}

const milestone = async (db: HarvestDB, id: string) => ((await db.records.get(id)) as Rec<'milestone'>).fields
const hypothesis = async (db: HarvestDB, id: string) => ((await db.records.get(id)) as Rec<'hypothesis'>).fields

describe('the test card in Validation', () => {
  it('flags a Spike without one, and the flag goes once the room fills it in', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { spike } = await seed(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    const editor = await screen.findByRole('article', { name: 'Milestone 1 of 1' })
    expect(
      within(editor).getByText('⚠ Incomplete: needs a “we are right if”, a deadline and a decision either way'),
    ).toBeTruthy()
    expect(screen.getByText('1 milestone · 1 incomplete')).toBeTruthy()

    const card = within(editor).getByRole('region', { name: 'Test card' })
    await user.type(within(card).getByLabelText('We are right if …'), '30% of players rate, "within" a week,\nfrom the app')
    await user.type(within(card).getByLabelText('After how many weeks'), '3')
    const right = within(card).getByRole('group', { name: 'If we are right, we will' })
    await user.click(within(right).getByRole('radio', { name: 'Persevere' }))
    expect(await within(editor).findByText('⚠ Incomplete: needs a decision either way')).toBeTruthy()
    const wrong = within(card).getByRole('group', { name: 'If we are wrong, we will' })
    await user.click(within(wrong).getByRole('radio', { name: 'Pivot' }))

    expect(await within(editor).findByText('✓ Complete')).toBeTruthy()
    expect(screen.getByText('1 milestone · all complete')).toBeTruthy()
    await waitFor(async () =>
      expect(await milestone(db, spike.id)).toMatchObject({
        criterion: '30% of players rate, "within" a week,\nfrom the app',
        deadline: 'after 3 weeks',
        ifRight: 'persevere',
        ifWrong: 'pivot',
      }),
    )
  })

  it('takes a date instead of weeks, and refuses a number of weeks it cannot use without writing it', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { spike } = await seed(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    const card = await screen.findByRole('region', { name: 'Test card' })
    const weeks = within(card).getByLabelText('After how many weeks')
    await user.type(weeks, '0')
    expect((await within(card).findByRole('alert')).textContent).toBe('Write a whole number of weeks from 1 to 104.')
    expect(weeks.getAttribute('aria-invalid')).toBe('true')
    expect((await milestone(db, spike.id)).deadline).toBeUndefined()

    await user.clear(weeks)
    await user.type(weeks, '2')
    await waitFor(async () => expect((await milestone(db, spike.id)).deadline).toBe('after 2 weeks'))
    expect(within(card).queryByRole('alert')).toBeNull()

    const date = within(card).getByLabelText('By date') as HTMLInputElement
    await user.type(date, '2026-12-15')
    await waitFor(async () => expect((await milestone(db, spike.id)).deadline).toBe('2026-12-15'))
    // One deadline: the weeks give way to the date.
    await waitFor(() => expect((weeks as HTMLInputElement).value).toBe(''))
  })

  it('is offered but not asked of an Epic', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seed(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    const editor = await screen.findByRole('article', { name: 'Milestone 1 of 1' })
    await user.click(within(editor).getByRole('radio', { name: 'Epic' }))
    expect(await within(editor).findByText('✓ Complete')).toBeTruthy()
    expect(within(editor).getByText(/Optional for an Epic or Enabler/)).toBeTruthy()
  })
})

describe('evidence marks in Validation', () => {
  it('marks the milestone’s own hypothesis beside it', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { h1 } = await seed(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    const editor = await screen.findByRole('article', { name: 'Milestone 1 of 1' })
    const evidence = within(editor).getByRole('group', { name: 'Evidence we already have for H1' })
    await user.click(within(evidence).getByRole('radio', { name: 'Some' }))
    const importance = within(editor).getByRole('group', { name: 'Importance of H1 to the objective' })
    await user.click(within(importance).getByRole('radio', { name: 'High' }))
    await waitFor(async () => expect(await hypothesis(db, h1.id)).toMatchObject({ evidence: 'some', importance: 'high' }))
    expect((within(evidence).getByRole('radio', { name: 'Some' }) as HTMLInputElement).checked).toBe(true)
  })

  it('marks every hypothesis, one no milestone serves included, from the list beside the milestones', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { h2 } = await seed(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    await screen.findByRole('article', { name: 'Milestone 1 of 1' })
    await user.click(screen.getByRole('button', { name: /Evidence for each hypothesis/ }))
    const panel = await screen.findByRole('article', { name: 'Evidence for each hypothesis' })
    expect(within(panel).getByText('2 of 2 not fully marked')).toBeTruthy()
    const evidence = within(panel).getByRole('group', { name: 'Evidence we already have for H2' })
    await user.click(within(evidence).getByRole('radio', { name: 'None' }))
    await user.click(
      within(within(panel).getByRole('group', { name: 'Importance of H2 to the objective' })).getByRole('radio', {
        name: 'High',
      }),
    )
    await waitFor(async () => expect(await hypothesis(db, h2.id)).toMatchObject({ evidence: 'none', importance: 'high' }))
    expect(await within(panel).findByText('1 of 2 not fully marked')).toBeTruthy()
    expect(screen.getByRole('button', { name: /Evidence for each hypothesis\s*1 of 2 marked/ })).toBeTruthy()
    // Choosing a milestone brings its editor back.
    await user.click(screen.getByRole('button', { name: /Explore one-tap rating/ }))
    expect(await screen.findByRole('article', { name: 'Milestone 1 of 1' })).toBeTruthy()
  })
})
