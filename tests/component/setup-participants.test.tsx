import { screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import Setup from '../../src/phases/setup'
import { addParticipant } from '../../src/store/commands/setup'
import { recordsOf } from '../../src/store/queries'
import { freshWorkshop, renderPhase } from './render-phase'

async function roster(db: Awaited<ReturnType<typeof freshWorkshop>>['db'], workshopId: string) {
  return (await recordsOf(db, workshopId, 'participant')).map(person => [person.fields.name, person.fields.pair])
}

describe('prepare: participants and pairs', () => {
  it('adds people by name and pairs the roster in order with Auto-pair', async () => {
    const { db, workshopId } = await freshWorkshop()
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    const name = await screen.findByLabelText('New participant')
    for (const person of ['Ana', 'Ben', 'Chloé', 'Dev', 'Eli']) await user.type(name, `${person}{Enter}`)
    await waitFor(async () => expect((await roster(db, workshopId)).length).toBe(5))
    expect(((await screen.findByLabelText('Participant 5')) as HTMLInputElement).value).toBe('Eli')

    await user.click(screen.getByRole('button', { name: 'Auto-pair' }))
    await waitFor(async () =>
      expect(await roster(db, workshopId)).toEqual([
        ['Ana', 'Pair 1'],
        ['Ben', 'Pair 1'],
        ['Chloé', 'Pair 2'],
        ['Dev', 'Pair 2'],
        ['Eli', 'Pair 2'],
      ]),
    )
    const pairs = screen.getByRole('list', { name: 'Pairs' })
    await waitFor(() =>
      expect(within(pairs).getAllByRole('listitem').map(item => item.textContent)).toEqual([
        'Pair 1: Ana, Ben',
        'Pair 2: Chloé, Dev, Eli',
      ]),
    )
    // Every chooser shows the person's pair, though the options changed under them.
    const shown = [1, 2, 3, 4, 5].map(
      number => (screen.getByRole('combobox', { name: `Pair of participant ${number}` }) as HTMLSelectElement).value,
    )
    expect(shown).toEqual(['Pair 1', 'Pair 1', 'Pair 2', 'Pair 2', 'Pair 2'])
  })

  it('puts one person in another pair, or a new one, with the pair chooser', async () => {
    const { db, workshopId } = await freshWorkshop()
    for (const person of ['Ana', 'Ben', 'Chloé']) await addParticipant(db, workshopId, person)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    await screen.findByLabelText('Participant 3')
    const chooser = screen.getByRole('combobox', { name: 'Pair of participant 1' }) as HTMLSelectElement
    expect(within(chooser).getAllByRole('option').map(option => option.textContent)).toEqual(['No pair', 'Pair 1 (new)'])
    await user.selectOptions(chooser, 'Pair 1')
    const second = screen.getByRole('combobox', { name: 'Pair of participant 2' })
    // Pair 1 is now one of the pairs in use, and a new pair would be Pair 2.
    await waitFor(() =>
      expect(within(second).getAllByRole('option').map(option => option.textContent)).toEqual([
        'No pair',
        'Pair 1',
        'Pair 2 (new)',
      ]),
    )
    expect(chooser.value).toBe('Pair 1')
    await user.selectOptions(second, 'Pair 1')
    await waitFor(async () => expect((await roster(db, workshopId)).map(([, pair]) => pair)).toEqual(['Pair 1', 'Pair 1', '']))
    const third = screen.getByRole('combobox', { name: 'Pair of participant 3' })
    await waitFor(() =>
      expect(within(third).getAllByRole('option').map(option => option.textContent)).toEqual([
        'No pair',
        'Pair 1',
        'Pair 2 (new)',
      ]),
    )
    await user.selectOptions(third, 'Pair 2')
    await waitFor(async () => expect((await roster(db, workshopId))[2]).toEqual(['Chloé', 'Pair 2']))
    await waitFor(() => expect(screen.getByRole('list', { name: 'Pairs' }).textContent).toContain('Pair 2: Chloé'))
  })

  it('reorders the roster with the buttons, which changes who Auto-pair puts together', async () => {
    const { db, workshopId } = await freshWorkshop()
    for (const person of ['Ana', 'Ben', 'Chloé', 'Dev']) await addParticipant(db, workshopId, person)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    await screen.findByLabelText('Participant 4')
    await user.click(screen.getByRole('button', { name: 'Move participant 3 up' }))
    await waitFor(async () => expect((await roster(db, workshopId)).map(([name]) => name)).toEqual(['Ana', 'Chloé', 'Ben', 'Dev']))
    await user.click(screen.getByRole('button', { name: 'Auto-pair' }))
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Pairs' }).textContent).toBe('Pair 1: Ana, ChloéPair 2: Ben, Dev'),
    )
  })
})
