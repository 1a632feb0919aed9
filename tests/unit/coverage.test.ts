import { describe, expect, it } from 'vitest'
import { coverageGaps, gapText, missingParts } from '../../src/domain/coverage'
import type { Okrs } from '../../src/domain/labels'
import { createRecord } from '../../src/domain/record'
import type { Fields, Kind, Rec } from '../../src/domain/types'

const rec = <K extends Kind>(kind: K, id: string, fields: Fields<K>): Rec<K> =>
  createRecord(kind, id, 'w', fields, '000000000001-0000-test')

const okrs: Okrs = {
  objectives: [rec('objective', 'o1', { title: 'Build trust', position: 1 }), rec('objective', 'o2', { title: 'Grow', position: 2 })],
  keyResults: [
    rec('keyResult', 'k2', { objectiveId: 'o2', text: 'Invites', position: 1 }),
    rec('keyResult', 'k1b', { objectiveId: 'o1', text: 'Fewer bad matches', position: 2 }),
    rec('keyResult', 'k1a', { objectiveId: 'o1', text: 'Ratings up', position: 1 }),
  ],
  hypotheses: [
    rec('hypothesis', 'h1', { objectiveId: 'o1', keyResultIds: [], text: 'Easier feedback, more ratings', position: 1 }),
    rec('hypothesis', 'h2', { objectiveId: 'o1', keyResultIds: [], text: 'Better ranking, fairer matches', position: 2 }),
    rec('hypothesis', 'h3', { objectiveId: 'o2', keyResultIds: [], text: 'Attribution, more invites', position: 3 }),
  ],
}

const milestone = (id: string, patch: Partial<Fields<'milestone'>>) =>
  rec('milestone', id, {
    title: id,
    type: null,
    hypothesisId: null,
    keyResultId: null,
    objectiveId: null,
    unlocks: [],
    validates: '',
    ...patch,
  })

const testCard = { criterion: '30% rate within a week', deadline: 'after 2 weeks', ifRight: 'persevere', ifWrong: 'drop' } as const

describe('missingParts', () => {
  it('asks for a type, a hypothesis and a link', () => {
    expect(missingParts(milestone('m', {}).fields, okrs)).toEqual(['type', 'hypothesis', 'link'])
    expect(missingParts(milestone('m', { type: 'spike', hypothesisId: 'h1', objectiveId: 'o1', ...testCard }).fields, okrs)).toEqual([])
    expect(missingParts(milestone('m', { type: 'epic', hypothesisId: 'h1', keyResultId: 'k1a' }).fields, okrs)).toEqual([])
  })

  it('asks a Spike or Signal Test for its test card, part by part, and an Epic or Enabler for none', () => {
    const linked = { hypothesisId: 'h1', objectiveId: 'o1' } as const
    for (const type of ['spike', 'signal-test'] as const) {
      expect(missingParts(milestone('m', { type, ...linked }).fields, okrs)).toEqual(['criterion', 'deadline', 'decision'])
      expect(missingParts(milestone('m', { type, ...linked, ...testCard, criterion: '  ' }).fields, okrs)).toEqual(['criterion'])
      expect(missingParts(milestone('m', { type, ...linked, ...testCard, deadline: '2026-02-30' }).fields, okrs)).toEqual([
        'deadline',
      ])
      expect(missingParts(milestone('m', { type, ...linked, ...testCard, ifWrong: undefined }).fields, okrs)).toEqual(['decision'])
    }
    for (const type of ['epic', 'enabler'] as const) {
      expect(missingParts(milestone('m', { type, ...linked }).fields, okrs)).toEqual([])
    }
  })

  it('counts a link to something removed as missing', () => {
    expect(missingParts(milestone('m', { type: 'epic', hypothesisId: 'gone', keyResultId: 'gone' }).fields, okrs)).toEqual([
      'hypothesis',
      'link',
    ])
  })
})

describe('coverageGaps', () => {
  it('finds a hypothesis with no milestone, one with no Spike or Signal Test, and a key result with no milestone', () => {
    const milestones = [
      milestone('epic for h1', { type: 'epic', hypothesisId: 'h1', keyResultId: 'k1a' }),
      milestone('test for h3', { type: 'signal-test', hypothesisId: 'h3', keyResultId: 'k2' }),
      milestone('untyped for h3', { hypothesisId: 'h3' }),
    ]
    const gaps = coverageGaps(milestones, okrs)
    expect(gaps).toEqual([
      { kind: 'hypothesis-untested', hypothesisId: 'h1' },
      { kind: 'hypothesis-without-milestone', hypothesisId: 'h2' },
      { kind: 'key-result-without-milestone', keyResultId: 'k1b' },
    ])
    expect(gaps.map(gap => gapText(gap, okrs))).toEqual([
      'Hypothesis "Easier feedback, more ratings" has no Spike or Signal Test to test it',
      'Hypothesis "Better ranking, fairer matches" has no milestone',
      'KR2 of Objective "Build trust" has no milestone',
    ])
  })

  it('finds nothing when every hypothesis is tested and every key result has a milestone', () => {
    const milestones = [
      milestone('a', { type: 'spike', hypothesisId: 'h1', keyResultId: 'k1a' }),
      milestone('b', { type: 'signal-test', hypothesisId: 'h2', keyResultId: 'k1b' }),
      milestone('c', { type: 'spike', hypothesisId: 'h3', keyResultId: 'k2' }),
    ]
    expect(coverageGaps(milestones, okrs)).toEqual([])
  })
})
