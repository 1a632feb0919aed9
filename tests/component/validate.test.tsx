import { screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { Rec } from '../../src/domain/types'
import Validate from '../../src/phases/validate'
import type { HarvestDB } from '../../src/store/db'
import { write } from '../../src/store/writer'
import { freshWorkshop, renderPhase } from './render-phase'

const emptyMilestone = { type: null, hypothesisId: null, keyResultId: null, objectiveId: null, unlocks: [], validates: '' }

/** A room after clustering: one objective with three key results, a hypothesis, two milestones, two cards. */
async function seed(db: HarvestDB, workshopId: string, options: { anonymous?: boolean } = {}) {
  return write(db, async w => {
    if (options.anonymous === false) await w.update(workshopId, 'workshop', { anonymous: false })
    const objective = await w.create('objective', workshopId, { title: 'Build trust through match experiences', position: 1 })
    const krs = []
    for (const [index, text] of ['Ratings up 30%', 'Bad matches down 20%', 'Feedback completion above 60%'].entries()) {
      krs.push(await w.create('keyResult', workshopId, { objectiveId: objective.id, text, position: index + 1 }))
    }
    const hypothesis = await w.create('hypothesis', workshopId, {
      objectiveId: objective.id,
      keyResultIds: [krs[2]!.id],
      text: 'If we make feedback easier, more players will submit ratings',
      position: 1,
    })
    const ana = await w.create('participant', workshopId, { name: 'Ana', pair: 'Pair 1', position: 1 })
    const email = await w.create('milestone', workshopId, { title: 'Email-based match feedback form', ...emptyMilestone })
    const cache = await w.create('milestone', workshopId, { title: 'Set up match history API cache', ...emptyMilestone })
    for (const text of ['Email a short feedback form after the match', 'One-tap rating']) {
      await w.create('card', workshopId, { authorId: ana.id, text, hypothesisId: null, sealed: false, milestoneId: email.id })
    }
    return { objective, krs, hypothesis, email, cache }
  })
}

describe('validation screen', () => {
  it('sets a type, a hypothesis and a key result, and the incomplete flag goes away', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { email, krs, objective } = await seed(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()

    expect(await screen.findByText('2 milestones · 2 incomplete')).toBeTruthy()
    const editor = screen.getByRole('article', { name: 'Milestone 1 of 2' })
    expect(within(editor).getByText(/Incomplete: needs a type, a hypothesis and a key result or objective/)).toBeTruthy()
    // The type choices carry the seed's purpose and example as help.
    const epic = within(editor).getByRole('radio', { name: 'Epic' })
    expect(epic.getAttribute('aria-describedby')).toBeTruthy()
    expect(document.getElementById(epic.getAttribute('aria-describedby')!)?.textContent).toBe(
      'A major initiative, often multi-sprint. e.g. Build friend-invite reward system',
    )

    await user.click(epic)
    expect(await within(editor).findByText(/Incomplete: needs a hypothesis and a key result or objective/)).toBeTruthy()
    await user.selectOptions(within(editor).getByLabelText('Hypothesis it serves'), 'H1: If we make feedback easier, more players will submit ratings')
    await user.selectOptions(within(editor).getByLabelText('Key result or objective it moves'), 'KR3: Feedback completion above 60%')

    await waitFor(() => expect(within(editor).queryByText(/Incomplete/)).toBeNull())
    expect(within(editor).getByText('✓ Complete')).toBeTruthy()
    expect(screen.getByText('2 milestones · 1 incomplete')).toBeTruthy()
    const card = within(editor).getByLabelText('Milestone card')
    expect(card.textContent).toBe(
      'Milestone: Email-based match feedback form' +
        'Type: Epic' +
        'Hypothesis: If we make feedback easier, more players will submit ratings' +
        'Link: KR3 of Objective "Build trust through match experiences"',
    )
    const stored = (await db.records.get(email.id)) as Rec<'milestone'>
    expect(stored.fields).toMatchObject({ type: 'epic', keyResultId: krs[2]!.id, objectiveId: objective.id })
  })

  it('links to an objective as a whole, and flags a milestone that loses its link', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { email } = await seed(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    const editor = await screen.findByRole('article', { name: 'Milestone 1 of 2' })
    await user.selectOptions(
      within(editor).getByLabelText('Key result or objective it moves'),
      'Objective "Build trust through match experiences" as a whole',
    )
    await waitFor(async () =>
      expect(((await db.records.get(email.id)) as Rec<'milestone'>).fields).toMatchObject({ keyResultId: null }),
    )
    expect(await within(editor).findByText(/Incomplete: needs a type and a hypothesis$/)).toBeTruthy()
    await user.selectOptions(within(editor).getByLabelText('Key result or objective it moves'), 'Not linked yet')
    expect(await within(editor).findByText(/Incomplete: needs a type, a hypothesis and a key result or objective/)).toBeTruthy()
  })

  it('records what a milestone unlocks and validates, and walks to the next milestone', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { email, cache } = await seed(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    await screen.findByRole('article', { name: 'Milestone 1 of 2' })
    await user.click(screen.getByRole('button', { name: 'Next milestone →' }))
    const editor = await screen.findByRole('article', { name: 'Milestone 2 of 2' })
    expect((within(editor).getByLabelText('Milestone title') as HTMLInputElement).value).toBe('Set up match history API cache')

    const chip = within(editor).getByRole('button', { name: 'Unlocks “Email-based match feedback form”' })
    expect(chip.getAttribute('aria-pressed')).toBe('false')
    await user.click(chip)
    await waitFor(() => expect(chip.getAttribute('aria-pressed')).toBe('true'))
    await user.type(within(editor).getByLabelText('What it validates'), 'Profiles load fast enough')
    await waitFor(async () =>
      expect(((await db.records.get(cache.id)) as Rec<'milestone'>).fields).toMatchObject({
        unlocks: [email.id],
        validates: 'Profiles load fast enough',
      }),
    )
    await user.click(screen.getByRole('button', { name: '← Previous milestone' }))
    const first = await screen.findByRole('article', { name: 'Milestone 1 of 2' })
    expect(within(first).getByText('Unlocked by: Set up match history API cache')).toBeTruthy()
  })

  it('shows the member cards, with their authors only when the workshop is not anonymous', async () => {
    const anonymous = await freshWorkshop()
    await seed(anonymous.db, anonymous.workshopId)
    const first = renderPhase(Validate, anonymous.db, anonymous.workshopId)
    const cards = await screen.findByRole('region', { name: 'Cards in this milestone (2)' })
    expect(within(cards).getByText('Email a short feedback form after the match')).toBeTruthy()
    expect(cards.textContent).not.toContain('Ana')
    first.unmount()

    const named = await freshWorkshop()
    await seed(named.db, named.workshopId, { anonymous: false })
    renderPhase(Validate, named.db, named.workshopId)
    const namedCards = await screen.findByRole('region', { name: 'Cards in this milestone (2)' })
    expect(namedCards.textContent).toContain('— Ana')
  })

  it('adds a missing milestone and opens it, refusing an empty title', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seed(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    await screen.findByRole('article', { name: 'Milestone 1 of 2' })
    await user.click(screen.getByRole('button', { name: 'Add milestone' }))
    expect(document.activeElement).toBe(screen.getByLabelText('New milestone'))
    await user.type(screen.getByLabelText('New milestone'), 'Interview players who quit')
    await user.click(screen.getByRole('button', { name: 'Add milestone' }))
    const editor = await screen.findByRole('article', { name: 'Milestone 3 of 3' })
    expect((within(editor).getByLabelText('Milestone title') as HTMLInputElement).value).toBe('Interview players who quit')
    expect(screen.getByText('3 milestones · 3 incomplete')).toBeTruthy()
  })
})

describe('validation: a milestone prefilled from its cards', () => {
  /** One objective with three key results; H1 tied to KR3, H2 to none; a milestone whose cards say H1, H1, H2. */
  async function seedTagged(db: HarvestDB, workshopId: string) {
    return write(db, async w => {
      const objective = await w.create('objective', workshopId, { title: 'Build trust through match experiences', position: 1 })
      const krs = []
      for (const [index, text] of ['Ratings up 30%', 'Bad matches down 20%', 'Feedback completion above 60%'].entries()) {
        krs.push(await w.create('keyResult', workshopId, { objectiveId: objective.id, text, position: index + 1 }))
      }
      const h1 = await w.create('hypothesis', workshopId, {
        objectiveId: objective.id,
        keyResultIds: [krs[2]!.id],
        text: 'If we make feedback easier, more players will submit ratings',
        position: 1,
      })
      const h2 = await w.create('hypothesis', workshopId, {
        objectiveId: objective.id,
        keyResultIds: [],
        text: 'If rankings reflect skill better, fewer matches feel unfair',
        position: 2,
      })
      const ana = await w.create('participant', workshopId, { name: 'Ana', pair: 'Pair 1', position: 1 })
      const feedback = await w.create('milestone', workshopId, { title: 'Match feedback', ...emptyMilestone })
      for (const [text, hypothesisId] of [
        ['Email a short feedback form', h1.id],
        ['One-tap rating', h2.id],
        ['Rating reminder', h1.id],
      ] as const) {
        await w.create('card', workshopId, { authorId: ana.id, text, hypothesisId, sealed: true, milestoneId: feedback.id })
      }
      return { krs, h1, h2, feedback }
    })
  }

  const stored = async (db: HarvestDB, id: string) => ((await db.records.get(id)) as Rec<'milestone'>).fields

  it('shows the most common hypothesis, marked “from the cards”, and its key result, unsaved until kept', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { feedback, h1, krs } = await seedTagged(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    const editor = await screen.findByRole('article', { name: 'Milestone 1 of 1' })

    const hypothesis = within(editor).getByLabelText('Hypothesis it serves') as HTMLSelectElement
    expect(hypothesis.value).toBe(h1.id)
    expect(hypothesis.selectedOptions[0]?.textContent).toBe('H1: If we make feedback easier, more players will submit ratings')
    expect(document.getElementById(hypothesis.getAttribute('aria-describedby')!)?.textContent).toBe(
      'From the cards: 2 of 3 cards chose H1. Not saved until you keep it or choose another.',
    )
    const link = within(editor).getByLabelText('Key result or objective it moves') as HTMLSelectElement
    expect(link.selectedOptions[0]?.textContent).toBe('KR3: Feedback completion above 60%')
    expect(within(editor).getByText(/KR3 is its key result\./)).toBeTruthy()
    // A suggestion is not a choice: nothing was written, and the milestone still says what it lacks.
    expect(await stored(db, feedback.id)).toMatchObject({ hypothesisId: null, keyResultId: null })
    expect(within(editor).getByText(/Incomplete: needs a type, a hypothesis and a key result or objective/)).toBeTruthy()

    await user.click(within(editor).getByRole('button', { name: 'Keep H1' }))
    await waitFor(async () => expect((await stored(db, feedback.id)).hypothesisId).toBe(h1.id))
    await waitFor(() => expect(within(editor).queryByText(/From the cards/)).toBeNull())
    // The key result still comes from the hypothesis, now the chosen one.
    await user.click(within(editor).getByRole('button', { name: 'Keep KR3' }))
    await waitFor(async () => expect(await stored(db, feedback.id)).toMatchObject({ keyResultId: krs[2]!.id }))
    expect(await within(editor).findByText(/Incomplete: needs a type$/)).toBeTruthy()
    expect(within(editor).queryByText(/From the hypothesis/)).toBeNull()
  })

  it('lets the room choose another hypothesis instead, and then suggests nothing over it', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { feedback, h2 } = await seedTagged(db, workshopId)
    renderPhase(Validate, db, workshopId)
    const user = userEvent.setup()
    const editor = await screen.findByRole('article', { name: 'Milestone 1 of 1' })
    await user.selectOptions(
      within(editor).getByLabelText('Hypothesis it serves'),
      'H2: If rankings reflect skill better, fewer matches feel unfair',
    )
    await waitFor(async () => expect((await stored(db, feedback.id)).hypothesisId).toBe(h2.id))
    await waitFor(() => expect(within(editor).queryByText(/From the cards/)).toBeNull())
    // H2 has no key result: nothing to suggest for the link either.
    expect(within(editor).queryByText(/From the hypothesis/)).toBeNull()
    expect((within(editor).getByLabelText('Key result or objective it moves') as HTMLSelectElement).selectedOptions[0]?.textContent).toBe(
      'Not linked yet',
    )
  })
})
