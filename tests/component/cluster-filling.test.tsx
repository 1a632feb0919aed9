import { screen, waitFor, within } from '@solidjs/testing-library'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Rec } from '../../src/domain/types'
import { frames } from '../../src/phases/cluster/filling'
import { cardButton, openCluster, type ClusterSeed } from './cluster-seed'

afterEach(() => {
  vi.restoreAllMocks()
  sessionStorage.clear()
})

/** A room bigger than a screenful: 40 milestones of 2 cards each, and 60 loose cards. */
function bigRoom(): ClusterSeed {
  const milestones = Array.from({ length: 40 }, (_, index) => `Theme ${index + 1}`)
  return {
    milestones,
    cards: [
      ...milestones.flatMap(title => [{ text: `${title}, first idea`, in: title }, { text: `${title}, second idea`, in: title }]),
      ...Array.from({ length: 60 }, (_, index) => ({ text: `Loose idea ${index + 1}` })),
    ],
  }
}

/** Holds the board's slices back until the test lets them through, so it can act mid-way. */
function holdSlices() {
  const held: (() => void)[] = []
  vi.spyOn(frames, 'next').mockImplementation(step => {
    held.push(step)
    return () => held.splice(held.indexOf(step), 1)
  })
  return {
    /** Draws every slice still to come, as the tablet would over the next frames. */
    releaseAll() {
      while (held.length > 0) held.shift()!()
    },
  }
}

const drawnCards = () => document.querySelectorAll('[data-card-id]').length

describe('read & cluster: a full room fills the board in slices', () => {
  it('shows a screenful first, then every card, each findable', async () => {
    await openCluster(bigRoom())
    // The first and last card of the room both turn up, the last without anyone asking.
    expect(await screen.findByText('Theme 1, first idea')).toBeTruthy()
    expect(await screen.findByText('Loose idea 60')).toBeTruthy()
    expect(await screen.findByText('Theme 40, second idea')).toBeTruthy()
    await waitFor(() => expect(drawnCards()).toBe(140))
    expect(screen.queryByText(/more on their way/)).toBeNull()
    expect(screen.getAllByRole('region', { name: /^Milestone \d+$/ })).toHaveLength(40)
  })

  it('says what is still to come while it draws, and keeps every card reachable at the end', async () => {
    const slices = holdSlices()
    await openCluster(bigRoom())
    await screen.findByText('Theme 1, first idea')
    expect(drawnCards()).toBeLessThan(140)
    expect(screen.queryByText('Loose idea 60')).toBeNull()
    const ungrouped = screen.getByRole('region', { name: /Ungrouped/ })
    expect(within(ungrouped).getByText(/\d+ more cards on their way…/)).toBeTruthy()
    expect(screen.getByText(/\d+ more milestones on their way…/)).toBeTruthy()
    // The counts are the room's, not the screenful's.
    expect(within(ungrouped).getByRole('heading', { name: 'Ungrouped 60' })).toBeTruthy()
    expect(screen.getByRole('heading', { name: 'Milestones 40' })).toBeTruthy()

    slices.releaseAll()
    await waitFor(() => expect(drawnCards()).toBe(140))
    expect(screen.queryByText(/on their way/)).toBeNull()
    expect(cardButton('Loose idea 60')).toBeTruthy()
  })

  it('moves a card into a milestone not drawn yet, and shows it there once drawn', async () => {
    const slices = holdSlices()
    const { db, cards, milestones, user } = await openCluster(bigRoom())
    await screen.findByText('Loose idea 1')
    expect(screen.queryByRole('region', { name: 'Milestone 40' })).toBeNull()

    await user.click(cardButton(/^Loose idea 1$/))
    await user.click(screen.getByRole('button', { name: 'Add to…' }))
    const chooser = await screen.findByRole('dialog', { name: 'Add 1 card to a milestone' })
    // Every milestone is offered, drawn or not.
    expect(within(chooser).getAllByRole('button', { name: /^Milestone \d+ Theme/ })).toHaveLength(40)
    await user.click(within(chooser).getByRole('button', { name: /^Milestone 40 Theme 40\b/ }))

    const loose = cards.find(card => card.fields.text === 'Loose idea 1')!
    await waitFor(async () => {
      const stored = (await db.records.get(loose.id)) as Rec<'card'>
      expect(stored.fields.milestoneId).toBe(milestones.get('Theme 40')!.id)
    })
    const ungrouped = screen.getByRole('region', { name: /Ungrouped/ })
    expect(within(ungrouped).queryByText('Loose idea 1')).toBeNull()
    expect(within(ungrouped).getByRole('heading', { name: 'Ungrouped 59' })).toBeTruthy()

    slices.releaseAll()
    const theme40 = await screen.findByRole('region', { name: 'Milestone 40' })
    expect(within(theme40).getByText('Loose idea 1')).toBeTruthy()
    expect(within(theme40).getByText('3 cards')).toBeTruthy()
    await waitFor(() => expect(drawnCards()).toBe(140))
  })
})
