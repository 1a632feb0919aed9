import { render, screen } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { createSignal } from 'solid-js'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const pwa = vi.hoisted(() => ({
  update: vi.fn(async () => {}),
  needRefresh: false,
  offlineReady: false,
}))

vi.mock('virtual:pwa-register/solid', () => ({
  useRegisterSW: () => ({
    needRefresh: createSignal(pwa.needRefresh),
    offlineReady: createSignal(pwa.offlineReady),
    updateServiceWorker: pwa.update,
  }),
}))

const { UpdatePrompt } = await import('../../src/app/UpdatePrompt')

describe('update prompt', () => {
  beforeEach(() => {
    pwa.update.mockClear()
    pwa.needRefresh = false
    pwa.offlineReady = false
  })

  it('offers a waiting version and applies it only when the person says so', async () => {
    pwa.needRefresh = true
    render(() => <UpdatePrompt />)
    expect(screen.getByText(/A new version of OKRA Harvest is ready/)).toBeTruthy()
    expect(pwa.update).not.toHaveBeenCalled()
    await userEvent.click(screen.getByRole('button', { name: 'Reload to update' }))
    expect(pwa.update).toHaveBeenCalledWith(true)
  })

  it('lets the person put the update off', async () => {
    pwa.needRefresh = true
    render(() => <UpdatePrompt />)
    await userEvent.click(screen.getByRole('button', { name: 'Later' }))
    expect(screen.queryByText(/A new version/)).toBeNull()
    expect(pwa.update).not.toHaveBeenCalled()
  })

  it('says when the app is ready to work offline, then steps aside', async () => {
    vi.useFakeTimers()
    try {
      pwa.offlineReady = true
      render(() => <UpdatePrompt />)
      expect(screen.getByText(/Ready to work offline/)).toBeTruthy()
      vi.advanceTimersByTime(8500)
      expect(screen.queryByText(/Ready to work offline/)).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })
})
