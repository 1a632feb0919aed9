import { describe, expect, it } from 'vitest'
import { allot, boardCost, FIRST_TILES, PANEL_COST } from '../../src/phases/cluster/filling'

const milestones = (...cards: number[]) => cards.map((count, index) => ({ id: `m${index + 1}`, cards: count }))

describe('the board filling in: what each slice draws', () => {
  it('shares the first screenful between both columns when both are full', () => {
    const shape = { ungrouped: 1000, milestones: milestones(...Array<number>(100).fill(10)) }
    const first = allot(FIRST_TILES, shape)
    expect(first.ungrouped).toBe(FIRST_TILES / 2)
    // The first milestone whole, the second in part, the rest not yet.
    expect(first.milestones.get('m1')).toBe(10)
    expect(first.milestones.get('m2')).toBe(FIRST_TILES / 2 - 2 * PANEL_COST - 10)
    expect(first.milestones.has('m3')).toBe(false)
  })

  it('gives a column the whole budget when the other has nothing left to draw', () => {
    expect(allot(FIRST_TILES, { ungrouped: 5000, milestones: [] }).ungrouped).toBe(FIRST_TILES)
    const grouped = allot(FIRST_TILES, { ungrouped: 0, milestones: milestones(10, 10, 10, 10, 10) })
    expect(grouped.ungrouped).toBe(0)
    // 3 whole milestones (14 tiles' worth each), then what is left of the budget to the fourth.
    expect([...grouped.milestones]).toEqual([
      ['m1', 10],
      ['m2', 10],
      ['m3', 10],
      ['m4', FIRST_TILES - 3 * (PANEL_COST + 10) - PANEL_COST],
    ])
  })

  it('draws a milestone just made or merged into whole, wherever it is', () => {
    const shape = { ungrouped: 0, milestones: milestones(...Array<number>(50).fill(10), 3) }
    const slice = allot(FIRST_TILES, shape, 'm51')
    expect(slice.milestones.get('m51')).toBe(3)
    expect(slice.milestones.has('m50')).toBe(false)
  })

  it('draws everything once the budget covers the board', () => {
    const shape = { ungrouped: 7, milestones: milestones(0, 12, 1) }
    const all = allot(boardCost(shape), shape)
    expect(all.ungrouped).toBe(7)
    expect([...all.milestones]).toEqual([
      ['m1', 0],
      ['m2', 12],
      ['m3', 1],
    ])
    expect(boardCost(shape)).toBe(7 + 13 + 3 * PANEL_COST)
  })
})
