import { describe, expect, it } from 'vitest'
import {
  autoPairs,
  checkTimebox,
  checkVoteRules,
  comparePairs,
  groupByPair,
  pairChoices,
  wholeNumber,
} from '../../src/domain/setup-rules'

describe('whole numbers as typed', () => {
  it('takes digits only, from 1 to the limit', () => {
    expect(wholeNumber(' 5 ', 99)).toBe(5)
    expect(wholeNumber('99', 99)).toBe(99)
    for (const refused of ['', '0', '-1', '2.5', '3a', '1e2', '100']) expect(wholeNumber(refused, 99)).toBeNull()
  })
})

describe('vote rules', () => {
  it('accepts a cap within the budget', () => {
    expect(checkVoteRules('5', '3')).toEqual({ ok: true, value: { votesPerPerson: 5, votesPerMilestone: 3 } })
    expect(checkVoteRules('3', '3').ok).toBe(true)
  })

  it('refuses a cap larger than the budget, naming both numbers', () => {
    const checked = checkVoteRules('3', '4')
    expect(checked).toMatchObject({ ok: false, field: 'votesPerMilestone' })
    expect(!checked.ok && checked.message).toContain('(4)')
    expect(!checked.ok && checked.message).toContain('(3)')
  })

  it('refuses a budget or a cap that is not a whole number of at least 1', () => {
    expect(checkVoteRules('0', '1')).toMatchObject({ ok: false, field: 'votesPerPerson' })
    expect(checkVoteRules('5', 'two')).toMatchObject({ ok: false, field: 'votesPerMilestone' })
  })
})

describe('time-boxes', () => {
  it('takes whole minutes from 1 to 240', () => {
    expect(checkTimebox('7', 'Silent ideation')).toEqual({ ok: true, value: 7 })
    const refused = checkTimebox('0', 'Silent ideation')
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.message).toContain('Silent ideation')
    expect(checkTimebox('241', 'Context').ok).toBe(false)
  })
})

describe('pairs', () => {
  it('pairs a roster two by two in order, the odd one out joining the last pair', () => {
    expect(autoPairs(4)).toEqual(['Pair 1', 'Pair 1', 'Pair 2', 'Pair 2'])
    expect(autoPairs(5)).toEqual(['Pair 1', 'Pair 1', 'Pair 2', 'Pair 2', 'Pair 2'])
    expect(autoPairs(1)).toEqual(['Pair 1'])
    expect(autoPairs(0)).toEqual([])
  })

  it('orders pairs by number, and offers the next one as new', () => {
    expect(['Pair 10', 'Pair 2', 'Design', 'Pair 1'].sort(comparePairs)).toEqual(['Pair 1', 'Pair 2', 'Pair 10', 'Design'])
    expect(pairChoices(['Pair 2', '', 'Pair 2', 'Pair 1 '])).toEqual({ existing: ['Pair 1', 'Pair 2'], next: 'Pair 3' })
    expect(pairChoices([]).next).toBe('Pair 1')
  })

  it('groups people by pair, the unpaired last', () => {
    const people = [
      { name: 'Ana', pair: 'Pair 2' },
      { name: 'Ben', pair: '' },
      { name: 'Chloé', pair: 'Pair 1' },
      { name: 'Dev', pair: 'Pair 2' },
    ]
    expect(groupByPair(people).map(group => [group.pair, group.people.map(person => person.name)])).toEqual([
      ['Pair 1', ['Chloé']],
      ['Pair 2', ['Ana', 'Dev']],
      ['', ['Ben']],
    ])
  })
})
