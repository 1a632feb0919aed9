import { screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import Setup from '../../src/phases/setup'
import { addHypothesis } from '../../src/store/commands/setup'
import { recordsOf } from '../../src/store/queries'
import { write } from '../../src/store/writer'
import { freshWorkshop, renderPhase } from './render-phase'
import { seedOutline } from './setup-outline'

describe('prepare: hypotheses', () => {
  it('shows the "If …, then …" shape and adds a hypothesis to an objective', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { growth } = await seedOutline(db, workshopId)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()

    const draft = (await screen.findByLabelText('New hypothesis for objective 2')) as HTMLInputElement
    const panel = screen.getByRole('region', { name: 'Hypotheses' })
    expect(panel.textContent).toContain('“If …, then …”')
    expect(draft.placeholder).toBe('If we …, then …')
    await user.type(draft, 'If invites carry a reward, then more friends join')
    await user.click(within(panel).getByRole('button', { name: 'Add hypothesis to objective 2' }))

    const added = (await within(panel).findByLabelText('Hypothesis 2 of objective 2')) as HTMLTextAreaElement
    expect(added.value).toBe('If invites carry a reward, then more friends join')
    const stored = (await recordsOf(db, workshopId, 'hypothesis')).filter(h => h.fields.objectiveId === growth)
    expect(stored.map(h => [h.fields.text, h.fields.keyResultIds])).toEqual([
      ["If users can share with attribution, then they'll invite more friends", [expect.any(String)]],
      ['If invites carry a reward, then more friends join', []],
    ])
  })

  it('ties a hypothesis to some of its objective’s key results, and unties it', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { growthKrs, hypotheses } = await seedOutline(db, workshopId)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()

    await screen.findByLabelText('Hypothesis 1 of objective 2')
    const ties = screen.getByRole('group', { name: 'Key results of hypothesis 1 of objective 2' })
    const checks = () => within(ties).getAllByRole('checkbox') as HTMLInputElement[]
    // The boxes tick as their live query catches up: read them once they have settled.
    await waitFor(() =>
      expect(checks().map(box => box.labels?.[0]?.textContent)).toEqual([
        'KR1 15% of new players come from invites',
        'KR2 Shares per match up 2×',
        'KR3 Invite conversion above 25%',
      ]),
    )
    await waitFor(() => expect(checks().map(box => box.checked)).toEqual([true, false, false]))

    // Two quick taps: both count.
    await user.click(within(ties).getByRole('checkbox', { name: /^KR3/ }))
    await user.click(within(ties).getByRole('checkbox', { name: /^KR2/ }))
    await waitFor(async () => {
      const hypothesis = (await recordsOf(db, workshopId, 'hypothesis')).find(h => h.id === hypotheses[2])
      expect(hypothesis?.fields.keyResultIds).toEqual([growthKrs[0], growthKrs[2], growthKrs[1]])
    })
    await user.click(within(ties).getByRole('checkbox', { name: /^KR1/ }))
    await waitFor(async () => {
      const hypothesis = (await recordsOf(db, workshopId, 'hypothesis')).find(h => h.id === hypotheses[2])
      expect(hypothesis?.fields.keyResultIds).toEqual([growthKrs[2], growthKrs[1]])
    })
    await waitFor(() => expect(checks().map(box => box.checked)).toEqual([false, true, true]))
  })

  it('ties a hypothesis to another objective, which lets go of its old key results', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { growth, hypotheses } = await seedOutline(db, workshopId)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()

    await screen.findByLabelText('Hypothesis 1 of objective 1')
    const select = screen.getByRole('combobox', { name: 'Objective of hypothesis 1 of objective 1' })
    await user.selectOptions(select, within(select).getByRole('option', { name: 'Objective 2: Drive growth through social sharing' }))
    await waitFor(() =>
      expect((screen.getByLabelText('Hypothesis 2 of objective 2') as HTMLTextAreaElement).value).toBe(
        'If we make feedback easier, then more players will submit ratings',
      ),
    )
    const moved = (await recordsOf(db, workshopId, 'hypothesis')).find(h => h.id === hypotheses[0])
    expect(moved?.fields.objectiveId).toBe(growth)
    expect(moved?.fields.keyResultIds).toEqual([])
    await waitFor(() =>
      expect(
        (within(screen.getByRole('group', { name: 'Key results of hypothesis 2 of objective 2' })).getAllByRole('checkbox') as HTMLInputElement[]).some(
          box => box.checked,
        ),
      ).toBe(false),
    )
  })

  it('reorders hypotheses within their objective with the buttons', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { trust } = await seedOutline(db, workshopId)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    await screen.findByLabelText('Hypothesis 2 of objective 1')
    await user.click(screen.getByRole('button', { name: 'Move hypothesis 2 of objective 1 up' }))
    await waitFor(async () => {
      const ofTrust = (await recordsOf(db, workshopId, 'hypothesis')).filter(h => h.fields.objectiveId === trust)
      expect(ofTrust.map(h => h.fields.text)).toEqual([
        'If rankings reflect skill better, then fewer matches feel unfair',
        'If we make feedback easier, then more players will submit ratings',
      ])
    })
    await waitFor(() =>
      expect((screen.getByLabelText('Hypothesis 1 of objective 1') as HTMLTextAreaElement).value).toBe(
        'If rankings reflect skill better, then fewer matches feel unfair',
      ),
    )
  })

  it('removes a hypothesis after asking', async () => {
    const { db, workshopId } = await freshWorkshop()
    await seedOutline(db, workshopId)
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    await screen.findByLabelText('Hypothesis 1 of objective 2')
    await user.click(screen.getByRole('button', { name: 'Remove hypothesis 1 of objective 2' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove this hypothesis?' })
    await user.click(within(confirm).getByRole('button', { name: 'Remove hypothesis' }))
    await waitFor(async () => expect((await recordsOf(db, workshopId, 'hypothesis')).length).toBe(2))
    await waitFor(() => expect(screen.queryByLabelText('Hypothesis 1 of objective 2')).toBeNull())
  })

  it('keeps a hypothesis whose objective was removed on another tablet, to be tied again', async () => {
    const { db, workshopId } = await freshWorkshop()
    const { trust, growth } = await seedOutline(db, workshopId)
    const late = await addHypothesis(db, trust, 'If matches start faster, then fewer players leave')
    // What a merge leaves when one tablet removed the objective and another added to it meanwhile.
    await write(db, writer => writer.remove(trust))
    renderPhase(Setup, db, workshopId)
    const user = userEvent.setup()
    const untied = await screen.findByRole('list', { name: 'Hypotheses not tied to an objective' })
    expect(within(untied).getAllByRole('listitem')).toHaveLength(3)
    const select = within(untied).getByRole('combobox', { name: 'Objective of untied hypothesis 3' })
    await user.selectOptions(select, within(select).getByRole('option', { name: /^Objective 1:/ }))
    await waitFor(async () => {
      const tied = (await recordsOf(db, workshopId, 'hypothesis')).find(h => h.id === late)
      expect(tied?.fields.objectiveId).toBe(growth)
    })
    await waitFor(() => expect(within(untied).getAllByRole('listitem')).toHaveLength(2))
  })
})
