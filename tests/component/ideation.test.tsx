import { screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import Ideation from '../../src/phases/ideation'
import type { PhaseProps } from '../../src/phases/types'
import { Timer } from '../../src/ui/Timer'
import type { HarvestDB } from '../../src/store/db'
import { recordsOf } from '../../src/store/queries'
import { write } from '../../src/store/writer'
import { freshWorkshop, renderPhase } from './render-phase'

/** Three hypotheses and a roster of four. */
async function seed(db: HarvestDB, workshopId: string) {
  return write(db, async writer => {
    const objective = await writer.create('objective', workshopId, { title: 'Build trust', position: 1 })
    const hypotheses = []
    for (const [index, text] of [
      'If we make feedback easier, then more players will submit ratings',
      'If rankings reflect skill better, then fewer matches feel unfair',
      "If users can share with attribution, then they'll invite more friends",
    ].entries()) {
      hypotheses.push(
        await writer.create('hypothesis', workshopId, { objectiveId: objective.id, keyResultIds: [], text, position: index + 1 }),
      )
    }
    const people = []
    for (const [index, name] of ['Ana', 'Ben', 'Chloé', 'Dev'].entries()) {
      people.push(
        await writer.create('participant', workshopId, { name, pair: `Pair ${Math.floor(index / 2) + 1}`, position: index + 1 }),
      )
    }
    return { hypotheses, people }
  })
}

/** The screen under the workshop bar's time-box, as the app shows them. */
function IdeationUnderTimer(props: PhaseProps) {
  return (
    <>
      <Timer workshop={props.workshop} phase="ideation" size="small" />
      <Ideation workshop={props.workshop} />
    </>
  )
}

async function openIdeation() {
  const { db, workshopId } = await freshWorkshop()
  const seeded = await seed(db, workshopId)
  const rendered = renderPhase(IdeationUnderTimer, db, workshopId)
  await screen.findByRole('heading', { level: 2, name: 'Silent ideation' })
  return { db, workshopId, ...seeded, ...rendered, user: userEvent.setup() }
}

type User = ReturnType<typeof userEvent.setup>

async function takeSeat(user: User, name: string) {
  await user.click(await screen.findByRole('button', { name }))
  return (await screen.findByLabelText('New card')) as HTMLTextAreaElement
}

async function writeCard(user: User, text: string) {
  const field = screen.getByLabelText('New card') as HTMLTextAreaElement
  const before = screen.queryAllByLabelText(/^Card \d+$/).length
  await user.type(field, `${text}{Enter}`)
  await waitFor(() => expect(screen.queryAllByLabelText(/^Card \d+$/)).toHaveLength(before + 1))
}

/** Everything a person could read on the page, typed-in values included. */
function pageText(): string {
  const values = [...document.querySelectorAll('input, textarea, select')].map(
    element => (element as HTMLInputElement).value,
  )
  return `${document.body.textContent ?? ''}\n${values.join('\n')}`
}

describe('silent ideation', () => {
  it('starts by asking who is holding the tablet, one big button per person', async () => {
    await openIdeation()
    const picker = await screen.findByRole('group', { name: 'Who is holding the tablet?' })
    expect(within(picker).getAllByRole('button').map(button => button.closest('li')?.textContent)).toEqual([
      'AnaNo cards yet',
      'BenNo cards yet',
      'ChloéNo cards yet',
      'DevNo cards yet',
    ])
    expect(screen.queryByLabelText('New card')).toBeNull()
  })

  it('writes one idea per card; Enter adds it and clears the field for the next', async () => {
    const { db, workshopId, people, user } = await openIdeation()
    const field = await takeSeat(user, 'Ana')
    expect(screen.getByRole('heading', { name: 'Ana’s cards' })).toBeTruthy()
    expect(document.activeElement).toBe(field)
    await writeCard(user, 'Email a short feedback form after each match')
    expect(field.value).toBe('')
    expect((screen.getByLabelText('Card 1') as HTMLTextAreaElement).value).toBe('Email a short feedback form after each match')
    const [card] = await recordsOf(db, workshopId, 'card')
    expect(card?.fields).toMatchObject({
      authorId: people[0]!.id,
      text: 'Email a short feedback form after each match',
      hypothesisId: null,
      sealed: false,
      milestoneId: null,
    })
  })

  it('ties a card to the hypothesis chosen by its words', async () => {
    const { db, workshopId, hypotheses, user } = await openIdeation()
    await takeSeat(user, 'Ben')
    await user.selectOptions(
      screen.getByLabelText('Hypothesis it would test'),
      'H2: If rankings reflect skill better, then fewer matches feel unfair',
    )
    await writeCard(user, 'Explore an Elo variant')
    expect((await recordsOf(db, workshopId, 'card'))[0]?.fields.hypothesisId).toBe(hypotheses[1]!.id)
    expect((screen.getByLabelText('Hypothesis of card 1') as HTMLSelectElement).value).toBe(hypotheses[1]!.id)
  })

  it('refuses an empty card with a message and writes nothing', async () => {
    const { db, workshopId, user } = await openIdeation()
    await takeSeat(user, 'Ana')
    await user.click(screen.getByRole('button', { name: 'Add card' }))
    expect(screen.getByRole('alert').textContent).toBe('Write an idea on the card before adding it.')
    expect(await recordsOf(db, workshopId, 'card')).toEqual([])
  })

  it('seals the seat’s cards on “Done — pass it on”, keeping what was still being typed as a card', async () => {
    const { db, workshopId, people, user } = await openIdeation()
    await takeSeat(user, 'Ana')
    await writeCard(user, 'One-tap rating after each match')
    await writeCard(user, 'Survey on fairness of matches')
    await user.type(screen.getByLabelText('New card'), 'Half-written idea')
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))

    expect(await screen.findByRole('heading', { name: 'Pass the tablet on' })).toBeTruthy()
    const cards = await recordsOf(db, workshopId, 'card')
    expect(cards.map(card => card.fields.text).sort()).toEqual([
      'Half-written idea',
      'One-tap rating after each match',
      'Survey on fairness of matches',
    ])
    expect(cards.every(card => card.fields.sealed && card.fields.authorId === people[0]!.id)).toBe(true)
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ana' }).closest('li')?.textContent).toBe('Ana3 cards'))
    expect(pageText()).not.toContain('One-tap rating')
    expect(pageText()).not.toContain('Half-written')
  })

  it('shows the next person only counts, never another seat’s words, not even hidden in the page', async () => {
    const { user } = await openIdeation()
    await takeSeat(user, 'Ana')
    await writeCard(user, 'Secret idea about a match history cache')
    await writeCard(user, 'Another private thought')
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await screen.findByRole('heading', { name: 'Pass the tablet on' })
    expect(screen.getByRole('button', { name: 'Ana' }).closest('li')?.textContent).toContain('2 cards')

    await takeSeat(user, 'Ben')
    expect(screen.getByRole('heading', { name: 'Ben’s cards' })).toBeTruthy()
    expect(screen.getByText('No card yet. Write your first idea above.')).toBeTruthy()
    expect(document.body.textContent).not.toContain('Secret idea')
    // Once Ben's own card shows, the page is what his seat reads; still nothing of Ana's.
    await writeCard(user, 'Ben shares from match details')
    expect(document.body.textContent).not.toContain('Secret idea')
    expect(pageText()).not.toContain('Secret idea')
    expect(pageText()).not.toContain('Another private thought')
  })

  it('lets a seat come back to add more, seeing only its own cards', async () => {
    const { db, workshopId, people, user } = await openIdeation()
    await takeSeat(user, 'Ana')
    await writeCard(user, 'Ana first idea')
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await takeSeat(user, 'Ben')
    await writeCard(user, 'Ben private idea')
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await screen.findByRole('heading', { name: 'Pass the tablet on' })

    await takeSeat(user, 'Ana')
    await waitFor(() => expect((screen.getByLabelText('Card 1') as HTMLTextAreaElement).value).toBe('Ana first idea'))
    expect(pageText()).not.toContain('Ben private idea')
    await writeCard(user, 'Ana second idea')
    const added = (await recordsOf(db, workshopId, 'card')).find(card => card.fields.text === 'Ana second idea')
    expect(added?.fields).toMatchObject({ authorId: people[0]!.id, sealed: false })
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await waitFor(async () => expect((await recordsOf(db, workshopId, 'card')).every(card => card.fields.sealed)).toBe(true))
  })

  it('loses nothing when the time-box runs out: the typing stays and still becomes a card', async () => {
    const { db, workshopId, user } = await openIdeation()
    await takeSeat(user, 'Chloé')
    await user.type(screen.getByLabelText('New card'), 'Weekly highlight reel to share')
    await write(db, writer =>
      writer.update(workshopId, 'workshop', {
        timer: { phase: 'ideation', durationMs: 60_000, elapsedMs: 59_700, startedAt: Date.now() },
      }),
    )
    expect(await screen.findByText('Time is up', {}, { timeout: 3000 })).toBeTruthy()
    const field = screen.getByLabelText('New card') as HTMLTextAreaElement
    expect(field.value).toBe('Weekly highlight reel to share')
    await user.type(field, ' with friends{Enter}')
    await waitFor(async () =>
      expect((await recordsOf(db, workshopId, 'card')).map(card => card.fields.text)).toEqual([
        'Weekly highlight reel to share with friends',
      ]),
    )
  })

  it('shows the time-box of silent ideation on every view, the privacy screen included', async () => {
    const { user } = await openIdeation()
    expect(await screen.findByText('Time-box · 7 min')).toBeTruthy()
    await takeSeat(user, 'Dev')
    expect(screen.getByRole('timer', { name: 'Time left' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await screen.findByRole('heading', { name: 'Pass the tablet on' })
    expect(screen.getByRole('timer', { name: 'Time left' })).toBeTruthy()
  })
})

describe('a card being written', () => {
  it('survives the tablet crashing mid-sentence, and comes back only to its own seat', async () => {
    localStorage.clear()
    const first = await openIdeation()
    const field = await takeSeat(first.user, 'Ana')
    await first.user.type(field, 'Half an idea about ranki')
    // The page dies: nothing was added as a card yet.
    first.unmount()
    expect(await recordsOf(first.db, first.workshopId, 'card')).toEqual([])

    const user = userEvent.setup()
    renderPhase(Ideation, first.db, first.workshopId)
    const again = await takeSeat(user, 'Ana')
    expect(again.value).toBe('Half an idea about ranki')
    await user.type(again, 'ng{Enter}')
    await waitFor(async () =>
      expect((await recordsOf(first.db, first.workshopId, 'card')).map(card => card.fields.text)).toEqual([
        'Half an idea about ranking',
      ]),
    )
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    const ben = await takeSeat(user, 'Ben')
    expect(ben.value).toBe('')
    expect(pageText()).not.toContain('Half an idea')
  })
})
