import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library'
import { afterEach, describe, expect, it } from 'vitest'
import type { Rec } from '../../src/domain/types'
import { recordsOf } from '../../src/store/queries'
import { write } from '../../src/store/writer'
import { cardButton, openCluster } from './cluster-seed'

const originalElementFromPoint = document.elementFromPoint

afterEach(() => {
  document.elementFromPoint = originalElementFromPoint
  sessionStorage.clear()
})

/**
 * A press, a move and a release, as a mouse or a finger makes them. jsdom lays nothing out,
 * so the hit test answers with the element the pointer is meant to be over.
 */
function drag(from: Element, over: Element, pointerType: 'mouse' | 'touch' = 'mouse') {
  document.elementFromPoint = () => over
  const pointer = { pointerId: 7, pointerType, button: 0, isPrimary: true }
  fireEvent.pointerDown(from, { ...pointer, clientX: 20, clientY: 20 })
  fireEvent.pointerMove(from, { ...pointer, clientX: 300, clientY: 240 })
  return {
    ghost: () => document.querySelector('.drag-ghost'),
    drop: () => fireEvent.pointerUp(from, { ...pointer, clientX: 300, clientY: 240 }),
  }
}

const tile = (text: string) => screen.getByText(text).closest('li')!
const milestone = (number: number) => screen.getByRole('region', { name: `Milestone ${number}` })

describe('read & cluster: grouping by drag', () => {
  it('drops a card onto a milestone, with a ghost and the target highlighted on the way', async () => {
    const { db, cards, milestones } = await openCluster({
      cards: [{ text: 'Referral links with attribution' }, { text: 'Share button on match details' }],
      milestones: ['Referrals'],
    })
    await screen.findByText('Referral links with attribution')
    const target = milestone(1)
    const gesture = drag(tile('Referral links with attribution'), within(target).getByText(/No cards yet/))
    expect(gesture.ghost()?.textContent).toBe('Referral links with attribution')
    expect(target.classList.contains('over')).toBe(true)
    gesture.drop()
    // The browser follows a release with a click; after a drag it must not select the card.
    fireEvent.click(cardButton('Referral links'))

    expect(gesture.ghost()).toBeNull()
    // Shown in the milestone at once, before the database answers.
    expect(within(target).getByText('Referral links with attribution')).toBeTruthy()
    await waitFor(async () => {
      const card = (await db.records.get(cards[0]!.id)) as Rec<'card'>
      expect(card.fields.milestoneId).toBe(milestones.get('Referrals')!.id)
    })
    // The release was a drop, not a tap: nothing got selected.
    expect(cardButton('Referral links').getAttribute('aria-pressed')).toBe('false')
  })

  it('makes a new milestone from a card dropped on the new-milestone zone, and takes it out on Ungrouped', async () => {
    const { db, workshopId } = await openCluster({ cards: [{ text: 'Share match highlights to social' }] })
    await screen.findByText('Share match highlights to social')
    drag(tile('Share match highlights to social'), screen.getByText(/Drop cards here for a new milestone/)).drop()
    expect(((await screen.findByLabelText('Milestone 1 title')) as HTMLInputElement).value).toBe(
      'Share match highlights to social',
    )
    await waitFor(() => expect(within(milestone(1)).getByText('Share match highlights to social')).toBeTruthy())

    const ungrouped = screen.getByRole('region', { name: /Ungrouped/ })
    drag(tile('Share match highlights to social'), ungrouped).drop()
    expect(within(ungrouped).getByText('Share match highlights to social')).toBeTruthy()
    await waitFor(async () => {
      const [card] = await recordsOf(db, workshopId, 'card')
      expect(card!.fields.milestoneId).toBeNull()
    })
  })

  it('drags every selected card when a selected card is dragged', async () => {
    const { user } = await openCluster({
      cards: [{ text: 'Referral links' }, { text: 'Referral codes' }, { text: 'Elo ranking' }],
      milestones: ['Referrals'],
    })
    await screen.findByText('Referral links')
    await user.click(cardButton('Referral links'))
    await user.click(cardButton('Referral codes'))
    const gesture = drag(tile('Referral codes'), milestone(1))
    expect(gesture.ghost()?.textContent).toBe('2 cards')
    gesture.drop()
    expect(within(milestone(1)).getAllByRole('listitem')).toHaveLength(2)
    expect(within(screen.getByRole('list', { name: 'Ungrouped cards' })).getAllByRole('listitem')).toHaveLength(1)
  })

  it('lets a finger scroll the list from the card, and drag it from its grip', async () => {
    const { db, workshopId } = await openCluster({ cards: [{ text: 'Elo ranking' }], milestones: ['Ranking'] })
    await screen.findByText('Elo ranking')
    const fromText = drag(screen.getByText('Elo ranking'), milestone(1), 'touch')
    expect(fromText.ghost()).toBeNull()
    fromText.drop()

    drag(tile('Elo ranking').querySelector('.card-grip')!, milestone(1), 'touch').drop()
    expect(within(milestone(1)).getByText('Elo ranking')).toBeTruthy()
    await waitFor(async () => expect((await recordsOf(db, workshopId, 'card'))[0]!.fields.milestoneId).not.toBeNull())
  })
})

describe('read & cluster: milestones', () => {
  it('shows a card whose milestone was removed on another tablet as ungrouped', async () => {
    const { db, milestones } = await openCluster({
      cards: [{ text: 'Referral links', in: 'Referrals' }],
      milestones: ['Referrals'],
    })
    await screen.findByText('Referral links')
    expect(within(milestone(1)).getByText('Referral links')).toBeTruthy()
    // Another tablet's handoff brings the milestone's tombstone, but not the card's move.
    await write(db, writer => writer.remove(milestones.get('Referrals')!.id))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Milestone 1' })).toBeNull())
    expect(within(screen.getByRole('list', { name: 'Ungrouped cards' })).getByText('Referral links')).toBeTruthy()
  })

  it('renames a milestone as it is typed, and flags two with the same title', async () => {
    const { db, workshopId, user } = await openCluster({ cards: [], milestones: ['Referrals', 'Ranking'] })
    const title = await screen.findByLabelText('Milestone 2 title')
    await user.clear(title)
    await user.type(title, 'referrals {Enter}')
    // Enter ends the edit: a title stays on one line.
    expect(document.activeElement).not.toBe(title)
    await waitFor(async () =>
      expect((await recordsOf(db, workshopId, 'milestone')).map(m => m.fields.title).sort()).toEqual([
        'Referrals',
        'referrals ',
      ]),
    )
    expect(await screen.findAllByText(/Another milestone has the same title/)).toHaveLength(2)
  })

  it('merges one milestone into another: its cards move, it becomes a tombstone', async () => {
    const { db, workshopId, milestones, cards, user } = await openCluster({
      cards: [
        { text: 'Referral links', in: 'Referrals' },
        { text: 'Invite rewards', in: 'Invites' },
        { text: 'Invite wording test', in: 'Invites' },
      ],
      milestones: ['Referrals', 'Invites', 'Ranking'],
    })
    const ranking = milestones.get('Ranking')!.id
    await write(db, writer => writer.update(ranking, 'milestone', { unlocks: [milestones.get('Invites')!.id] }))
    await screen.findByText('Invite rewards')
    await user.click(screen.getByRole('button', { name: 'Merge into another milestone: milestone 2' }))
    const chooser = await screen.findByRole('dialog', { name: 'Merge “Invites” into…' })
    expect(within(chooser).queryByRole('button', { name: /^Invites/ })).toBeNull()
    await user.click(within(chooser).getByRole('button', { name: /^Referrals/ }))

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Milestone 3' })).toBeNull())
    expect((screen.getByLabelText('Milestone 2 title') as HTMLTextAreaElement).value).toBe('Ranking')
    expect(within(milestone(1)).getAllByRole('listitem')).toHaveLength(3)
    // What unlocked the merged milestone now unlocks the one it was merged into.
    const stillLinked = (await db.records.get(ranking)) as Rec<'milestone'>
    expect(stillLinked.fields.unlocks).toEqual([milestones.get('Referrals')!.id])
    const invites = (await db.records.get(milestones.get('Invites')!.id)) as Rec<'milestone'>
    expect(invites.deleted).toBeDefined()
    const stored = await recordsOf(db, workshopId, 'card')
    expect(stored.every(card => card.fields.milestoneId === milestones.get('Referrals')!.id)).toBe(true)
    expect(stored.map(card => card.fields.text).sort()).toEqual(cards.map(card => card.fields.text).sort())
  })

  it('splits the selected cards off a milestone into a new one', async () => {
    const { user } = await openCluster({
      cards: [
        { text: 'Referral links', in: 'Growth' },
        { text: 'Elo ranking', in: 'Growth' },
      ],
      milestones: ['Growth'],
    })
    await screen.findByText('Elo ranking')
    expect(screen.queryByRole('button', { name: /^Split/ })).toBeNull()
    await user.click(cardButton('Elo ranking'))
    await user.click(screen.getByRole('button', { name: 'Split off 1 selected from milestone 1 into a new milestone' }))

    expect(((await screen.findByLabelText('Milestone 2 title')) as HTMLInputElement).value).toBe('Elo ranking')
    await waitFor(() => expect(within(milestone(2)).getByText('Elo ranking')).toBeTruthy())
    expect(within(milestone(1)).getAllByRole('listitem')).toHaveLength(1)
  })

  it('removes a milestone after confirming, and its cards go back to ungrouped', async () => {
    const { db, workshopId, milestones, user } = await openCluster({
      cards: [{ text: 'Referral links', in: 'Referrals' }],
      milestones: ['Referrals'],
    })
    await screen.findByText('Referral links')
    await user.click(screen.getByRole('button', { name: 'Remove milestone 1' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove this milestone?' })
    expect(confirm.textContent).toContain('1 card go back to Ungrouped')
    await user.click(within(confirm).getByRole('button', { name: 'Remove milestone' }))

    await waitFor(() => expect(screen.queryByRole('region', { name: 'Milestone 1' })).toBeNull())
    expect(within(screen.getByRole('list', { name: 'Ungrouped cards' })).getByText('Referral links')).toBeTruthy()
    expect(((await db.records.get(milestones.get('Referrals')!.id)) as Rec<'milestone'>).deleted).toBeDefined()
    expect((await recordsOf(db, workshopId, 'card'))[0]!.fields.milestoneId).toBeNull()
  })
})

describe('read & cluster: suggested groups', () => {
  const cards = [
    { text: 'Referral links with attribution' },
    { text: 'Track referrals from shared links' },
    { text: 'Try an Elo variant for ranking' },
    { text: 'Email a short feedback form after each match' },
    { text: 'Feedback form link in the post-match email' },
  ]

  /** Suggestions are shown in place of the ungrouped cards, once worked out. */
  async function showSuggestions(user: Awaited<ReturnType<typeof openCluster>>['user']) {
    const toggle = (await screen.findByRole('button', { name: /^Suggested groups/ })) as HTMLButtonElement
    await waitFor(() => expect(toggle.disabled).toBe(false))
    await user.click(toggle)
    expect(toggle.getAttribute('aria-pressed')).toBe('true')
    expect(screen.queryByRole('list', { name: 'Ungrouped cards' })).toBeNull()
    return screen.getByRole('region', { name: 'Suggested groups' })
  }

  it('shows the words the cards share, and makes a milestone of an accepted suggestion', async () => {
    const { db, workshopId, user } = await openCluster({ cards })
    expect((await screen.findByRole('button', { name: /^Suggested groups/ })).textContent).toBe('Suggested groups 0')
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^Suggested groups/ }).textContent).toBe('Suggested groups 2'),
    )
    const suggestions = await showSuggestions(user)
    const first = within(suggestions).getByRole('listitem', { name: 'Suggested group 1: 2 cards' })
    expect(first.textContent).toContain('shared: email, feedback, form, match')
    expect(within(suggestions).getByRole('listitem', { name: 'Suggested group 2: 2 cards' }).textContent).toContain(
      'shared: referral, links',
    )

    await user.click(within(suggestions).getByRole('button', { name: 'Accept suggested group 1' }))
    expect(((await screen.findByLabelText('Milestone 1 title')) as HTMLInputElement).value).toBe(
      'Email a short feedback form after each match',
    )
    await waitFor(() => expect(within(milestone(1)).getAllByRole('listitem')).toHaveLength(2))
    const [made] = await recordsOf(db, workshopId, 'milestone')
    const grouped = (await recordsOf(db, workshopId, 'card')).filter(card => card.fields.milestoneId === made!.id)
    expect(grouped.map(card => card.fields.text).sort()).toEqual([
      'Email a short feedback form after each match',
      'Feedback form link in the post-match email',
    ])
    // Grouped cards are no longer suggested; the other suggestion stays.
    await waitFor(() => expect(within(suggestions).getAllByRole('button', { name: /^Accept/ })).toHaveLength(1))
  })

  it('hides a dismissed suggestion without writing anything', async () => {
    const { db, workshopId, user } = await openCluster({ cards: cards.slice(0, 3) })
    const suggestions = await showSuggestions(user)
    const before = await db.records.where('workshopId').equals(workshopId).toArray()
    await user.click(within(suggestions).getByRole('button', { name: 'Dismiss suggested group 1' }))
    expect(within(suggestions).queryByRole('button', { name: /^Accept/ })).toBeNull()
    expect(suggestions.textContent).toContain('No suggestion')
    expect(screen.getByRole('button', { name: /^Suggested groups/ }).textContent).toBe('Suggested groups 0')
    expect(await db.records.where('workshopId').equals(workshopId).toArray()).toEqual(before)

    // It stays dismissed when the board is shown again in this session.
    await user.click(screen.getByRole('button', { name: 'Read one by one' }))
    await user.click(screen.getByRole('button', { name: 'Group into milestones' }))
    const toggle = await screen.findByRole('button', { name: /^Suggested groups/ })
    await waitFor(() => expect((toggle as HTMLButtonElement).disabled).toBe(false))
    expect(toggle.textContent).toBe('Suggested groups 0')
  })
})
