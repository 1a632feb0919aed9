import { screen } from '@solidjs/testing-library'
import { describe, expect, it } from 'vitest'
import Setup from '../../src/phases/setup'
import { freshWorkshop, renderPhase } from './render-phase'

describe('renderPhase', () => {
  it('shows a phase screen with its workshop read live from the store', async () => {
    const { db, workshopId } = await freshWorkshop('Harness check')
    renderPhase(Setup, db, workshopId)
    expect(((await screen.findByLabelText('Workshop title')) as HTMLInputElement).value).toBe('Harness check')
  })
})
