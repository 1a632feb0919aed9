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

/** The public line on a seat's tile, e.g. "3 cards · sealed". */
function seatDetail(name: string): string | undefined {
  const seat = screen.getByRole('button', { name })
  return document.getElementById(seat.getAttribute('aria-describedby') ?? '')?.textContent ?? undefined
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
    const seats = within(picker).getAllByRole('button')
    expect(seats.map(button => button.textContent)).toEqual(['Ana', 'Ben', 'Chloé', 'Dev'])
    // Each seat's count is read with it, as its description.
    expect(seats.map(button => document.getElementById(button.getAttribute('aria-describedby')!)?.textContent)).toEqual([
      'No cards yet',
      'No cards yet',
      'No cards yet',
      'No cards yet',
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
    await waitFor(() => expect(seatDetail('Ana')).toBe('3 cards · sealed'))
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
    await waitFor(() => expect(seatDetail('Ana')).toBe('2 cards · sealed'))

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

    await user.click(screen.getByRole('button', { name: 'Ana' }))
    await user.click(await screen.findByRole('button', { name: 'I am Ana — open my cards' }))
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
    expect(await screen.findByText('Time is up')).toBeTruthy()
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
    // Unfinished words are private too: the seat opens only through its door.
    await user.click(await screen.findByRole('button', { name: 'Ana' }))
    await screen.findByRole('heading', { name: 'Hand the tablet to Ana — only Ana should look' })
    expect(screen.getByText('Ana has an unfinished card. Open the seat only if you are Ana.')).toBeTruthy()
    expect(pageText()).not.toContain('Half an idea')
    await user.click(screen.getByRole('button', { name: 'I am Ana — open my cards' }))
    const again = (await screen.findByLabelText('New card')) as HTMLTextAreaElement
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

describe('a sealed seat', () => {
  /** Ana writes two cards and passes the tablet on; the picker then shows her sealed seat. */
  async function anaSealed(options: { pins?: boolean } = {}) {
    const opened = await openIdeation()
    if (options.pins) await write(opened.db, writer => writer.update(opened.workshopId, 'workshop', { seatPins: true }))
    await takeSeat(opened.user, 'Ana')
    await writeCard(opened.user, 'Secret idea about a match history cache')
    await writeCard(opened.user, 'Another private thought')
    return opened
  }

  async function passOnWithPin(user: User, pin: string) {
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await screen.findByRole('heading', { name: 'Ana, choose your seat PIN' })
    await user.type(screen.getByLabelText('Seat PIN'), pin)
    await user.type(screen.getByLabelText('Same PIN again'), pin)
    await user.click(screen.getByRole('button', { name: 'Seal my cards with this PIN' }))
    await screen.findByRole('heading', { name: 'Pass the tablet on' })
  }

  const door = 'Hand the tablet to Ana — only Ana should look'

  it('opens only through a step that names its person, with nothing of its cards on the page before', async () => {
    const { user } = await anaSealed()
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await screen.findByRole('heading', { name: 'Pass the tablet on' })

    await user.click(screen.getByRole('button', { name: 'Ana' }))
    const heading = await screen.findByRole('heading', { name: door })
    expect(document.activeElement).toBe(heading)
    expect(screen.getByText('Ana’s 2 cards are sealed. Open the seat only if you are Ana.')).toBeTruthy()
    expect(screen.queryByLabelText('New card')).toBeNull()
    expect(pageText()).not.toContain('Secret idea')
    expect(pageText()).not.toContain('Another private thought')

    // Not Ana: back to the seats, still sealed.
    await user.click(screen.getByRole('button', { name: 'Back to the seats' }))
    await screen.findByRole('group', { name: 'Who is holding the tablet?' })
    expect(pageText()).not.toContain('Secret idea')

    await user.click(screen.getByRole('button', { name: 'Ana' }))
    await user.click(await screen.findByRole('button', { name: 'I am Ana — open my cards' }))
    await waitFor(() =>
      expect((screen.getByLabelText('Card 1') as HTMLTextAreaElement).value).toBe('Secret idea about a match history cache'),
    )
  })

  it('stays sealed through a reload', async () => {
    const { db, workshopId, user, unmount } = await anaSealed()
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await screen.findByRole('heading', { name: 'Pass the tablet on' })
    unmount()

    renderPhase(IdeationUnderTimer, db, workshopId)
    const again = userEvent.setup()
    await again.click(await screen.findByRole('button', { name: 'Ana' }))
    expect(await screen.findByRole('heading', { name: door })).toBeTruthy()
    expect(pageText()).not.toContain('Secret idea')
  })

  it('with seat PINs on, asks its person to choose one when first sealed, and keeps only its hash', async () => {
    const { db, workshopId, people, user } = await anaSealed({ pins: true })
    await user.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    await screen.findByRole('heading', { name: 'Ana, choose your seat PIN' })
    // The PIN box takes the digits at once, on the number pad, hidden as typed.
    const pinBox = screen.getByLabelText('Seat PIN') as HTMLInputElement
    expect(document.activeElement).toBe(pinBox)
    expect([pinBox.type, pinBox.inputMode]).toEqual(['password', 'numeric'])
    // Choosing is not sealing yet: nothing was sealed until the PIN is set.
    expect((await recordsOf(db, workshopId, 'card')).some(card => card.fields.sealed)).toBe(false)

    await user.type(screen.getByLabelText('Seat PIN'), '2580')
    await user.type(screen.getByLabelText('Same PIN again'), '2581')
    await user.click(screen.getByRole('button', { name: 'Seal my cards with this PIN' }))
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('The two PINs differ. Type the same 4 digits twice.'),
    )
    expect(pinBox.getAttribute('aria-invalid')).toBe('true')
    expect(document.activeElement).toBe(pinBox)
    expect((await recordsOf(db, workshopId, 'card')).some(card => card.fields.sealed)).toBe(false)

    await user.clear(screen.getByLabelText('Same PIN again'))
    await user.type(screen.getByLabelText('Same PIN again'), '2580')
    await user.click(screen.getByRole('button', { name: 'Seal my cards with this PIN' }))
    await screen.findByRole('heading', { name: 'Pass the tablet on' })
    const cards = await recordsOf(db, workshopId, 'card')
    expect(cards.every(card => card.fields.sealed)).toBe(true)
    const ana = (await recordsOf(db, workshopId, 'participant')).find(person => person.id === people[0]!.id)
    expect(ana?.fields.pinHash).toMatch(/^pbkdf2-sha256:/)
    expect(JSON.stringify(await db.records.toArray())).not.toMatch(/"2580"/)
    await waitFor(() => expect(seatDetail('Ana')).toBe('2 cards · PIN'))
  })

  it('with a PIN, refuses a wrong one with a message and shows nothing; the right one opens it', async () => {
    const { user } = await anaSealed({ pins: true })
    await passOnWithPin(user, '2580')

    await user.click(screen.getByRole('button', { name: 'Ana' }))
    await screen.findByRole('heading', { name: door })
    const open = screen.getByRole('button', { name: 'I am Ana — open my cards' })
    await user.click(open)
    expect(screen.getByRole('alert').textContent).toBe('Type the 4 digits of the PIN.')

    await user.type(screen.getByLabelText('Ana’s seat PIN'), '1234')
    await user.click(open)
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe('That PIN does not open Ana’s seat. Nothing was opened: try again.'),
    )
    expect(screen.queryByLabelText('New card')).toBeNull()
    expect(pageText()).not.toContain('Secret idea')
    expect((screen.getByLabelText('Ana’s seat PIN') as HTMLInputElement).value).toBe('')

    await user.type(screen.getByLabelText('Ana’s seat PIN'), '2580')
    await user.click(open)
    await waitFor(() =>
      expect((screen.getByLabelText('Card 2') as HTMLTextAreaElement).value).toBe('Another private thought'),
    )
  })

  it('keeps asking for its PIN after a reload, and the next pass on does not ask for a new one', async () => {
    const { db, workshopId, user, unmount } = await anaSealed({ pins: true })
    await passOnWithPin(user, '0427')
    unmount()

    renderPhase(IdeationUnderTimer, db, workshopId)
    const again = userEvent.setup()
    await again.click(await screen.findByRole('button', { name: 'Ana' }))
    await screen.findByRole('heading', { name: door })
    await again.type(screen.getByLabelText('Ana’s seat PIN'), '0427{Enter}')
    await screen.findByRole('heading', { name: 'Ana’s cards' })
    await again.click(screen.getByRole('button', { name: 'Done — pass it on' }))
    expect(await screen.findByRole('heading', { name: 'Pass the tablet on' })).toBeTruthy()
    expect(screen.queryByLabelText('Seat PIN')).toBeNull()
  })
})
