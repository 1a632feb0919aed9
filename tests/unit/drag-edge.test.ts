import { describe, expect, it } from 'vitest'
import { EDGE, edgeScroll, MAX_SCROLL_STEP, type ScrollerBox } from '../../src/ui/drag'

/** A column from 100 to 600 px inside a page from 0 to 768, both with room to scroll both ways. */
const column: ScrollerBox = { top: 100, bottom: 600, canScrollUp: true, canScrollDown: true }
const page: ScrollerBox = { top: 0, bottom: 768, canScrollUp: true, canScrollDown: true }

describe('edge scrolling during a drag', () => {
  it('leaves everything still while the pointer is away from the edges', () => {
    expect(edgeScroll(350, [column, page])).toBeNull()
    expect(edgeScroll(100 + EDGE, [column, page])).toBeNull()
  })

  it('scrolls the column under the pointer, faster the nearer its edge', () => {
    const near = edgeScroll(600 - 10, [column, page])
    const nearer = edgeScroll(600 - 2, [column, page])
    expect(near?.index).toBe(0)
    expect(near!.step).toBeGreaterThan(0)
    expect(nearer!.step).toBeGreaterThan(near!.step)
    expect(nearer!.step).toBeLessThanOrEqual(MAX_SCROLL_STEP)
    expect(edgeScroll(100 + 10, [column, page])).toEqual({ index: 0, step: -near!.step })
  })

  it('scrolls at full speed when the pointer has gone past the edge', () => {
    expect(edgeScroll(800, [{ ...column, bottom: 768 }, page])).toEqual({ index: 0, step: MAX_SCROLL_STEP })
  })

  it('hands over to the container around a column that has reached its end: no trap', () => {
    const atEnd = { ...column, bottom: 768, canScrollDown: false }
    expect(edgeScroll(760, [atEnd, page])).toEqual({ index: 1, step: expect.any(Number) })
    expect(edgeScroll(760, [atEnd, { ...page, canScrollDown: false }])).toBeNull()
    // Upwards the column can still go, so it is the one that moves.
    expect(edgeScroll(105, [atEnd, page])?.index).toBe(0)
  })
})
