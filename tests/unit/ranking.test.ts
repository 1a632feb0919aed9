import { describe, expect, it } from 'vitest'
import { rankMilestones, unlockOrder } from '../../src/domain/ranking'

const m = (id: string, title: string) => ({ id, fields: { title } })

describe('rankMilestones', () => {
  it('puts the most votes first and breaks ties by title, then by id', () => {
    const milestones = [m('c', 'Cache'), m('b2', 'Beta'), m('a', 'alpha'), m('b1', 'Beta'), m('z', 'Zeta')]
    const totals = new Map([
      ['c', 1],
      ['b2', 4],
      ['a', 4],
      ['b1', 4],
    ])
    const ranked = rankMilestones(milestones, totals)
    expect(ranked.map(r => [r.item.id, r.votes, r.place, r.tied])).toEqual([
      ['a', 4, 1, true],
      ['b1', 4, 1, true],
      ['b2', 4, 1, true],
      ['c', 1, 4, false],
      ['z', 0, 5, false],
    ])
  })

  it('gives the same order whatever order the milestones arrive in', () => {
    const milestones = [m('x', 'Same'), m('y', 'same'), m('w', 'Other')]
    const one = rankMilestones(milestones, new Map()).map(r => r.item.id)
    const other = rankMilestones([...milestones].reverse(), new Map()).map(r => r.item.id)
    expect(one).toEqual(other)
    expect(one[0]).toBe('w')
  })
})

describe('unlockOrder', () => {
  it('puts what unlocks before what it unlocks, otherwise keeps rank order', () => {
    // Rank order: a, b, c, d. c unlocks a; d unlocks b.
    const result = unlockOrder([
      { id: 'a', unlocks: [] },
      { id: 'b', unlocks: [] },
      { id: 'c', unlocks: ['a'] },
      { id: 'd', unlocks: ['b', 'gone'] },
    ])
    expect(result).toEqual({ order: ['c', 'a', 'd', 'b'], cycles: [] })
  })

  it('flags a circle of unlocks and still orders every milestone once', () => {
    // a → b → c → a is a circle; d unlocks a; e stands alone.
    const result = unlockOrder([
      { id: 'e', unlocks: [] },
      { id: 'b', unlocks: ['c'] },
      { id: 'a', unlocks: ['b'] },
      { id: 'c', unlocks: ['a'] },
      { id: 'd', unlocks: ['a'] },
    ])
    expect(result.cycles).toEqual([['b', 'a', 'c']])
    expect([...result.order].sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
    // d waits on nothing, so it goes before the circle it leads into.
    expect(result.order.indexOf('d')).toBeLessThan(result.order.indexOf('a'))
    expect(result.order[0]).toBe('e')
  })

  it('flags a milestone that unlocks itself', () => {
    expect(unlockOrder([{ id: 'a', unlocks: ['a'] }])).toEqual({ order: ['a'], cycles: [['a']] })
  })
})
