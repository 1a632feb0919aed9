import { render, screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import TabletHealth from '../../src/phases/home/TabletHealth'
import { renderApp } from './render-app'

/** Puts `value` on navigator under `name` for one test. */
const stubbed: string[] = []
function onNavigator(name: string, value: unknown) {
  Object.defineProperty(navigator, name, { configurable: true, value })
  stubbed.push(name)
}

afterEach(() => {
  for (const name of stubbed.splice(0)) delete (navigator as unknown as Record<string, unknown>)[name]
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

function item(title: string): HTMLElement {
  return screen.getByRole('heading', { name: new RegExp(title) }).closest('li')!
}

describe('This tablet', () => {
  it('on a browser tab that may lose its data: says so, and each fix works', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }))
    let persisted = false
    const persist = vi.fn(async () => (persisted = true))
    onNavigator('storage', {
      persisted: async () => persisted,
      persist,
      estimate: async () => ({ usage: 2_621_440, quota: 1_073_741_824 }),
    })
    onNavigator('permissions', { query: async () => ({ state: 'prompt' }) })
    const stop = vi.fn()
    const getUserMedia = vi.fn(async () => ({ getTracks: () => [{ readyState: 'live', stop }] }))
    onNavigator('mediaDevices', { getUserMedia })
    const user = userEvent.setup()
    render(() => <TabletHealth onClose={() => {}} />)

    const dialog = await screen.findByRole('dialog', { name: 'This tablet' })
    expect(within(item('Installed')).getByText(/Not installed/)).toBeTruthy()
    expect(within(dialog).getByText('Add to Home Screen so your data is kept.')).toBeTruthy()
    expect(within(item('Installed')).getByText(/On an iPad, in Safari: tap Share/)).toBeTruthy()
    expect(within(item('Installed')).getByText(/On Android, in Chrome: tap the menu/)).toBeTruthy()

    expect(await within(item('Data kept')).findByText(/Not promised/)).toBeTruthy()
    await user.click(within(item('Data kept')).getByRole('button', { name: 'Keep data on this tablet' }))
    expect(await within(item('Data kept')).findByRole('status')).toHaveProperty('textContent', 'Done: the browser will keep this tablet’s data.')
    expect(persist).toHaveBeenCalledOnce()
    expect(within(item('Data kept')).getByText(/Yes: the browser will not clear it/)).toBeTruthy()
    expect(within(item('Data kept')).queryByRole('button', { name: 'Keep data on this tablet' })).toBeNull()

    expect(within(item('Space used')).getByText('2.5 MB used of about 1.0 GB it allows.')).toBeTruthy()

    expect(within(item('Camera')).getByText('Asked when you scan.')).toBeTruthy()
    await user.click(within(item('Camera')).getByRole('button', { name: 'Try the camera' }))
    expect(await within(item('Camera')).findByText('The camera works.')).toBeTruthy()
    expect(getUserMedia).toHaveBeenCalledOnce()
    expect(stop).toHaveBeenCalledOnce() // asked once, and let go at once

    // jsdom plays no video and has no wake lock: the screen cannot be kept on, and the panel says what to do.
    expect(within(item('Screen kept on')).getByText(/Not checked yet/)).toBeTruthy()
    await user.click(within(item('Screen kept on')).getByRole('button', { name: 'Check the screen' }))
    expect(await within(item('Screen kept on')).findByText(/No: this browser lets the screen dim/)).toBeTruthy()
    expect(within(item('Screen kept on')).getByText(/Auto-Lock/)).toBeTruthy()
  })

  it('installed, in a browser without the storage and permission APIs, with the camera blocked', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(display-mode: standalone)', media: query }))
    onNavigator('storage', undefined)
    onNavigator('mediaDevices', {
      getUserMedia: async () => {
        throw new DOMException('denied', 'NotAllowedError')
      },
    })
    const user = userEvent.setup()
    render(() => <TabletHealth onClose={() => {}} />)

    await screen.findByRole('dialog', { name: 'This tablet' })
    expect(within(item('Installed')).getByText('Yes: the app opens from the Home Screen.')).toBeTruthy()
    expect(await within(item('Data kept')).findByText(/This browser cannot promise to keep it/)).toBeTruthy()
    expect(within(item('Data kept')).queryByRole('button')).toBeNull()
    expect(within(item('Space used')).getByText('This browser does not say.')).toBeTruthy()
    expect(await within(item('Camera')).findByText('Asked when you scan.')).toBeTruthy()

    await user.click(within(item('Camera')).getByRole('button', { name: 'Try the camera' }))
    const alert = await within(item('Camera')).findByRole('alert')
    expect(within(alert).getByText('The camera is blocked for this app.')).toBeTruthy()
    expect(within(alert).getAllByRole('listitem').map(step => step.textContent)).toContain(
      'On Android: tap the lock icon beside the address › Permissions › Camera › Allow.',
    )
  })

  it('opens from the home screen’s toolbar and closes', async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: false, media: query }))
    renderApp()
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'This tablet' }))
    const dialog = await screen.findByRole('dialog', { name: 'This tablet' }, { timeout: 10_000 })
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'This tablet' })).toBeNull())
  })
})
