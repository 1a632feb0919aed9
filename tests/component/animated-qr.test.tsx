import { render, screen, waitFor } from '@solidjs/testing-library'
import { createSignal } from 'solid-js'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import type { Transfer } from '../../src/exchange/transfer'
import { AnimatedQr } from '../../src/phases/handoff/AnimatedQr'

beforeEach(() => {
  // jsdom draws nothing; the frames still run and are counted.
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
})
afterEach(() => {
  vi.restoreAllMocks()
})

function fakeTransfer(k: number): Transfer & { asked: number[] } {
  const asked: number[] = []
  return {
    transferId: 4242,
    k,
    length: k * 100,
    fragmentSize: 100,
    textLength: 20,
    asked,
    async frame(n) {
      asked.push(n)
      return `FRAME ${n}`
    },
  }
}

/** Every change of what the canvas shows, in order: "data 0", "data 1", "interleave", … */
function watchShown(canvas: HTMLElement): string[] {
  const seen: string[] = []
  new MutationObserver(() => {
    const label = canvas.dataset.shows === 'interleave' ? 'interleave' : `data ${canvas.dataset.frame}`
    if (seen.at(-1) !== label || label === 'interleave') seen.push(label)
  }).observe(canvas, { attributes: true, attributeFilter: ['data-frame', 'data-shows'] })
  return seen
}

const code = () => screen.getByRole('img', { name: /^Animated QR code/ })

it('shows frames 0, 1, 2, … in order, with the caption counting and the transfer on the canvas', async () => {
  render(() => <AnimatedQr transfer={fakeTransfer(3)} fps={20} maxSize={300} />)
  const seen = watchShown(code())
  await waitFor(() => expect(Number(code().dataset.frame)).toBeGreaterThanOrEqual(5))
  expect(code().dataset.transfer).toBe('4242')
  const numbers = seen.map(label => Number(label.slice(5)))
  expect(numbers.slice(0, 5)).toEqual([0, 1, 2, 3, 4].map(step => numbers[0]! + step))
  expect(Number(code().dataset.drawMs)).toBeGreaterThanOrEqual(0)
  await screen.findByText(/^frame \d+ · 3 fragments$/)
})

it('with interleave set, shows that text every 4th frame while the data frames keep counting up', async () => {
  const [received, setReceived] = createSignal<string | undefined>(undefined)
  render(() => <AnimatedQr transfer={fakeTransfer(2)} fps={20} maxSize={300} interleave={received()} />)
  await waitFor(() => expect(Number(code().dataset.frame)).toBeGreaterThanOrEqual(1))
  const seen = watchShown(code())
  setReceived('RECEIVED 4242')
  await waitFor(() => expect(seen.filter(label => label === 'interleave').length).toBeGreaterThanOrEqual(3))
  await waitFor(() => expect(code().dataset.shows).toBe('interleave'))
  // While the interleaved text is up the canvas names no data frame.
  expect(code().dataset.frame).toBeUndefined()
  const firstInterleave = seen.indexOf('interleave')
  const after = seen.slice(firstInterleave)
  // interleave, then three data frames, then interleave again: one in four.
  expect(after.slice(0, 5).map(label => label === 'interleave')).toEqual([true, false, false, false, true])
  const data = seen.filter(label => label !== 'interleave').map(label => Number(label.slice(5)))
  data.forEach((n, at) => at > 0 && expect(n).toBe(data[at - 1]! + 1))

  setReceived(undefined)
  const count = seen.filter(label => label === 'interleave').length
  const shownBefore = seen.length
  await waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(shownBefore + 8))
  expect(seen.filter(label => label === 'interleave').length).toBe(count)
})

it('paused, it stops; resumed, it goes on from the next frame, encoding only what it shows ahead', async () => {
  const transfer = fakeTransfer(4)
  const [paused, setPaused] = createSignal(false)
  render(() => <AnimatedQr transfer={transfer} fps={20} maxSize={300} paused={paused()} />)
  await waitFor(() => expect(Number(code().dataset.frame)).toBeGreaterThanOrEqual(2))
  setPaused(true)
  const at = Number(code().dataset.frame)
  const asked = transfer.asked.length
  // A paused code asks for no more frames: whatever it had encoded ahead is all there is.
  await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  expect(Number(code().dataset.frame)).toBe(at)
  expect(transfer.asked.length).toBeLessThanOrEqual(asked + 1)
  expect(Math.max(...transfer.asked)).toBeLessThanOrEqual(at + 5)
  const seen = watchShown(code())
  setPaused(false)
  await waitFor(() => expect(seen.length).toBeGreaterThanOrEqual(1))
  expect(seen[0]).toBe(`data ${at + 1}`)
})
