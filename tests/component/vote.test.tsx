import { configure, screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { Rec } from '../../src/domain/types'
import Vote from '../../src/phases/vote'
import type { HarvestDB } from '../../src/store/db'
import { write } from '../../src/store/writer'
import { freshWorkshop, renderPhase } from './render-phase'

// A busy machine can take seconds to open a database and render: wait for what a person would see, not a fixed second.
configure({ asyncUtilTimeout: 15_000 })

const emptyMilestone = { type: null, hypothesisId: null, keyResultId: null, objectiveId: null, unlocks: [], validates: '' }

async function seed(db: HarvestDB, workshopId: string) {
  return write(db, async w => {
    const [ana, ben] = [
      await w.create('participant', workshopId, { name: 'Ana', pair: 'Pair 1', position: 1 }),
      await w.create('participant', workshopId, { name: 'Ben', pair: 'Pair 1', position: 2 }),
    ]
    const feedback = await w.create('milestone', workshopId, { ...emptyMilestone, title: 'Email feedback form', type: 'epic' })
    const ranking = await w.create('milestone', workshopId, { ...emptyMilestone, title: 'Explore ranking', type: 'spike' })
    const cache = await w.create('milestone', workshopId, { ...emptyMilestone, title: 'History cache' })
    return { ana: ana.id, ben: ben.id, feedback: feedback.id, ranking: ranking.id, cache: cache.id }
  })
}

const liveDots = async (db: HarvestDB) =>
  (await db.records.toArray()).filter((record): record is Rec<'vote'> => record.kind === 'vote' && record.deleted === undefined)

/** `count` dots of one voter on one milestone, written as a tablet would. */
async function dots(db: HarvestDB, workshopId: string, participantId: string, milestoneId: string, count: number) {
  await write(db, async w => {
    for (let dot = 0; dot < count; dot++) await w.create('vote', workshopId, { participantId, milestoneId, tieBreakId: null })
  })
}

async function sitDown(name: string) {
  const user = userEvent.setup()
  await user.click(await screen.findByRole('button', { name }))
  await screen.findByRole('heading', { name: `${name} is voting` })
  return user
}

// Each test is a person's whole turn at the tablet: many taps, each a write and a live read.
const TURN = { timeout: 60_000 }

describe('prioritize screen', TURN, () => {
  it('lets a voter place dots within the budget and the cap, and refuses past them with a message, writing nothing', async () => {
    const { db, workshopId } = await freshWorkshop()
    const ids = await seed(db, workshopId)
    renderPhase(Vote, db, workshopId)
    expect(await screen.findByRole('heading', { name: 'Who is voting?' })).toBeTruthy()
    const user = await sitDown('Ana')
    const plus = (title: string) => screen.getByRole('button', { name: `+1 vote on ${title}` })

    for (let i = 0; i < 3; i++) await user.click(plus('Email feedback form'))
    await waitFor(() => expect(screen.getByLabelText('Your votes on Email feedback form: 3')).toBeTruthy())
    await user.click(plus('Email feedback form'))
    expect((await screen.findByRole('alert')).textContent).toBe('At most 3 votes on one milestone')
    expect((await liveDots(db)).filter(dot => dot.fields.milestoneId === ids.feedback)).toHaveLength(3)

    await user.click(plus('Explore ranking'))
    await user.click(plus('Explore ranking'))
    await waitFor(() => expect(screen.getByText('0 of 5 votes left')).toBeTruthy())
    expect(screen.queryByRole('alert')).toBeNull()
    const before = JSON.stringify(await db.records.orderBy('id').toArray())
    await user.click(plus('History cache'))
    expect((await screen.findByRole('alert')).textContent).toBe('You have used all 5 of your votes')
    expect(JSON.stringify(await db.records.orderBy('id').toArray())).toBe(before)

    // Taking a dot back frees one for another milestone.
    await user.click(screen.getByRole('button', { name: '−1 vote on Explore ranking' }))
    await waitFor(() => expect(screen.getByText('1 of 5 votes left')).toBeTruthy())
    await user.click(plus('History cache'))
    const perMilestone = async () => {
      const counts = new Map<string, number>()
      for (const dot of await liveDots(db)) counts.set(dot.fields.milestoneId, (counts.get(dot.fields.milestoneId) ?? 0) + 1)
      return [...counts.values()].sort()
    }
    await waitFor(async () => expect(await perMilestone()).toEqual([1, 1, 3]))
  })

  it('hides a voter’s dots from the next voter and shows no totals while voting is open', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seed(db, workshopId)
    renderPhase(Vote, db, workshopId)
    let user = await sitDown('Ana')
    for (let i = 0; i < 2; i++) await user.click(screen.getByRole('button', { name: '+1 vote on Explore ranking' }))
    await waitFor(() => expect(screen.getByLabelText('Your votes on Explore ranking: 2')).toBeTruthy())
    await user.click(screen.getAllByRole('button', { name: 'Done — pass it on' })[0]!)

    const privacy = await screen.findByRole('region', { name: 'Pass the tablet on' })
    expect(privacy.textContent).toContain('Ana’s votes are in and hidden')
    expect(screen.queryByText(/Explore ranking/)).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Totals' })).toBeNull()

    user = await sitDown('Ben')
    expect(screen.getByLabelText('Your votes on Explore ranking: 0')).toBeTruthy()
    expect(screen.getByText('5 of 5 votes left')).toBeTruthy()
    expect(screen.queryByText(/votes? on 3 milestones/)).toBeNull()
  })

  it('shows the totals, ranked, only after the facilitator closes voting, and can reopen it', async () => {
    const { db, workshopId } = await freshWorkshop()
    const ids = await seed(db, workshopId)
    await dots(db, workshopId, ids.ana, ids.ranking, 3)
    await dots(db, workshopId, ids.ben, ids.feedback, 2)
    await dots(db, workshopId, ids.ben, ids.ranking, 1)
    renderPhase(Vote, db, workshopId)
    const user = userEvent.setup()
    await screen.findByRole('heading', { name: 'Who is voting?' })
    expect(screen.queryByRole('list', { name: 'Milestones by votes' })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Close voting' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Close voting?' })
    await user.click(within(confirm).getByRole('button', { name: 'Close voting' }))

    const ranking = await screen.findByRole('list', { name: 'Milestones by votes' })
    expect(within(ranking).getAllByRole('listitem').map(row => row.textContent)).toEqual([
      '1stExplore rankingSpike4 votes',
      '2ndEmail feedback formEpic2 votes',
      '3rdHistory cache0 votes',
    ])
    expect(((await db.records.get(workshopId)) as Rec<'workshop'>).fields.votingClosed).toBe(true)
    expect(screen.queryByRole('button', { name: 'Ana' })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Reopen voting' }))
    expect(await screen.findByRole('heading', { name: 'Who is voting?' })).toBeTruthy()
    expect(screen.queryByRole('list', { name: 'Milestones by votes' })).toBeNull()
  })

  it('flags a voter over budget after a merge, keeping the votes counted', async () => {
    const { db, workshopId } = await freshWorkshop()
    const ids = await seed(db, workshopId)
    // As two tablets' handoffs leave it: 3 dots on each tablet, 6 in all against a budget of 5.
    await dots(db, workshopId, ids.ana, ids.feedback, 3)
    await dots(db, workshopId, ids.ana, ids.ranking, 3)
    await write(db, w => w.update(workshopId, 'workshop', { votingClosed: true }))
    renderPhase(Vote, db, workshopId)
    const flags = await screen.findByRole('region', { name: 'Check before relying on the totals' })
    expect(within(flags).getByText('⚠ Ana has 6 votes, budget 5')).toBeTruthy()
    const ranking = screen.getByRole('list', { name: 'Milestones by votes' })
    expect(ranking.textContent).toContain('3 votes')
  })
})

describe('a tie in the vote', TURN, () => {
  /** Ana and Ben each put 2 dots on a different milestone: "Explore ranking" and "Email feedback form" tie for 1st. */
  async function tiedRoom() {
    const { db, workshopId } = await freshWorkshop()
    const ids = await seed(db, workshopId)
    await dots(db, workshopId, ids.ana, ids.ranking, 2)
    await dots(db, workshopId, ids.ben, ids.feedback, 2)
    await write(db, w => w.update(workshopId, 'workshop', { votingClosed: true }))
    return { db, workshopId, ids }
  }
  const rows = async () =>
    within(await screen.findByRole('list', { name: 'Milestones by votes' }))
      .getAllByRole('listitem')
      .map(row => row.textContent)

  it('shows a tie as a tie, and settles it with a blind tie-break round, one dot per seat, that survives a reload', async () => {
    const { db, workshopId } = await tiedRoom()
    const view = renderPhase(Vote, db, workshopId)
    const user = userEvent.setup()
    expect(await rows()).toEqual([
      'tied for 1stEmail feedback formEpic2 votes',
      'tied for 1stExplore rankingSpike2 votes',
      '3rdHistory cache0 votes',
    ])
    const tie = screen.getByRole('region', { name: 'Tied for 1st' })
    expect(tie.textContent).toContain('“Email feedback form” and “Explore ranking” have 2 votes each.')

    await user.click(within(tie).getByRole('button', { name: 'Break the tie' }))
    const round = await screen.findByRole('region', { name: 'Tie-break for 1st' })
    expect(screen.queryByRole('list', { name: 'Milestones by votes' })).toBeNull()
    expect((await within(round).findByRole('button', { name: 'Ana' })).closest('li')?.textContent).toContain('Not voted yet')

    // Ana puts her dot on one milestone, then moves it: one dot per seat.
    await user.click(within(round).getByRole('button', { name: 'Ana' }))
    await screen.findByRole('heading', { name: 'Ana is voting in the tie-break' })
    expect(screen.queryByRole('button', { name: 'History cache' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Email feedback form' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Email feedback form', pressed: true })).toBeTruthy())
    await user.click(screen.getByRole('button', { name: 'Explore ranking' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Explore ranking', pressed: true })).toBeTruthy())
    expect(screen.getByRole('button', { name: 'Email feedback form', pressed: false })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))

    // Ben sees nothing of Ana's choice.
    const privacy = await screen.findByRole('region', { name: 'Pass the tablet on' })
    expect(privacy.textContent).toContain('Ana’s tie-break dot is in and hidden')
    expect(within(privacy).getByRole('button', { name: 'Ana' }).closest('li')?.textContent).toContain('Voted')
    await user.click(within(privacy).getByRole('button', { name: 'Ben' }))
    await screen.findByRole('heading', { name: 'Ben is voting in the tie-break' })
    expect(screen.queryByRole('button', { pressed: true })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Explore ranking' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Explore ranking', pressed: true })).toBeTruthy())
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))

    await screen.findByText('2 of 2 people have voted in the tie-break.')
    await user.click(screen.getByRole('button', { name: 'Close the tie-break' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Close the tie-break?' })
    await user.click(within(confirm).getByRole('button', { name: 'Close the tie-break' }))

    const settled = [
      '1stExplore rankingSpike2 votes · tie-break 2 dots',
      '2ndEmail feedback formEpic2 votes · tie-break 0 dots',
      '3rdHistory cache0 votes',
    ]
    await waitFor(async () => expect(await rows()).toEqual(settled))
    expect(screen.queryByRole('region', { name: /^Tied for/ })).toBeNull()

    view.unmount()
    renderPhase(Vote, db, workshopId)
    expect(await rows()).toEqual(settled)
    const tieBreaks = (await db.records.toArray()).filter(record => record.kind === 'tieBreak')
    expect(tieBreaks.map(record => record.fields)).toEqual([expect.objectContaining({ state: 'closed', votes: 2 })])
  })

  it('lets the facilitator accept the tie, which then stays a tie and is not offered again', async () => {
    const { db, workshopId } = await tiedRoom()
    renderPhase(Vote, db, workshopId)
    const user = userEvent.setup()
    const tie = await screen.findByRole('region', { name: 'Tied for 1st' })
    await user.click(within(tie).getByRole('button', { name: 'Accept the tie' }))
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Tied for 1st' })).toBeNull())
    expect(await rows()).toEqual([
      'tied for 1stEmail feedback formEpic2 votes · tie accepted',
      'tied for 1stExplore rankingSpike2 votes · tie accepted',
      '3rdHistory cache0 votes',
    ])
  })

  it('offers to vote again, with the round cleared, when a tie-break round ends level', async () => {
    const { db, workshopId } = await tiedRoom()
    renderPhase(Vote, db, workshopId)
    const user = userEvent.setup()
    await user.click(within(await screen.findByRole('region', { name: 'Tied for 1st' })).getByRole('button', { name: 'Break the tie' }))
    await user.click(await within(await screen.findByRole('region', { name: 'Tie-break for 1st' })).findByRole('button', { name: 'Ana' }))
    await user.click(await screen.findByRole('button', { name: 'Email feedback form' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Email feedback form', pressed: true })).toBeTruthy())
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await user.click(within(await screen.findByRole('region', { name: 'Pass the tablet on' })).getByRole('button', { name: 'Ben' }))
    await user.click(await screen.findByRole('button', { name: 'Explore ranking' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Explore ranking', pressed: true })).toBeTruthy())
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await user.click(await screen.findByRole('button', { name: 'Close the tie-break' }))
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Close the tie-break' }))

    const tie = await screen.findByRole('region', { name: 'Tied for 1st' })
    expect(tie.textContent).toContain('The tie-break round ended level (Email feedback form: 1 dot, Explore ranking: 1 dot)')
    expect((await rows())[0]).toBe('tied for 1stEmail feedback formEpic2 votes · tie-break 1 dot')
    await user.click(within(tie).getByRole('button', { name: 'Vote again' }))
    const round = await screen.findByRole('region', { name: 'Tie-break for 1st' })
    await waitFor(() => expect(within(round).getByRole('button', { name: 'Ana' }).closest('li')?.textContent).toContain('Not voted yet'))
    expect(within(round).getByText('0 of 2 people have voted in the tie-break.')).toBeTruthy()
  })
})
