import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import type { Rec } from '../../src/domain/types'
import { writeBackup } from '../../src/exchange/backup'
import { addObjective } from '../../src/store/commands/objectives'
import { createWorkshop } from '../../src/store/commands/workshops'
import { getWorkshop, workshopRecords } from '../../src/store/queries'
import { HarvestDB } from '../../src/store/db'
import { renderApp } from './render-app'

async function createThroughDialog(title: string) {
  const user = userEvent.setup()
  await user.click(await screen.findByRole('button', { name: 'New workshop' }))
  const dialog = await screen.findByRole('dialog', { name: 'New workshop' })
  await user.type(within(dialog).getByLabelText('Workshop title'), title)
  await user.click(within(dialog).getByRole('button', { name: 'Create workshop' }))
  return user
}

// The workshop's screens load on first use: on a busy machine that takes more than a second.
describe('home screen', { timeout: 30_000 }, () => {
  it('creates a workshop, opens it, and lists it with its objectives', async () => {
    renderApp()
    expect(await screen.findByText(/No workshop on this tablet yet/)).toBeTruthy()
    const user = await createThroughDialog('Q3 growth off-site')

    expect(await screen.findByRole('heading', { level: 1, name: 'Q3 growth off-site' }, { timeout: 10_000 })).toBeTruthy()
    expect(location.hash).toMatch(/^#\/workshop\//)
    await user.type(await screen.findByLabelText('New objective', {}, { timeout: 10_000 }), 'Build trust through match experiences')
    await user.click(screen.getByRole('button', { name: 'Add objective' }))
    await user.type(screen.getByLabelText('New objective'), 'Drive growth through social sharing{Enter}')
    expect(((await screen.findByLabelText('Objective 2')) as HTMLInputElement).value).toBe(
      'Drive growth through social sharing',
    )

    await user.click(screen.getByRole('button', { name: '← All workshops' }))
    const open = await screen.findByRole('button', { name: /^Open ?Q3 growth off-site/ })
    expect(open.textContent).toContain('2 objectives')
  })

  it('asks for a title and writes nothing without one', async () => {
    const { db } = renderApp()
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'New workshop' }))
    await user.click(screen.getByRole('button', { name: 'Create workshop' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Give the workshop a title.')
    expect(await db.records.count()).toBe(0)
  })

  it('renames a workshop', async () => {
    const { db } = renderApp()
    await createWorkshop(db, { title: 'Old name' })
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Rename Old name' }))
    const field = screen.getByLabelText('Workshop title')
    await user.clear(field)
    await user.type(field, 'New name{Enter}')
    expect(await screen.findByRole('button', { name: /^Open ?New name/ })).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^Open ?Old name/ })).toBeNull()
  })

  it('deletes a workshop only after the person confirms', async () => {
    const { db } = renderApp()
    const id = await createWorkshop(db, { title: 'Doomed' })
    await addObjective(db, id, 'Something')
    const user = userEvent.setup()
    await screen.findByText(/1 objective/)

    await user.click(await screen.findByRole('button', { name: 'Delete Doomed' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete this workshop?' })
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }))
    expect(screen.getByRole('button', { name: /^Open ?Doomed/ })).toBeTruthy()
    expect(await db.records.count()).toBe(2)

    await user.click(screen.getByRole('button', { name: 'Delete Doomed' }))
    await user.click(screen.getByRole('button', { name: 'Delete workshop' }))
    expect(await screen.findByText(/No workshop on this tablet yet/)).toBeTruthy()
    expect(await db.records.count()).toBe(0)
  })

  it('shows markup in a title as text', async () => {
    const { db, container } = renderApp()
    await createWorkshop(db, { title: '<img src=x onerror=alert(1)>' })
    expect(await screen.findByRole('button', { name: /^Open ?<img src=x onerror=alert\(1\)>/ })).toBeTruthy()
    expect(container.querySelector('img[src="x"]')).toBeNull()
  })
})

describe('opening a backup file from the home screen', () => {
  async function backupFile(): Promise<{ file: File; title: string }> {
    const source = new HarvestDB(`source-${crypto.randomUUID()}`)
    const id = await createWorkshop(source, { title: 'From the other tablet' })
    await addObjective(source, id, 'Objective A')
    await addObjective(source, id, 'Objective B')
    const workshop = (await getWorkshop(source, id)) as Rec<'workshop'>
    const text = await writeBackup({ workshop, records: await workshopRecords(source, id), deviceId: 'other' })
    await source.delete()
    return { file: new File([text], 'backup.json', { type: 'application/json' }), title: workshop.fields.title }
  }

  it('previews what is new, merges on the person’s word, and opens the workshop', async () => {
    const { db } = renderApp()
    const { file, title } = await backupFile()
    fireEvent.change(await screen.findByLabelText('Open a backup file', { selector: 'input' }), {
      target: { files: [file] },
    })
    const preview = await screen.findByRole('dialog', { name: `Restore “${title}”` })
    expect(preview.textContent).toContain('This restores a workshop that is not on this tablet')
    expect(preview.textContent).toContain('New: 1 workshop, 2 objectives')
    expect(preview.textContent).toContain('objective: Objective A')
    expect(await db.records.count()).toBe(0)

    const user = userEvent.setup()
    await user.click(within(preview).getByRole('button', { name: 'Restore on this tablet' }))
    expect((await screen.findByRole('dialog', { name: 'Workshop restored' })).textContent).toContain('3 new')
    await user.click(screen.getByRole('button', { name: 'Open workshop' }))
    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeTruthy()
    expect(((await screen.findByLabelText('Objective 2', {}, { timeout: 10_000 })) as HTMLInputElement).value).toBe('Objective B')
  })

  it('refuses another app’s file with a clear message and writes nothing', async () => {
    const { db } = renderApp()
    await createWorkshop(db, { title: 'Mine' })
    const before = await db.records.toArray()
    const foreign = new File(['{"type":"excalidraw","elements":[]}'], 'drawing.json', { type: 'application/json' })
    fireEvent.change(await screen.findByLabelText('Open a backup file', { selector: 'input' }), {
      target: { files: [foreign] },
    })
    const dialog = await screen.findByRole('alertdialog', { name: 'This file cannot be opened' })
    expect(within(dialog).getByRole('alert').textContent).toMatch(/not an OKRA Harvest backup/)
    await waitFor(async () => expect(await db.records.toArray()).toEqual(before))
  })
})

describe('the file buttons', () => {
  it('shows each file choice once to a screen reader: the hidden file input is no second control', async () => {
    renderApp()
    await screen.findByRole('heading', { name: 'Workshops' })
    expect(screen.getAllByRole('button', { name: 'Open a backup file' })).toHaveLength(1)
    expect(screen.getAllByRole('button', { name: 'Prepare from Session #1 files' })).toHaveLength(1)
    expect(screen.queryByLabelText('Open a backup file', { selector: 'input' })?.getAttribute('aria-hidden')).toBe('true')
  })
})
