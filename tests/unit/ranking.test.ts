import { describe, expect, it } from 'vitest'
import { rankMilestones, tiesToSettle, unlockOrder, type TieSettlement } from '../../src/domain/ranking'

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

describe('ties and how the room settles them', () => {
  const milestones = [m('a', 'Alpha'), m('b', 'Beta'), m('c', 'Cache'), m('d', 'Delta'), m('e', 'Echo')]
  // a, b and c tied for 1st with 4 votes; d alone; e with none.
  const totals = new Map([
    ['a', 4],
    ['b', 4],
    ['c', 4],
    ['d', 2],
  ])
  const rows = (settlements: TieSettlement[] = []) =>
    rankMilestones(milestones, totals, settlements).map(r => [r.item.id, r.place, r.tied, r.tieBreakVotes, r.tieAccepted])

  it('shows a tie as a shared place, and offers to settle only ties among milestones with votes', () => {
    expect(rows()).toEqual([
      ['a', 1, true, null, false],
      ['b', 1, true, null, false],
      ['c', 1, true, null, false],
      ['d', 4, false, null, false],
      ['e', 5, false, null, false],
    ])
    expect(tiesToSettle(rankMilestones(milestones, totals))).toEqual([{ place: 1, votes: 4, milestoneIds: ['a', 'b', 'c'] }])
    const zeroTie = rankMilestones([m('x', 'X'), m('y', 'Y')], new Map())
    expect(zeroTie.map(r => r.tied)).toEqual([true, true])
    expect(tiesToSettle(zeroTie)).toEqual([])
  })

  it('orders a tie by the dots of its tie-break round, and leaves what is still level tied', () => {
    const round: TieSettlement = { milestoneIds: ['c', 'a', 'b'], votes: 4, outcome: new Map([['c', 3], ['a', 1], ['b', 1]]) }
    expect(rows([round])).toEqual([
      ['c', 1, false, 3, false],
      ['a', 2, true, 1, false],
      ['b', 2, true, 1, false],
      ['d', 4, false, null, false],
      ['e', 5, false, null, false],
    ])
    expect(tiesToSettle(rankMilestones(milestones, totals, [round]))).toEqual([{ place: 2, votes: 4, milestoneIds: ['a', 'b'] }])
    // A second round among the two still level settles them in turn.
    const second: TieSettlement = { milestoneIds: ['b', 'a'], votes: 4, outcome: new Map([['b', 2]]) }
    expect(rows([round, second]).slice(0, 3)).toEqual([
      ['c', 1, false, 3, false],
      ['b', 2, false, 2, false],
      ['a', 3, false, 0, false],
    ])
  })

  it('keeps an accepted tie tied without offering it again, and ignores a settlement for another tie', () => {
    const accepted: TieSettlement = { milestoneIds: ['a', 'b', 'c'], votes: 4, outcome: 'accepted' }
    expect(rows([accepted]).slice(0, 3)).toEqual([
      ['a', 1, true, null, true],
      ['b', 1, true, null, true],
      ['c', 1, true, null, true],
    ])
    expect(tiesToSettle(rankMilestones(milestones, totals, [accepted]))).toEqual([])
    // Settled at other totals, or among other milestones: the tie as it is now stands unsettled.
    const stale: TieSettlement[] = [
      { milestoneIds: ['a', 'b', 'c'], votes: 3, outcome: new Map([['a', 2]]) },
      { milestoneIds: ['a', 'b'], votes: 4, outcome: 'accepted' },
    ]
    expect(rows(stale)).toEqual(rows())
  })

  it('leaves a round that ended level tied, with its dots shown', () => {
    const level: TieSettlement = { milestoneIds: ['a', 'b', 'c'], votes: 4, outcome: new Map([['a', 1], ['b', 1], ['c', 1]]) }
    expect(rows([level]).slice(0, 3)).toEqual([
      ['a', 1, true, 1, false],
      ['b', 1, true, 1, false],
      ['c', 1, true, 1, false],
    ])
    expect(tiesToSettle(rankMilestones(milestones, totals, [level]))).toHaveLength(1)
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
