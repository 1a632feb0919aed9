import { screen, waitFor, within } from '@solidjs/testing-library'
import { describe, expect, it } from 'vitest'
import type { MilestoneType } from '../../src/domain/milestone-types'
import Inventory from '../../src/phases/inventory'
import type { HarvestDB } from '../../src/store/db'
import { write } from '../../src/store/writer'
import { freshWorkshop, renderPhase } from './render-phase'

/** Two objectives, a hypothesis each (one more with nothing for it), three milestones, votes from two people. */
async function seed(db: HarvestDB, workshopId: string, options: { closed: boolean; tie?: boolean }) {
  await write(db, async w => {
    await w.update(workshopId, 'workshop', { votingClosed: options.closed })
    const trust = await w.create('objective', workshopId, { title: 'Build trust through match experiences', position: 1 })
    const growth = await w.create('objective', workshopId, { title: 'Drive growth through social sharing', position: 2 })
    const kr = async (objectiveId: string, text: string, position: number) =>
      w.create('keyResult', workshopId, { objectiveId, text, position })
    const trustKrs = [await kr(trust.id, 'Ratings up 30%', 1), await kr(trust.id, 'Bad matches down 20%', 2), await kr(trust.id, 'Feedback completion above 60%', 3)]
    const growthKr = await kr(growth.id, '15% of new players come from invites', 1)
    const hypothesis = async (objectiveId: string, text: string, position: number) =>
      w.create('hypothesis', workshopId, { objectiveId, keyResultIds: [], text, position })
    const feedback = await hypothesis(trust.id, 'If we make feedback easier, more players will submit ratings', 1)
    await hypothesis(trust.id, 'If rankings reflect skill better, fewer matches feel unfair', 2)
    const sharing = await hypothesis(growth.id, "If users can share with attribution, they'll invite more friends", 3)
    const milestone = (title: string, type: MilestoneType, hypothesisId: string, keyResultId: string, unlocks: string[] = []) =>
      w.create('milestone', workshopId, { title, type, hypothesisId, keyResultId, objectiveId: null, unlocks, validates: '' })
    const email = await milestone('Email-based match feedback form', 'epic', feedback.id, trustKrs[2]!.id)
    const ab = await milestone('A/B test one-tap rating', 'signal-test', feedback.id, trustKrs[0]!.id, [email.id])
    const share = await milestone('Share from match details', 'epic', sharing.id, growthKr.id)
    const people = [
      await w.create('participant', workshopId, { name: 'Ana', pair: '', position: 1 }),
      await w.create('participant', workshopId, { name: 'Ben', pair: '', position: 2 }),
    ]
    const vote = async (person: number, milestoneId: string, count: number) => {
      for (let dot = 0; dot < count; dot++) await w.create('vote', workshopId, { participantId: people[person]!.id, milestoneId, tieBreakId: null })
    }
    await vote(0, email.id, 3)
    await vote(0, share.id, 2)
    await vote(1, share.id, 3)
    await vote(1, ab.id, 1)
    // Two more dots for the email form: 5 each, level with sharing.
    if (options.tie) await vote(1, email.id, 2)
  })
}

describe('inventory screen', () => {
  it('leads with one ranked table: rank, title, type, objective and key result, votes and step', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seed(db, workshopId, { closed: true })
    renderPhase(Inventory, db, workshopId)
    const table = await screen.findByRole('table', { name: 'Milestones by the room’s votes' })
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map(row => [...row.children].map(cell => cell.textContent))
    expect(within(table).getAllByRole('rowheader').map(th => th.textContent)).toEqual(rows.map(row => row[1]))
    expect(rows).toEqual([
      ['1st', 'Share from match details', 'Epic', 'Drive growth through social sharing (KR1)', '5 votes', '1'],
      ['2nd', 'Email-based match feedback form', 'Epic', 'Build trust through match experiences (KR3)', '3 votes', '3'],
      ['3rd', 'A/B test one-tap rating', 'Signal Test', 'Build trust through match experiences (KR1)', '1 vote', '2'],
    ])
  })

  it('shows each milestone once below, as the seed’s card under its objective and hypothesis', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seed(db, workshopId, { closed: true })
    renderPhase(Inventory, db, workshopId)
    const trust = await screen.findByRole('region', { name: 'Objective "Build trust through match experiences"' })
    const entries = within(trust).getAllByRole('listitem').filter(item => item.classList.contains('inv-milestone'))
    expect(entries.map(entry => entry.getAttribute('aria-label'))).toEqual([
      'Email-based match feedback form',
      'A/B test one-tap rating',
    ])
    const email = entries[0]!
    expect(within(email).getByText('2nd')).toBeTruthy()
    expect(within(email).getByText('3 votes')).toBeTruthy()
    expect(within(email).getByText('Step 3 of the order of work')).toBeTruthy()
    expect(email.textContent).toContain('Link: KR3 of Objective "Build trust through match experiences"')
    // What unlocks it is named by its step; its title follows on screen only, kept off paper.
    expect(email.textContent).toContain('Unlocked by: Step 2 (A/B test one-tap rating)')
    expect(within(entries[1]!).getByText('(Email-based match feedback form)').closest('.inv-screen-only')).toBeTruthy()
    const growth = screen.getByRole('region', { name: 'Objective "Drive growth through social sharing"' })
    expect(within(growth).getByText('1st')).toBeTruthy()
    // Every title: once in the table, once on its card, and nowhere else that prints.
    const printed = document.body.cloneNode(true) as HTMLElement
    for (const screenOnly of printed.querySelectorAll('.inv-screen-only')) screenOnly.remove()
    const text = printed.textContent!
    for (const title of ['Share from match details', 'Email-based match feedback form', 'A/B test one-tap rating']) {
      expect(text.split(title).length - 1, title).toBe(2)
    }
  })

  it('shows a tie as a tie, in the table and on the cards', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seed(db, workshopId, { closed: true, tie: true })
    renderPhase(Inventory, db, workshopId)
    const table = await screen.findByRole('table', { name: 'Milestones by the room’s votes' })
    await waitFor(() =>
      expect(within(table).getAllByRole('row').slice(1).map(row => row.firstElementChild!.textContent)).toEqual([
        'tied for 1st',
        'tied for 1st',
        '3rd',
      ]),
    )
    const cards = screen.getAllByRole('listitem').filter(item => item.classList.contains('inv-milestone'))
    expect(cards.filter(card => within(card).queryByText('tied for 1st')).length).toBe(2)
    expect(screen.queryByText(/^1st$/)).toBeNull()
  })

  it('flags the coverage gaps', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seed(db, workshopId, { closed: true })
    renderPhase(Inventory, db, workshopId)
    const gaps = await screen.findByRole('region', { name: 'Coverage gaps (3)' })
    expect(within(gaps).getAllByRole('listitem').map(item => item.textContent)).toEqual([
      'Hypothesis "If rankings reflect skill better, fewer matches feel unfair" has no milestone',
      `Hypothesis "If users can share with attribution, they'll invite more friends" has no Spike or Signal Test to test it`,
      'KR2 of Objective "Build trust through match experiences" has no milestone',
    ])
  })

  it('keeps the votes blind while voting is open', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seed(db, workshopId, { closed: false })
    renderPhase(Inventory, db, workshopId)
    expect(await screen.findByText(/Voting is still open/)).toBeTruthy()
    const table = await screen.findByRole('table', { name: 'Milestones (voting still open)' })
    expect(within(table).getAllByRole('columnheader').map(th => th.textContent)).toEqual([
      'Milestone',
      'Type',
      'Objective (key result)',
      'Step',
    ])
    expect(screen.queryByText(/\d votes?$/)).toBeNull()
    // No places either: every milestone would share the first.
    expect(screen.queryByText(/\d(st|nd|rd|th)$/)).toBeNull()
  })
})
