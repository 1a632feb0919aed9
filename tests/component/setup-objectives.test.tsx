import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import Setup from '../../src/phases/setup'
import { addObjective } from '../../src/store/commands/objectives'
import { recordsOf } from '../../src/store/queries'
import { freshWorkshop, renderPhase } from './render-phase'
import { seedOutline } from './setup-outline'

async function titles(db: Awaited<ReturnType<typeof freshWorkshop>>['db'], workshopId: string) {
  return (await recordsOf(db, workshopId, 'objective')).map(objective => objective.fields.title)
}

describe('prepare: objectives and key results', () => {
  it('adds key results to an objective, labelled KR1, KR2 within it', async () => {
    const { db, workshopId } = await freshWorkshop()
    await addObjective(db, workshopId, 'Build trust')
    await addObjective(db, workshopId, 'Drive growth')
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()

    await user.type(await screen.findByLabelText('New key result for objective 2'), 'Shares per match up 2×{Enter}')
    const first = (await screen.findByLabelText('KR1 of objective 2')) as HTMLInputElement
    expect(first.value).toBe('Shares per match up 2×')
    expect(within(screen.getByRole('list', { name: 'Key results of objective 2' })).getByText('KR1')).toBeTruthy()
    // The field empties for the next one.
    expect((screen.getByLabelText('New key result for objective 2') as HTMLInputElement).value).toBe('')

    await user.type(screen.getByLabelText('New key result for objective 2'), 'Invite conversion above 25%')
    await user.click(screen.getByRole('button', { name: 'Add key result to objective 2' }))
    expect(((await screen.findByLabelText('KR2 of objective 2')) as HTMLInputElement).value).toBe('Invite conversion above 25%')
    expect(screen.queryByLabelText('KR1 of objective 1')).toBeNull()

    const [, growth] = await recordsOf(db, workshopId, 'objective')
    const stored = await recordsOf(db, workshopId, 'keyResult')
    expect(stored.map(keyResult => [keyResult.fields.objectiveId, keyResult.fields.text])).toEqual([
      [growth!.id, 'Shares per match up 2×'],
      [growth!.id, 'Invite conversion above 25%'],
    ])
  })

  it('saves a key result as it is typed', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seedOutline(db, workshopId)
    // (KRs are ordered within their objective; across objectives their positions repeat.)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    const field = await screen.findByLabelText('KR3 of objective 1')
    await user.type(field, ' in a month')
    await waitFor(async () => {
      const texts = (await recordsOf(db, workshopId, 'keyResult')).map(keyResult => keyResult.fields.text)
      expect(texts).toContain('Feedback form completion above 60% in a month')
    })
  })

  it('reorders objectives with the Move up / Move down buttons, keeping the focus on the moved one', async () => {
    const { db, workshopId } = await freshWorkshop()
    for (const title of ['One', 'Two', 'Three']) await addObjective(db, workshopId, title)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()

    expect(((await screen.findByRole('button', { name: 'Move objective 1 up' })) as HTMLButtonElement).disabled).toBe(true)
    expect((screen.getByRole('button', { name: 'Move objective 3 down' }) as HTMLButtonElement).disabled).toBe(true)
    await user.click(screen.getByRole('button', { name: 'Move objective 3 up' }))
    await waitFor(async () => expect(await titles(db, workshopId)).toEqual(['One', 'Three', 'Two']))
    await waitFor(() => expect((screen.getByLabelText('Objective 2') as HTMLInputElement).value).toBe('Three'))
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move objective 2 up' })))

    await user.click(screen.getByRole('button', { name: 'Move objective 1 down' }))
    await waitFor(async () => expect(await titles(db, workshopId)).toEqual(['Three', 'One', 'Two']))
  })

  it('reorders key results within their objective with the buttons', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { trust } = await seedOutline(db, workshopId)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Move KR1 of objective 1 down' }))
    await waitFor(() =>
      expect((screen.getByLabelText('KR1 of objective 1') as HTMLInputElement).value).toBe('Reported bad matches down 20%'),
    )
    const stored = (await recordsOf(db, workshopId, 'keyResult'))
      .filter(keyResult => keyResult.fields.objectiveId === trust)
      .map(keyResult => keyResult.fields.text)
    expect(stored).toEqual([
      'Reported bad matches down 20%',
      'Match rating submissions up 30%',
      'Feedback form completion above 60%',
    ])
    // Objective 2's key results did not move.
    expect((screen.getByLabelText('KR1 of objective 2') as HTMLInputElement).value).toBe('15% of new players come from invites')
  })

  it('reorders objectives by dragging the handle with pointer events', async () => {
    const { db, workshopId } = await freshWorkshop()
    for (const title of ['One', 'Two', 'Three']) await addObjective(db, workshopId, title)
    renderPhase(Setup, db, workshopId)
    const list = await screen.findByRole('list', { name: 'Objectives' })
    await waitFor(() => expect(list.children).toHaveLength(3))
    // jsdom lays nothing out: give each row a box, 100 px apart, 90 px high.
    const rows = [...list.children] as HTMLElement[]
    rows.forEach((row, index) => {
      const top = 200 + index * 100
      row.getBoundingClientRect = () => ({ top, bottom: top + 90, height: 90, left: 0, right: 600, width: 600, x: 0, y: top, toJSON: () => ({}) })
    })
    const handle = rows[0]!.querySelector('.reorder-handle')!
    fireEvent.pointerDown(handle, { pointerId: 7, pointerType: 'touch', clientY: 245 })
    // Half-way over the second row: the rows step aside, nothing is written yet.
    fireEvent.pointerMove(window, { pointerId: 7, pointerType: 'touch', clientY: 350 })
    expect(rows[0]!.style.transform).toBe('translateY(105px)')
    expect(rows[1]!.style.transform).toBe('translateY(-100px)')
    fireEvent.pointerMove(window, { pointerId: 7, pointerType: 'touch', clientY: 460 })
    fireEvent.pointerUp(window, { pointerId: 7, pointerType: 'touch', clientY: 460 })
    await waitFor(async () => expect(await titles(db, workshopId)).toEqual(['Two', 'Three', 'One']))
    await waitFor(() => expect((screen.getByLabelText('Objective 3') as HTMLInputElement).value).toBe('One'))
    expect(rows[0]!.style.transform).toBe('')
  })

  it('cancels a drag with Escape, writing nothing', async () => {
    const { db, workshopId } = await freshWorkshop()
    for (const title of ['One', 'Two']) await addObjective(db, workshopId, title)
    renderPhase(Setup, db, workshopId)
    const list = await screen.findByRole('list', { name: 'Objectives' })
    await waitFor(() => expect(list.children).toHaveLength(2))
    const rows = [...list.children] as HTMLElement[]
    rows.forEach((row, index) => {
      const top = 200 + index * 100
      row.getBoundingClientRect = () => ({ top, bottom: top + 90, height: 90, left: 0, right: 600, width: 600, x: 0, y: top, toJSON: () => ({}) })
    })
    fireEvent.pointerDown(rows[0]!.querySelector('.reorder-handle')!, { pointerId: 1, clientY: 245 })
    fireEvent.pointerMove(window, { pointerId: 1, clientY: 400 })
    fireEvent.keyDown(window, { key: 'Escape' })
    fireEvent.pointerUp(window, { pointerId: 1, clientY: 400 })
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(await titles(db, workshopId)).toEqual(['One', 'Two'])
    expect(rows[0]!.style.transform).toBe('')
  })

  it('asks before removing an objective and says its key results and hypotheses go with it', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { trust } = await seedOutline(db, workshopId)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()

    await user.click(await screen.findByRole('button', { name: 'Remove objective 1' }))
    let confirm = await screen.findByRole('alertdialog', { name: 'Remove this objective?' })
    expect(confirm.textContent).toContain('Build trust through match experiences')
    expect(confirm.textContent).toContain('Its 3 key results and its 2 hypotheses will be removed with it.')
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect((await recordsOf(db, workshopId, 'keyResult')).length).toBe(6)

    await user.click(screen.getByRole('button', { name: 'Remove objective 1' }))
    confirm = await screen.findByRole('alertdialog', { name: 'Remove this objective?' })
    await user.click(within(confirm).getByRole('button', { name: 'Remove objective' }))
    await waitFor(async () => expect(await titles(db, workshopId)).toEqual(['Drive growth through social sharing']))
    const all = await db.records.where('workshopId').equals(workshopId).toArray()
    const ofTrust = all.filter(record => record.id === trust || ('objectiveId' in record.fields && record.fields.objectiveId === trust))
    expect(ofTrust).toHaveLength(6)
    // Tombstones, not deleted rows: a merge from another tablet cannot bring them back.
    expect(ofTrust.every(record => record.deleted !== undefined)).toBe(true)
    // What was objective 2 is objective 1 now, with its key results.
    await waitFor(() =>
      expect((screen.getByLabelText('KR1 of objective 1') as HTMLInputElement).value).toBe('15% of new players come from invites'),
    )
    expect(screen.queryByLabelText('Objective 2')).toBeNull()
  })

  it('removes a key result after asking, and the ties hypotheses had to it', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { trustKrs, hypotheses } = await seedOutline(db, workshopId)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Remove KR1 of objective 1' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove this key result?' })
    expect(confirm.textContent).toContain('1 hypothesis is tied to it')
    await user.click(within(confirm).getByRole('button', { name: 'Remove key result' }))
    await waitFor(async () => expect((await recordsOf(db, workshopId, 'keyResult')).length).toBe(5))
    const first = (await recordsOf(db, workshopId, 'hypothesis')).find(hypothesis => hypothesis.id === hypotheses[0])
    expect(first?.fields.keyResultIds).toEqual([trustKrs[2]])
  })
})

describe('text typed but not yet added', () => {
  it('is still in its field after the tablet reloads, and only in that workshop', async () => {
    localStorage.clear()
    const { db, workshopId } = await freshWorkshop()
    const first = renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('New objective'), 'Grow the referral loo')
    first.unmount()

    const second = renderPhase(Setup, db, workshopId)
    const field = (await screen.findByLabelText('New objective')) as HTMLInputElement
    expect(field.value).toBe('Grow the referral loo')
    await user.type(field, 'p{Enter}')
    await waitFor(async () => expect(await titles(db, workshopId)).toEqual(['Grow the referral loop']))
    expect(field.value).toBe('')

    await user.type(field, 'Half-typed again')
    second.unmount()
    const other = await freshWorkshop('Another workshop')
    renderPhase(Setup, other.db, other.workshopId)
    expect(((await screen.findByLabelText('New objective')) as HTMLInputElement).value).toBe('')
  })
})
