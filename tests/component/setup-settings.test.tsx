import { screen, waitFor } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { Rec } from '../../src/domain/types'
import Setup from '../../src/phases/setup'
import type { HarvestDB } from '../../src/store/db'
import { freshWorkshop, renderPhase } from './render-phase'

async function stored(db: HarvestDB, workshopId: string) {
  return (await db.records.get(workshopId)) as Rec<'workshop'>
}

/** Replaces what a field holds, as a person selecting all and typing would. */
async function retype(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.clear(field)
  if (text) await user.type(field, text)
}

describe('prepare: settings', () => {
  it('shows the defaults: 5 votes each, at most 3 on one milestone, the time-boxes, anonymity on', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(Setup, db, workshopId)
    expect(((await screen.findByLabelText('Votes per person')) as HTMLInputElement).value).toBe('5')
    expect((screen.getByLabelText('Most votes on one milestone') as HTMLInputElement).value).toBe('3')
    expect((screen.getByLabelText('Silent ideation time-box in minutes') as HTMLInputElement).value).toBe('7')
    expect((screen.getByLabelText('Read & cluster time-box in minutes') as HTMLInputElement).value).toBe('15')
    expect((screen.getByRole('checkbox', { name: 'Keep authors anonymous' }) as HTMLInputElement).checked).toBe(true)
  })

  it('refuses a cap larger than the budget with a message, and writes nothing', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    const before = await stored(db, workshopId)
    const cap = await screen.findByLabelText('Most votes on one milestone')
    await retype(user, cap, '6')
    expect(
      await screen.findByText(
        'Most votes on one milestone (6) cannot be more than the votes each person has (5). Not saved.',
      ),
    ).toBeTruthy()
    expect(cap.getAttribute('aria-invalid')).toBe('true')
    await user.tab()
    expect((cap as HTMLInputElement).value).toBe('6')
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(await stored(db, workshopId)).toEqual(before)

    // Raising the budget makes the cap fit: both are saved together, the message goes.
    await retype(user, screen.getByLabelText('Votes per person'), '8')
    await waitFor(async () => {
      const { votesPerPerson, votesPerMilestone } = (await stored(db, workshopId)).fields
      expect([votesPerPerson, votesPerMilestone]).toEqual([8, 6])
    })
    expect(screen.queryByText(/cannot be more than/)).toBeNull()
    expect(cap.getAttribute('aria-invalid')).toBe('false')
  })

  it('refuses a budget that is not a whole number of 1 or more', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    const before = await stored(db, workshopId)
    const budget = await screen.findByLabelText('Votes per person')
    for (const bad of ['2.5', '0', '']) {
      await retype(user, budget, bad)
      expect(await screen.findByText('Votes per person must be a whole number from 1 to 99. Not saved.')).toBeTruthy()
    }
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(await stored(db, workshopId)).toEqual(before)
  })

  it('saves each time-box as it is typed, and refuses zero minutes with a message', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    await retype(user, await screen.findByLabelText('Silent ideation time-box in minutes'), '12')
    await retype(user, screen.getByLabelText('Prioritize time-box in minutes'), '8')
    await waitFor(async () =>
      expect((await stored(db, workshopId)).fields.timeboxes).toEqual({
        context: 10,
        mapping: 10,
        ideation: 12,
        cluster: 15,
        validate: 15,
        vote: 8,
      }),
    )
    const before = await stored(db, workshopId)
    await retype(user, screen.getByLabelText('Context time-box in minutes'), '0')
    expect(
      await screen.findByText('The Context time-box must be a whole number of minutes from 1 to 240. Not saved.'),
    ).toBeTruthy()
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(await stored(db, workshopId)).toEqual(before)
  })

  it('turns anonymity off and on', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('checkbox', { name: 'Keep authors anonymous' }))
    await waitFor(async () => expect((await stored(db, workshopId)).fields.anonymous).toBe(false))
    await user.click(screen.getByRole('checkbox', { name: 'Keep authors anonymous' }))
    await waitFor(async () => expect((await stored(db, workshopId)).fields.anonymous).toBe(true))
  })

  it('asks for seat PINs only when turned on; off by default', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    const pins = (await screen.findByRole('checkbox', { name: 'Ask each person for a 4-digit seat PIN' })) as HTMLInputElement
    expect(pins.checked).toBe(false)
    expect((await stored(db, workshopId)).fields.seatPins).toBeUndefined()
    expect(document.getElementById(pins.getAttribute('aria-describedby')!)?.textContent).toMatch(/A forgotten PIN loses nothing/)
    await user.click(pins)
    await waitFor(async () => expect((await stored(db, workshopId)).fields.seatPins).toBe(true))
    expect(pins.checked).toBe(true)
    await user.click(pins)
    await waitFor(async () => expect((await stored(db, workshopId)).fields.seatPins).toBe(false))
  })
})
