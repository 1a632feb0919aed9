import { describe, expect, it } from 'vitest'
import {
  jaccard,
  normalizeWords,
  stemWord,
  suggestGroups,
  titleFromCardText,
  wordSet,
} from '../../src/domain/similarity'

const stems = (text: string) => normalizeWords(text).map(word => word.stem)

describe('normalizeWords', () => {
  it('lowers case, strips punctuation and diacritics, and drops stop words, numbers and short words', () => {
    expect(stems('Run an A/B test on the Café’s UX — 2 weeks!')).toEqual(['run', 'test', 'caf', 'week'])
    expect(normalizeWords('Café crème').map(word => word.surface)).toEqual(['cafe', 'creme'])
  })

  it('keeps no fragments of contractions', () => {
    expect(stems("They'll invite friends if we don't nag")).toEqual(['invit', 'friend', 'nag'])
  })

  it('meets the forms of one word through a light stem', () => {
    expect(new Set(['share', 'shares', 'shared', 'sharing'].map(stemWord)).size).toBe(1)
    expect(new Set(['invite', 'invites', 'invited', 'inviting'].map(stemWord)).size).toBe(1)
    expect(stemWord('matches')).toBe(stemWord('match'))
    expect(stemWord('referrals')).toBe(stemWord('referral'))
    expect(stemWord('strategies')).toBe(stemWord('strategy'))
    expect(stemWord('shopping')).toBe('shop')
  })

  it('does not cut words that only look like plurals or participles', () => {
    expect(stemWord('status')).toBe('status')
    expect(stemWord('analysis')).toBe('analysis')
    expect(stemWord('access')).toBe('access')
    expect(stemWord('install')).toBe('install')
    expect(stemWord('ring')).toBe('ring')
    expect(stemWord('need')).toBe('need')
    expect(stems('added')).toEqual(['add'])
  })

  it('gives nothing for a text of stop words only', () => {
    expect(wordSet('If we do it, then they will.').size).toBe(0)
  })
})

describe('jaccard', () => {
  it('is the share of distinct words two sets have in common', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBeCloseTo(2 / 4)
    expect(jaccard(new Set(['a']), new Set(['a']))).toBe(1)
    expect(jaccard(new Set(['a']), new Set(['b']))).toBe(0)
  })

  it('is symmetric and 0 for two empty texts', () => {
    const a = wordSet('Referral links with attribution')
    const b = wordSet('Track referrals from shared links')
    expect(jaccard(a, b)).toBe(jaccard(b, a))
    expect(jaccard(a, b)).toBeCloseTo(2 / 5)
    expect(jaccard(new Set(), new Set())).toBe(0)
  })
})

describe('suggestGroups', () => {
  const cards = [
    { id: 'c1', text: 'Referral links with attribution' },
    { id: 'c2', text: 'Share button on match details' },
    { id: 'c3', text: 'Track referrals from shared links' },
    { id: 'c4', text: 'Survey on fairness of matches' },
    { id: 'c5', text: 'Try an Elo variant for ranking' },
    { id: 'c6', text: 'Referral link attribution in the invite flow' },
  ]

  it('groups cards that share enough words, and names the shared words', () => {
    const groups = suggestGroups(cards)
    expect(groups.map(group => group.ids)).toEqual([['c1', 'c3', 'c6']])
    expect(groups[0]!.shared).toEqual(['referral', 'link', 'attribution'])
    expect(groups[0]!.key).toBe('c1,c3,c6')
  })

  it('does not group two cards that share only one common word among many', () => {
    // "match" is shared, but 1 word of 6 is below the threshold.
    const groups = suggestGroups([
      { id: 'a', text: 'Share button on match details' },
      { id: 'b', text: 'Survey on fairness of matches' },
    ])
    expect(groups).toEqual([])
  })

  it('does not chain half-related cards into one group', () => {
    // A is like B, B is like C, but A and C have nothing in common.
    const groups = suggestGroups([
      { id: 'A', text: 'referral reward email' },
      { id: 'B', text: 'referral reward ranking leaderboard' },
      { id: 'C', text: 'ranking leaderboard season' },
    ])
    expect(groups).toHaveLength(1)
    expect(groups[0]!.ids).toEqual(['A', 'B'])
  })

  it('does not group longer cards on a single common word, even at the threshold', () => {
    // {tap, rating, match} and {show, match}: 1/4 alike, but only "match" in common.
    const pair = [
      { id: 'a', text: 'One-tap rating after each match' },
      { id: 'b', text: 'Show why a match was made' },
    ]
    expect(suggestGroups(pair)).toEqual([])
    expect(suggestGroups(pair, { minShared: 1 })).toHaveLength(1)
  })

  it('lets a card of one word match on that word', () => {
    const groups = suggestGroups([
      { id: 'a', text: 'Rankings!' },
      { id: 'b', text: 'Ranking algorithm spike' },
    ])
    expect(groups.map(group => group.shared)).toEqual([['ranking']])
  })

  it('follows the threshold', () => {
    // 2 words in common out of 7: 0.29 alike.
    const pair = [
      { id: 'a', text: 'invite rewards for friends by email' },
      { id: 'b', text: 'invite rewards on the clan leaderboard each season' },
    ]
    expect(suggestGroups(pair, { threshold: 0.25 })).toHaveLength(1)
    expect(suggestGroups(pair, { threshold: 0.3 })).toHaveLength(0)
  })

  it('ignores cards without words and leaves single cards out', () => {
    expect(suggestGroups([{ id: 'a', text: '!!!' }, { id: 'b', text: '' }, { id: 'c', text: 'ranking' }])).toEqual([])
  })

  it('gives the same groups whatever the order of the cards', () => {
    const forward = suggestGroups(cards).map(group => group.key)
    const backward = suggestGroups([...cards].reverse()).map(group => group.key)
    expect(backward).toEqual(forward)
  })

  it('groups 500 cards, each suggestion holding two or more of them', () => {
    const templates = cards.map(card => card.text)
    const many = Array.from({ length: 500 }, (_, index) => ({
      id: `card-${index}`,
      text: `Idea ${index}: ${templates[index % templates.length]}`,
    }))
    const groups = suggestGroups(many)
    expect(groups.length).toBeGreaterThan(0)
    expect(groups.every(group => group.ids.length >= 2)).toBe(true)
    const ids = new Set(many.map(card => card.id))
    expect(groups.every(group => group.ids.every(id => ids.has(id)))).toBe(true)
  })
})

describe('titleFromCardText', () => {
  it('keeps a short text whole, on one line', () => {
    expect(titleFromCardText('  Share button\non match details ')).toBe('Share button on match details')
  })

  it('cuts a long text at a word', () => {
    const title = titleFromCardText('Email a short feedback form after every match so players can rate it quickly', 40)
    expect(title).toBe('Email a short feedback form after every…')
    expect(title.length).toBeLessThanOrEqual(40)
  })
})
