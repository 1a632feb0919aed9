import { screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { PHASES, type Rec } from '../../src/domain/types'
import { PHASE_SCREENS } from '../../src/app/phases'
import { addObjective, editObjective } from '../../src/store/commands/objectives'
import { createWorkshop } from '../../src/store/commands/workshops'
import { recordsOf } from '../../src/store/queries'
import { renderApp } from './render-app'

async function openWorkshop(title: string, objectives: string[] = []) {
  const rendered = renderApp()
  const id = await createWorkshop(rendered.db, { title, date: '2026-11-24' })
  for (const objective of objectives) await addObjective(rendered.db, id, objective)
  location.hash = `#/workshop/${id}`
  window.dispatchEvent(new HashChangeEvent('hashchange'))
  await screen.findByRole('heading', { level: 1, name: title })
  await screen.findByRole('heading', { level: 2, name: 'Prepare' })
  return { ...rendered, id }
}

describe('prepare screen', () => {
  it('saves each keystroke of an objective as it is typed, keeping the field’s focus', async () => {
    const { db, id } = await openWorkshop('W', ['Grow', 'Retain'])
    const user = userEvent.setup()
    const field = (await screen.findByLabelText('Objective 1')) as HTMLInputElement
    await user.click(field)
    await user.type(field, ' revenue by 20%')
    expect(document.activeElement).toBe(field)
    expect(field.value).toBe('Grow revenue by 20%')
    await waitFor(async () => {
      const stored = await recordsOf(db, id, 'objective')
      expect(stored.map(objective => objective.fields.title)).toEqual(['Grow revenue by 20%', 'Retain'])
    })
  })

  it('never lets a stored value arriving mid-typing overwrite what the person is typing', async () => {
    const { db, id } = await openWorkshop('W', ['Grow'])
    const user = userEvent.setup()
    const field = (await screen.findByLabelText('Objective 1')) as HTMLInputElement
    await user.type(field, ' fast')
    const [objective] = await recordsOf(db, id, 'objective')
    // A late answer of the live query, or another tab's edit, lands while the field has focus.
    await editObjective(db, objective!.id, 'Grow')
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(field.value).toBe('Grow fast')
    await user.type(field, 'er')
    expect(field.value).toBe('Grow faster')
    await waitFor(async () => expect((await recordsOf(db, id, 'objective'))[0]?.fields.title).toBe('Grow faster'))
    // Once the person leaves the field, it shows what is stored.
    await editObjective(db, objective!.id, 'Changed elsewhere')
    await user.tab()
    await waitFor(() => expect(field.value).toBe('Changed elsewhere'))
  })

  it('saves the workshop title as it is typed and shows it in the heading', async () => {
    const { db, id } = await openWorkshop('Draft')
    const user = userEvent.setup()
    const field = screen.getByLabelText('Workshop title')
    await user.type(field, ' for Q3')
    expect(await screen.findByRole('heading', { level: 1, name: 'Draft for Q3' })).toBeTruthy()
    await waitFor(async () => expect(((await db.records.get(id)) as Rec<'workshop'>).fields.title).toBe('Draft for Q3'))
  })

  it('removes an objective after confirming', async () => {
    const { db, id } = await openWorkshop('W', ['Keep me', 'Remove me'])
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Remove objective 2' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove this objective?' })
    expect(confirm.textContent).toContain('Remove me')
    await user.click(within(confirm).getByRole('button', { name: 'Remove objective' }))
    await waitFor(() => expect(screen.queryByLabelText('Objective 2')).toBeNull())
    expect((await recordsOf(db, id, 'objective')).map(objective => objective.fields.title)).toEqual(['Keep me'])
  })

  it('does not add an empty objective', async () => {
    const { db, id } = await openWorkshop('W')
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Add objective' }))
    expect(document.activeElement).toBe(screen.getByLabelText('New objective'))
    expect(await recordsOf(db, id, 'objective')).toEqual([])
  })

  it('shows every workshop step, with the ones to come not yet open', () => {
    return openWorkshop('W').then(() => {
      const nav = screen.getByRole('navigation', { name: 'Workshop steps' })
      const steps = within(nav).getAllByRole('button')
      const names = ['Prepare', 'Context', 'Team mapping', 'Silent ideation', 'Read & cluster', 'Validation', 'Prioritize', 'Inventory']
      // Each step is named in full for a screen reader, however short its visible label.
      expect(names.map(name => within(nav).getByRole('button', { name }))).toEqual(steps)
      expect(steps.map(step => step.querySelector('.step-number')?.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8'])
      expect(steps[0]?.getAttribute('aria-current')).toBe('step')
      // A step opens once its screen exists; Context does, the rest follow as they are built.
      expect((steps[1] as HTMLButtonElement).disabled).toBe(false)
      steps.forEach((step, index) =>
        expect((step as HTMLButtonElement).disabled, PHASES[index]).toBe(!PHASE_SCREENS[PHASES[index]!]),
      )
    })
  })
})
