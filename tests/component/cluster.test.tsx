import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library'
import { describe, expect, it } from 'vitest'
import type { Rec } from '../../src/domain/types'
import { recordsOf } from '../../src/store/queries'
import { write } from '../../src/store/writer'
import { cardButton, openCluster } from './cluster-seed'

const CARDS = [
  { text: 'Referral links with attribution' },
  { text: 'Share button on match details' },
  { text: 'Try an Elo variant for ranking' },
]

describe('read & cluster: reveal', () => {
  it('shows only counts before the reveal, and every card after it', async () => {
    const { db, workshopId, user } = await openCluster({ cards: CARDS, revealed: false })
    expect(await screen.findByText(/from 2 people, face down/)).toBeTruthy()
    expect(document.body.textContent).toContain('3 cards')
    for (const card of CARDS) expect(document.body.textContent).not.toContain(card.text)

    await user.click(screen.getByRole('button', { name: 'Reveal all cards' }))
    for (const card of CARDS) expect(await screen.findByText(card.text)).toBeTruthy()
    expect(((await db.records.get(workshopId)) as Rec<'workshop'>).fields.revealed).toBe(true)
  })

  it('names the authors only when the workshop is not anonymous', async () => {
    const { db, workshopId } = await openCluster({ cards: CARDS, anonymous: true })
    await screen.findByText('Referral links with attribution')
    expect(screen.queryByText('Ana')).toBeNull()

    await write(db, writer => writer.update(workshopId, 'workshop', { anonymous: false }))
    expect(await screen.findAllByText('Ana')).toHaveLength(2)
    expect(screen.getAllByText('Ben')).toHaveLength(1)
  })
})

describe('read & cluster: read one by one', () => {
  it('shows one card at a time, turned by buttons, arrow keys and swipes', async () => {
    const { user } = await openCluster({ cards: CARDS })
    await user.click(await screen.findByRole('button', { name: 'Read one by one' }))
    expect(await screen.findByText('Card 1 of 3')).toBeTruthy()
    expect(screen.getByText('Referral links with attribution')).toBeTruthy()
    expect(screen.queryByText('Share button on match details')).toBeNull()
    expect((screen.getByRole('button', { name: 'Previous' }) as HTMLButtonElement).disabled).toBe(true)

    await user.click(screen.getByRole('button', { name: 'Next' }))
    expect(screen.getByText('Card 2 of 3')).toBeTruthy()
    expect(screen.getByText('Share button on match details')).toBeTruthy()

    await user.keyboard('{ArrowRight}')
    expect(screen.getByText('Card 3 of 3')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Next' }) as HTMLButtonElement).disabled).toBe(true)

    // A swipe to the right goes back one card.
    const card = screen.getByText('Try an Elo variant for ranking').closest('article')!
    fireEvent.pointerDown(card, { pointerId: 1, clientX: 100, clientY: 200 })
    fireEvent.pointerUp(card, { pointerId: 1, clientX: 300, clientY: 210 })
    expect(screen.getByText('Card 2 of 3')).toBeTruthy()

    // The place is kept while the room groups a card on the board.
    await user.click(screen.getByRole('button', { name: 'Group into milestones' }))
    await user.click(screen.getByRole('button', { name: 'Read one by one' }))
    expect(screen.getByText('Card 2 of 3')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'Previous' }))
    expect(screen.getByText('Card 1 of 3')).toBeTruthy()
  })
})

describe('read & cluster: grouping by tap', () => {
  it('makes a milestone of the selected cards, titled from the first card', async () => {
    const { db, workshopId, cards, user } = await openCluster({ cards: CARDS })
    await screen.findByText('Referral links with attribution')
    await user.click(cardButton('Referral links'))
    await user.click(cardButton('Share button'))
    expect(cardButton('Referral links').getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByText('2 cards selected')).toBeTruthy()

    await user.click(screen.getByRole('button', { name: 'New milestone from 2 cards' }))
    const title = (await screen.findByLabelText('Milestone 1 title')) as HTMLInputElement
    expect(title.value).toBe('Referral links with attribution')
    const milestone = screen.getByRole('region', { name: 'Milestone 1' })
    await waitFor(() => expect(within(milestone).getAllByRole('listitem')).toHaveLength(2))
    expect(within(screen.getByRole('list', { name: 'Ungrouped cards' })).getAllByRole('listitem')).toHaveLength(1)
    // The selection is done with: the bar is gone.
    expect(screen.queryByRole('region', { name: 'Selected cards' })).toBeNull()

    const [stored] = await recordsOf(db, workshopId, 'milestone')
    const storedCards = await recordsOf(db, workshopId, 'card')
    const byId = new Map(storedCards.map(card => [card.id, card]))
    expect(byId.get(cards[0]!.id)!.fields.milestoneId).toBe(stored!.id)
    expect(byId.get(cards[1]!.id)!.fields.milestoneId).toBe(stored!.id)
    expect(byId.get(cards[2]!.id)!.fields.milestoneId).toBeNull()
    // Grouping never touches what a card says or who wrote it.
    expect(byId.get(cards[0]!.id)!.fields.text).toBe('Referral links with attribution')
    expect(byId.get(cards[0]!.id)!.fields.authorId).toBe(cards[0]!.fields.authorId)
  })

  it('adds selected cards to a chosen milestone, and takes them out again', async () => {
    const { db, workshopId, cards, milestones, user } = await openCluster({
      cards: [...CARDS, { text: 'Referral codes', in: 'Referrals' }],
      milestones: ['Referrals', 'Ranking'],
    })
    await screen.findByText('Referral links with attribution')
    await user.click(cardButton('Referral links'))
    await user.click(screen.getByRole('button', { name: 'Add to…' }))
    const chooser = await screen.findByRole('dialog', { name: 'Add 1 card to a milestone' })
    await user.click(within(chooser).getByRole('button', { name: /^Milestone \d+ Referrals/ }))

    const referrals = screen.getByRole('region', { name: 'Milestone 1' })
    await waitFor(() => expect(within(referrals).getByText('Referral links with attribution')).toBeTruthy())
    await waitFor(async () => {
      const card = (await db.records.get(cards[0]!.id)) as Rec<'card'>
      expect(card.fields.milestoneId).toBe(milestones.get('Referrals')!.id)
    })

    await user.click(cardButton('Referral codes'))
    await user.click(cardButton('Referral links'))
    await user.click(screen.getByRole('button', { name: 'Remove from milestone' }))
    await waitFor(() => expect(within(referrals).queryAllByRole('listitem')).toHaveLength(0))
    await waitFor(async () => {
      const stored = await recordsOf(db, workshopId, 'card')
      expect(stored.every(card => card.fields.milestoneId === null)).toBe(true)
    })
  })

  it('does not offer the milestone that already holds every selected card', async () => {
    const { user } = await openCluster({
      cards: [{ text: 'Referral codes', in: 'Referrals' }],
      milestones: ['Referrals', 'Ranking'],
    })
    await user.click(await screen.findByRole('button', { name: /Referral codes/ }))
    await user.click(screen.getByRole('button', { name: 'Add to…' }))
    const chooser = await screen.findByRole('dialog', { name: 'Add 1 card to a milestone' })
    expect(within(chooser).queryByRole('button', { name: /^Milestone \d+ Referrals/ })).toBeNull()
    expect(within(chooser).getByRole('button', { name: /^Milestone \d+ Ranking/ })).toBeTruthy()
  })
})
