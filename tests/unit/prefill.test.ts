import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Okrs } from '../../src/domain/labels'
import { hypothesisFromCards, keyResultFromHypothesis, prefillOf } from '../../src/domain/prefill'
import { createRecord } from '../../src/domain/record'
import type { Fields, Kind, Rec } from '../../src/domain/types'

const rec = <K extends Kind>(kind: K, id: string, fields: Fields<K>): Rec<K> =>
  createRecord(kind, id, 'w', fields, '000000000001-0000-test')

const okrs: Okrs = {
  objectives: [rec('objective', 'o1', { title: 'Build trust', position: 1 })],
  keyResults: [
    rec('keyResult', 'k3', { objectiveId: 'o1', text: 'Feedback completion', position: 3 }),
    rec('keyResult', 'k1', { objectiveId: 'o1', text: 'Ratings up', position: 1 }),
    rec('keyResult', 'k2', { objectiveId: 'o1', text: 'Fewer bad matches', position: 2 }),
  ],
  hypotheses: [
    rec('hypothesis', 'h1', { objectiveId: 'o1', keyResultIds: ['k3'], text: 'Easier feedback', position: 1 }),
    rec('hypothesis', 'h2', { objectiveId: 'o1', keyResultIds: ['k3', 'k2'], text: 'Fairer ranking', position: 2 }),
    rec('hypothesis', 'h3', { objectiveId: 'o1', keyResultIds: [], text: 'Attribution', position: 3 }),
  ],
}

const tagged = (...ids: (string | null)[]) => ids.map(hypothesisId => ({ fields: { hypothesisId } }))
const empty: Fields<'milestone'> = {
  title: 'Feedback form',
  type: null,
  hypothesisId: null,
  keyResultId: null,
  objectiveId: null,
  unlocks: [],
  validates: '',
}

describe('the hypothesis most of a milestone’s cards point at', () => {
  it('is the most common tag, counted against all the cards', () => {
    expect(hypothesisFromCards(tagged('h1', 'h2', 'h1', null), okrs.hypotheses)).toEqual({
      hypothesisId: 'h1',
      count: 2,
      cards: 4,
    })
  })

  it('breaks a tie on the hypotheses’ order, whatever the order of the cards', () => {
    expect(hypothesisFromCards(tagged('h3', 'h2'), okrs.hypotheses)?.hypothesisId).toBe('h2')
    expect(hypothesisFromCards(tagged('h2', 'h3'), okrs.hypotheses)?.hypothesisId).toBe('h2')
  })

  it('ignores untagged cards and tags of a removed hypothesis', () => {
    expect(hypothesisFromCards(tagged(null, null), okrs.hypotheses)).toBeNull()
    expect(hypothesisFromCards(tagged('gone', 'gone', 'h3'), okrs.hypotheses)?.hypothesisId).toBe('h3')
    expect(hypothesisFromCards([], okrs.hypotheses)).toBeNull()
  })

  it('suggests the same hypothesis for any order of the same cards', () => {
    const tag = fc.constantFrom('h1', 'h2', 'h3', 'gone', null)
    const tagsAndShuffle = fc
      .array(tag, { maxLength: 12 })
      .chain(tags => fc.tuple(fc.constant(tags), fc.shuffledSubarray(tags, { minLength: tags.length })))
    fc.assert(
      fc.property(tagsAndShuffle, ([tags, shuffled]) => {
        expect(hypothesisFromCards(tagged(...shuffled), okrs.hypotheses)).toEqual(
          hypothesisFromCards(tagged(...tags), okrs.hypotheses),
        )
      }),
    )
  })
})

describe('the key result a hypothesis suggests', () => {
  it('is its only key result, or the first of several in the objective’s order', () => {
    expect(keyResultFromHypothesis(okrs.hypotheses[0]!, okrs.keyResults)).toEqual({ keyResultId: 'k3', of: 1 })
    expect(keyResultFromHypothesis(okrs.hypotheses[1]!, okrs.keyResults)).toEqual({ keyResultId: 'k2', of: 2 })
    expect(keyResultFromHypothesis(okrs.hypotheses[2]!, okrs.keyResults)).toBeNull()
  })
})

describe('what a milestone’s editor prefills', () => {
  it('suggests the cards’ hypothesis and its key result while neither is chosen', () => {
    expect(prefillOf(empty, tagged('h1', 'h1', 'h2'), okrs)).toEqual({
      hypothesis: { hypothesisId: 'h1', count: 2, cards: 3 },
      keyResult: { keyResultId: 'k3', of: 1 },
    })
  })

  it('never second-guesses a choice: a chosen hypothesis gets no suggestion, yet still suggests its key result', () => {
    expect(prefillOf({ ...empty, hypothesisId: 'h2' }, tagged('h1', 'h1'), okrs)).toEqual({
      hypothesis: null,
      keyResult: { keyResultId: 'k2', of: 2 },
    })
    expect(prefillOf({ ...empty, objectiveId: 'o1' }, tagged('h1'), okrs).keyResult).toBeNull()
    expect(prefillOf({ ...empty, hypothesisId: 'h1', keyResultId: 'k1', objectiveId: 'o1' }, tagged('h2'), okrs)).toEqual({
      hypothesis: null,
      keyResult: null,
    })
  })

  it('treats a hypothesis since removed as not chosen', () => {
    expect(prefillOf({ ...empty, hypothesisId: 'gone' }, tagged('h3'), okrs)).toEqual({
      hypothesis: { hypothesisId: 'h3', count: 1, cards: 1 },
      keyResult: null,
    })
  })
})
