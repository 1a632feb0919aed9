import { screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createWorkshop } from '../../src/store/commands/workshops'
import { renderApp } from './render-app'

async function openWorkshop() {
  const { db } = renderApp()
  const id = await createWorkshop(db, { title: 'Lake off-site', date: '2026-11-24' })
  location.hash = `#/workshop/${id}`
  window.dispatchEvent(new HashChangeEvent('hashchange'))
  await screen.findByRole('heading', { level: 1, name: 'Lake off-site' }, { timeout: 10_000 })
  const nav = await screen.findByRole('navigation', { name: 'Workshop steps' })
  return { db, nav, user: userEvent.setup() }
}

describe('the workshop bar', { timeout: 30_000 }, () => {
  it('shows the current step’s time-box in the bar, and none in Prepare', async () => {
    const { nav, user } = await openWorkshop()
    await screen.findByRole('heading', { level: 2, name: 'Prepare' }, { timeout: 10_000 })
    expect(screen.queryByRole('timer')).toBeNull()

    await user.click(within(nav).getByRole('button', { name: 'Team mapping' }))
    await screen.findByRole('heading', { level: 2, name: 'Team mapping' }, { timeout: 10_000 })
    const bar = document.querySelector<HTMLElement>('.workbar')!
    expect(within(bar).getByRole('timer', { name: 'Time left' }).textContent).toBe('10:00')
    expect(within(bar).getByRole('button', { name: '+1 min' })).toBeTruthy()

    await user.click(within(nav).getByRole('button', { name: 'Silent ideation' }))
    await waitFor(() => expect(within(bar).getByRole('timer', { name: 'Time left' }).textContent).toBe('7:00'))
    expect(within(nav).getByRole('button', { name: 'Silent ideation' }).getAttribute('aria-current')).toBe('step')
  })

  it('gathers the exchanges under one Share button, which Escape closes', async () => {
    const { user } = await openWorkshop()
    const share = screen.getByRole('button', { name: 'Share' })
    expect(share.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('button', { name: 'Share by QR' })).toBeNull()

    await user.click(share)
    expect(share.getAttribute('aria-expanded')).toBe('true')
    const menu = screen.getByRole('list', { name: 'Exchange with other tablets' })
    expect(within(menu).getAllByRole('button').map(item => item.textContent)).toEqual([
      'Show join code',
      'Share by QR',
      'Receive by QR',
      'Swap by QR',
    ])
    await user.keyboard('{Escape}')
    expect(share.getAttribute('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(share)
    expect(screen.queryByRole('button', { name: 'Share by QR' })).toBeNull()
  })

  it('opens a confirmation as a modal dialog, and Escape cancels it without writing', async () => {
    const { user } = await openWorkshop()
    await user.click(await screen.findByRole('button', { name: 'Add objective' }, { timeout: 10_000 }))
    await user.type(screen.getByLabelText('New objective'), 'Build trust{Enter}')
    const remove = await screen.findByRole('button', { name: /^Remove objective/ })
    await user.click(remove)
    const dialog = await screen.findByRole('alertdialog')
    expect(dialog.tagName).toBe('DIALOG')
    expect((dialog as HTMLDialogElement).open).toBe(true)
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull())
    expect(((await screen.findByLabelText('Objective 1')) as HTMLInputElement).value).toBe('Build trust')
  })
})
