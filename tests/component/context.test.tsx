import { fireEvent, screen, waitFor, within } from '@solidjs/testing-library'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Rec } from '../../src/domain/types'
import Context from '../../src/phases/context'
import { addObjective } from '../../src/store/commands/objectives'
import { freshWorkshop, renderPhase } from './render-phase'
import { seedOutline } from './setup-outline'

async function present(objectives = true) {
  const { db, workshopId } = await freshWorkshop()
  if (objectives) {
    await seedOutline(db, workshopId)
    await addObjective(db, workshopId, 'Keep the game fair')
  }
  const rendered = renderPhase(Context, db, workshopId)
  return { db, workshopId, ...rendered }
}

const slideTitle = () => screen.getByRole('heading', { level: 3 }).textContent

afterEach(() => {
  document.documentElement.classList.remove('presenting')
  delete (document.documentElement as { requestFullscreen?: unknown }).requestFullscreen
})

describe('context: present mode', () => {
  it('shows one objective with its key results and hypotheses, and where it is in the list', async () => {
    await present()
    expect(await screen.findByText('Objective 1 of 3')).toBeTruthy()
    expect(slideTitle()).toBe('Build trust through match experiences')
    const keyResults = screen.getByRole('region', { name: 'Key results' })
    expect(within(keyResults).getAllByRole('listitem').map(item => item.textContent)).toEqual([
      'KR1Match rating submissions up 30%',
      'KR2Reported bad matches down 20%',
      'KR3Feedback form completion above 60%',
    ])
    const hypotheses = within(screen.getByRole('region', { name: 'Hypotheses' })).getAllByRole('listitem')
    expect(hypotheses.map(item => item.textContent)).toEqual([
      'If we make feedback easier, then more players will submit ratingsMoves KR1KR3',
      'If rankings reflect skill better, then fewer matches feel unfairMoves KR2',
    ])
    expect(screen.queryByText('Drive growth through social sharing')).toBeNull()
  })

  it('goes from objective to objective with the Next / Previous buttons', async () => {
    await present()
    const user = userEvent.setup()
    const previous = (await screen.findByRole('button', { name: 'Previous objective' })) as HTMLButtonElement
    const next = screen.getByRole('button', { name: 'Next objective' }) as HTMLButtonElement
    expect(previous.disabled).toBe(true)
    await user.click(next)
    expect(screen.getByText('Objective 2 of 3')).toBeTruthy()
    expect(slideTitle()).toBe('Drive growth through social sharing')
    expect(screen.getByRole('region', { name: 'Hypotheses' }).textContent).toContain(
      "If users can share with attribution, then they'll invite more friends",
    )
    await user.click(next)
    expect(slideTitle()).toBe('Keep the game fair')
    expect(screen.getByText('No key result yet.')).toBeTruthy()
    expect(next.disabled).toBe(true)
    await user.click(previous)
    expect(screen.getByText('Objective 2 of 3')).toBeTruthy()
  })

  it('goes on and back with the arrow keys, not past either end', async () => {
    await present()
    const user = userEvent.setup()
    await screen.findByText('Objective 1 of 3')
    await user.keyboard('{ArrowLeft}')
    expect(screen.getByText('Objective 1 of 3')).toBeTruthy()
    await user.keyboard('{ArrowRight}')
    expect(slideTitle()).toBe('Drive growth through social sharing')
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}')
    expect(screen.getByText('Objective 3 of 3')).toBeTruthy()
    await user.keyboard('{ArrowLeft}')
    expect(screen.getByText('Objective 2 of 3')).toBeTruthy()
  })

  it('goes on with a swipe to the left and back with a swipe to the right; a scroll is not a swipe', async () => {
    await present()
    const stage = await screen.findByRole('region', { name: 'Objectives, one at a time' })
    const swipe = (fromX: number, toX: number, dy = 0) => {
      fireEvent.pointerDown(stage, { pointerId: 3, pointerType: 'touch', clientX: fromX, clientY: 300 })
      fireEvent.pointerUp(stage, { pointerId: 3, pointerType: 'touch', clientX: toX, clientY: 300 + dy })
    }
    swipe(600, 200)
    expect(screen.getByText('Objective 2 of 3')).toBeTruthy()
    swipe(200, 600)
    expect(screen.getByText('Objective 1 of 3')).toBeTruthy()
    swipe(600, 520, 300)
    swipe(600, 570)
    expect(screen.getByText('Objective 1 of 3')).toBeTruthy()
  })

  it('fills the screen without the app around it where the Fullscreen API is missing, and Escape leaves', async () => {
    await present()
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Full screen' }))
    expect(document.documentElement.classList.contains('presenting')).toBe(true)
    expect(screen.getByRole('button', { name: 'Leave full screen' })).toBeTruthy()
    // The slides still work in full screen.
    await user.keyboard('{ArrowRight}')
    expect(screen.getByText('Objective 2 of 3')).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(document.documentElement.classList.contains('presenting')).toBe(false)
    expect(screen.getByRole('button', { name: 'Full screen' })).toBeTruthy()
  })

  it('asks the browser for full screen where it can, and leaves when the browser does', async () => {
    await present()
    const user = userEvent.setup()
    const root = document.documentElement as HTMLElement & { requestFullscreen: () => Promise<void> }
    root.requestFullscreen = vi.fn(() => Promise.resolve())
    await user.click(await screen.findByRole('button', { name: 'Full screen' }))
    expect(root.requestFullscreen).toHaveBeenCalledTimes(1)
    expect(root.classList.contains('presenting')).toBe(true)
    // The browser's own Escape: it leaves full screen and only tells the page.
    document.dispatchEvent(new Event('fullscreenchange'))
    await waitFor(() => expect(root.classList.contains('presenting')).toBe(false))
  })

  it('sends the facilitator to Prepare when there is no objective yet', async () => {
    const { db, workshopId } = await present(false)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Add objectives in Prepare' }))
    await waitFor(async () => expect(((await db.records.get(workshopId)) as Rec<'workshop'>).fields.phase).toBe('setup'))
  })
})
