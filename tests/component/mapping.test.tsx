import { screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import Mapping from '../../src/phases/mapping'
import type { HarvestDB } from '../../src/store/db'
import { recordsOf } from '../../src/store/queries'
import { write } from '../../src/store/writer'
import { freshWorkshop, renderPhase } from './render-phase'

/** Two objectives of three key results each, and a roster of four in two pairs (or none). */
async function seed(db: HarvestDB, workshopId: string, pairs = true) {
  return write(db, async writer => {
    const trust = await writer.create('objective', workshopId, { title: 'Build trust through match experiences', position: 1 })
    const growth = await writer.create('objective', workshopId, { title: 'Drive growth through social sharing', position: 2 })
    const texts: [string, string][] = [
      [trust.id, 'Match rating submissions up 30%'],
      [trust.id, 'Reported bad matches down 20%'],
      [trust.id, 'Feedback form completion above 60%'],
      [growth.id, '15% of new players come from invites'],
      [growth.id, 'Shares per match up 2×'],
      [growth.id, 'Invite conversion above 25%'],
    ]
    const krs = []
    for (const [index, [objectiveId, text]] of texts.entries()) {
      krs.push(await writer.create('keyResult', workshopId, { objectiveId, text, position: (index % 3) + 1 }))
    }
    for (const [index, name] of ['Ana', 'Ben', 'Chloé', 'Dev'].entries()) {
      const pair = pairs ? `Pair ${Math.floor(index / 2) + 1}` : ''
      await writer.create('participant', workshopId, { name, pair, position: index + 1 })
    }
    return { trust, growth, krs }
  })
}

async function openMapping(pairs = true) {
  const { db, workshopId } = await freshWorkshop()
  const seeded = await seed(db, workshopId, pairs)
  const rendered = renderPhase(Mapping, db, workshopId)
  await screen.findByRole('heading', { level: 2, name: 'Team mapping' })
  return { db, workshopId, ...seeded, ...rendered, user: userEvent.setup() }
}

const gapList = () => screen.queryByRole('list', { name: 'Key results no one owns' })
const gaps = () => within(gapList()!).getAllByRole('listitem').map(item => item.textContent)

describe('team mapping', () => {
  it('asks which pair is adding first, from the roster’s pairs', async () => {
    const { user } = await openMapping()
    const choice = await screen.findByRole('group', { name: 'Which pair is adding?' })
    const buttons = within(choice).getAllByRole('button')
    expect(buttons.map(button => button.textContent)).toEqual(['Pair 1', 'Pair 2'])
    // Who is in each pair is told alongside, as the button's description.
    expect(buttons.map(button => document.getElementById(button.getAttribute('aria-describedby')!)?.textContent)).toEqual([
      'Ana & Ben · 0 owned items',
      'Chloé & Dev · 0 owned items',
    ])
    expect(screen.queryByLabelText('New owned item')).toBeNull()
    await user.click(within(choice).getByRole('button', { name: 'Pair 2' }))
    expect(within(choice).getByRole('button', { name: 'Pair 2' }).getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByRole('heading', { name: 'What Pair 2 owns' })).toBeTruthy()
  })

  it('adds what a pair owns with Enter, as that pair’s item', async () => {
    const { db, workshopId, user } = await openMapping()
    await user.click(await screen.findByRole('button', { name: 'Pair 1' }))
    await user.click(screen.getByRole('radio', { name: 'Tool' }))
    await user.type(screen.getByLabelText('New owned item'), 'Match history API{Enter}')
    expect(((await screen.findByLabelText('Owned item 1')) as HTMLInputElement).value).toBe('Match history API')
    expect((screen.getByLabelText('New owned item') as HTMLInputElement).value).toBe('')
    const [item] = await recordsOf(db, workshopId, 'scopeItem')
    expect(item?.fields).toMatchObject({ pair: 'Pair 1', title: 'Match history API', category: 'tool' })
    // The other pair does not see it as its own.
    await user.click(screen.getByRole('button', { name: 'Pair 2' }))
    expect(screen.queryByLabelText('Owned item 1')).toBeNull()
  })

  it('never adds words typed for one pair as another pair’s item, and keeps each pair’s unfinished words', async () => {
    const { db, workshopId, user } = await openMapping()
    await user.click(await screen.findByRole('button', { name: 'Pair 1' }))
    await user.type(screen.getByLabelText('New owned item'), 'Ranking serv')
    await user.click(screen.getByRole('button', { name: 'Pair 2' }))
    const field = (await screen.findByLabelText('New owned item')) as HTMLInputElement
    expect(field.value).toBe('')
    await user.type(field, 'Invite flow{Enter}')
    await waitFor(async () =>
      expect((await recordsOf(db, workshopId, 'scopeItem')).map(item => [item.fields.pair, item.fields.title])).toEqual([
        ['Pair 2', 'Invite flow'],
      ]),
    )
    await user.click(screen.getByRole('button', { name: 'Pair 1' }))
    expect(((await screen.findByLabelText('New owned item')) as HTMLInputElement).value).toBe('Ranking serv')
  })

  it('refuses an item without a name, with a message, and writes nothing', async () => {
    const { db, workshopId, user } = await openMapping()
    await user.click(await screen.findByRole('button', { name: 'Pair 1' }))
    await user.type(screen.getByLabelText('New owned item'), '   ')
    await user.click(screen.getByRole('button', { name: 'Add item' }))
    expect(screen.getByRole('alert').textContent).toBe('Write what Pair 1 owns before adding it.')
    expect(document.activeElement).toBe(screen.getByLabelText('New owned item'))
    expect(await recordsOf(db, workshopId, 'scopeItem')).toEqual([])
  })

  it('flags every key result no one owns, until an item is tied to it', async () => {
    const { db, workshopId, krs, user } = await openMapping()
    await waitFor(() => expect(gaps()).toHaveLength(6))
    expect(gaps()).toContain('No one owns KR2 of “Build trust through match experiences”')
    await user.click(screen.getByRole('button', { name: 'Pair 1' }))
    await user.type(screen.getByLabelText('New owned item'), 'Post-match screen{Enter}')
    await screen.findByLabelText('Owned item 1')
    await user.click(screen.getByRole('checkbox', { name: /^Tie owned item 1 to KR1 of objective 1 / }))
    await user.click(screen.getByRole('checkbox', { name: /^Tie owned item 1 to KR3 of objective 1 / }))
    await waitFor(() => expect(gaps()).toHaveLength(4))
    expect(gaps()).not.toContain('No one owns KR1 of “Build trust through match experiences”')
    expect(gaps()).toContain('No one owns KR2 of “Build trust through match experiences”')
    const [item] = await recordsOf(db, workshopId, 'scopeItem')
    expect(item?.fields.keyResultIds).toEqual([krs[0]!.id, krs[2]!.id])
    // The grid shows the item on the rows it moves.
    const table = screen.getByRole('table')
    const row = within(table).getByRole('row', { name: /KR1 Match rating submissions up 30%/ })
    expect(row.textContent).toContain('Post-match screen')
    expect(row.textContent).toContain('Pair 1')
    // Untying brings the gap back.
    await user.click(screen.getByRole('checkbox', { name: /^Tie owned item 1 to KR1 of objective 1 / }))
    await waitFor(() => expect(gaps()).toContain('No one owns KR1 of “Build trust through match experiences”'))
  })

  it('says so once every key result has an owner', async () => {
    const { user } = await openMapping()
    await user.click(await screen.findByRole('button', { name: 'Pair 2' }))
    await user.type(screen.getByLabelText('New owned item'), 'Everything{Enter}')
    await screen.findByLabelText('Owned item 1')
    for (const [objective, kr] of [
      [1, 1],
      [1, 2],
      [1, 3],
      [2, 1],
      [2, 2],
      [2, 3],
    ]) {
      await user.click(screen.getByRole('checkbox', { name: new RegExp(`^Tie owned item 1 to KR${kr} of objective ${objective} `) }))
    }
    expect(await screen.findByText('Every key result has an owner.')).toBeTruthy()
    expect(gapList()).toBeNull()
  })

  it('ties an item to an objective, renames it and changes its kind, each kept as it happens', async () => {
    const { db, workshopId, trust, user } = await openMapping()
    await user.click(await screen.findByRole('button', { name: 'Pair 1' }))
    await user.type(screen.getByLabelText('New owned item'), 'Ratings{Enter}')
    const title = await screen.findByLabelText('Owned item 1')
    await user.type(title, ' widget')
    await user.click(screen.getByRole('checkbox', { name: /^Tie owned item 1 to Objective 1 / }))
    await user.click(within(screen.getByRole('group', { name: 'Kind of owned item 1' })).getByRole('radio', { name: 'Initiative' }))
    await waitFor(async () => {
      const [item] = await recordsOf(db, workshopId, 'scopeItem')
      expect(item?.fields).toMatchObject({ title: 'Ratings widget', category: 'initiative', objectiveIds: [trust.id] })
    })
    const row = within(screen.getByRole('table')).getByRole('row', { name: /Objective 1 Build trust/ })
    await waitFor(() => expect(row.textContent).toContain('Ratings widget'))
  })

  it('keeps one item open at a time, the others summed up in a line, and reopens one to edit', async () => {
    const { user } = await openMapping()
    await user.click(await screen.findByRole('button', { name: 'Pair 1' }))
    await user.type(screen.getByLabelText('New owned item'), 'Post-match screen{Enter}')
    await screen.findByLabelText('Owned item 1')
    await user.click(screen.getByRole('checkbox', { name: /^Tie owned item 1 to KR1 of objective 1 / }))
    await user.click(screen.getByRole('checkbox', { name: /^Tie owned item 1 to Objective 2 / }))
    await user.type(screen.getByLabelText('New owned item'), 'Referral service{Enter}')
    await screen.findByLabelText('Owned item 2')
    expect(screen.queryByLabelText('Owned item 1')).toBeNull()
    const list = screen.getByRole('list', { name: 'Owned by Pair 1' })
    await waitFor(() => expect(list.textContent).toContain('Ties to KR1 of objective 1; Objective 2'))
    expect(list.textContent).toContain('Not tied to any OKR yet')
    await user.click(screen.getByRole('button', { name: 'Edit owned item 1' }))
    expect(((await screen.findByLabelText('Owned item 1')) as HTMLInputElement).value).toBe('Post-match screen')
    expect(screen.queryByLabelText('Owned item 2')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Done with owned item 1' }))
    expect(screen.queryByLabelText('Owned item 1')).toBeNull()
  })

  it('removes an item after confirming', async () => {
    const { db, workshopId, user } = await openMapping()
    await user.click(await screen.findByRole('button', { name: 'Pair 1' }))
    await user.type(screen.getByLabelText('New owned item'), 'Keep{Enter}')
    await screen.findByLabelText('Owned item 1')
    await user.type(screen.getByLabelText('New owned item'), 'Drop{Enter}')
    await screen.findByLabelText('Owned item 2')
    await user.click(screen.getByRole('button', { name: 'Remove owned item 2' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove this owned item?' })
    expect(confirm.textContent).toContain('Drop')
    await user.click(within(confirm).getByRole('button', { name: 'Remove item' }))
    await waitFor(() => expect(screen.queryByLabelText('Owned item 2')).toBeNull())
    expect((await recordsOf(db, workshopId, 'scopeItem')).map(item => item.fields.title)).toEqual(['Keep'])
  })

  it('lets the whole team map together when the roster has no pairs', async () => {
    const { db, workshopId, user } = await openMapping(false)
    const choice = await screen.findByRole('group', { name: 'Which pair is adding?' })
    expect(within(choice).getByRole('button', { name: 'Whole team' }).getAttribute('aria-pressed')).toBe('true')
    await user.type(screen.getByLabelText('New owned item'), 'Design system{Enter}')
    await screen.findByLabelText('Owned item 1')
    expect((await recordsOf(db, workshopId, 'scopeItem'))[0]?.fields.pair).toBe('Whole team')
  })
})
