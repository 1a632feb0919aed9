import { describe, expect, it } from 'vitest'
import { createRecord } from '../../src/domain/record'
import {
  hypothesisLabels,
  incompleteLabel,
  keyResultLabel,
  linkLabel,
  milestoneCardLines,
  milestoneCardText,
  orderHypotheses,
  type Okrs,
} from '../../src/domain/labels'
import type { Fields, Kind, Rec } from '../../src/domain/types'

const stamp = '000000000001-0000-test'
const rec = <K extends Kind>(kind: K, id: string, fields: Fields<K>): Rec<K> => createRecord(kind, id, 'w', fields, stamp)

const trust = rec('objective', 'o1', { title: 'Build trust through match experiences', position: 1 })
const growth = rec('objective', 'o2', { title: 'Drive growth through social sharing', position: 2 })
// Listed out of order on purpose: the number comes from position, not from the list.
const keyResults = [
  rec('keyResult', 'k3', { objectiveId: 'o1', text: 'Feedback completion above 60%', position: 30 }),
  rec('keyResult', 'k1', { objectiveId: 'o1', text: 'Ratings up 30%', position: 10 }),
  rec('keyResult', 'k4', { objectiveId: 'o2', text: 'Invites', position: 1 }),
  rec('keyResult', 'k2', { objectiveId: 'o1', text: 'Bad matches down', position: 20 }),
]
const hypothesis = rec('hypothesis', 'h1', {
  objectiveId: 'o1',
  keyResultIds: ['k3'],
  text: 'If we make feedback easier, more players will submit ratings',
  position: 1,
})
const okrs: Okrs = { objectives: [trust, growth], keyResults, hypotheses: [hypothesis] }

const milestone = (patch: Partial<Fields<'milestone'>> = {}): Fields<'milestone'> => ({
  title: 'Email-based match feedback form',
  type: null,
  hypothesisId: null,
  keyResultId: null,
  objectiveId: null,
  unlocks: [],
  validates: '',
  ...patch,
})

describe('keyResultLabel', () => {
  it('numbers a key result among its own objective’s key results, by position', () => {
    expect(keyResultLabel(keyResults[1]!, keyResults)).toBe('KR1')
    expect(keyResultLabel(keyResults[3]!, keyResults)).toBe('KR2')
    expect(keyResultLabel(keyResults[0]!, keyResults)).toBe('KR3')
    expect(keyResultLabel(keyResults[2]!, keyResults)).toBe('KR1')
  })

  it('breaks equal positions by id, the same on every tablet', () => {
    const a = rec('keyResult', 'b', { objectiveId: 'o', text: '', position: 1 })
    const b = rec('keyResult', 'a', { objectiveId: 'o', text: '', position: 1 })
    expect(keyResultLabel(a, [a, b])).toBe('KR2')
    expect(keyResultLabel(b, [a, b])).toBe('KR1')
  })

  it('renumbers when a key result before it is gone, and says KR? for one not listed', () => {
    const withoutFirst = keyResults.filter(kr => kr.id !== 'k1')
    expect(keyResultLabel(keyResults[0]!, withoutFirst)).toBe('KR2')
    expect(keyResultLabel(keyResults[1]!, withoutFirst)).toBe('KR?')
  })
})

describe('the seed’s milestone card', () => {
  it('writes the card as the seed does', () => {
    const card = milestoneCardText(milestone({ type: 'epic', hypothesisId: 'h1', keyResultId: 'k3', objectiveId: 'o1' }), okrs)
    expect(card).toBe(
      [
        'Milestone: Email-based match feedback form',
        'Type: Epic',
        'Hypothesis: If we make feedback easier, more players will submit ratings',
        'Link: KR3 of Objective "Build trust through match experiences"',
      ].join('\n'),
    )
  })

  it('links to an objective alone, and leaves what is undecided empty', () => {
    expect(linkLabel({ keyResultId: null, objectiveId: 'o2' }, okrs)).toBe('Objective "Drive growth through social sharing"')
    expect(linkLabel({ keyResultId: 'gone', objectiveId: null }, okrs)).toBeNull()
    const lines = milestoneCardLines(milestone({ title: '  ' }), okrs)
    expect(lines).toEqual([
      { label: 'Milestone', value: 'Untitled milestone' },
      { label: 'Type', value: null },
      { label: 'Hypothesis', value: null },
      { label: 'Link', value: null },
    ])
  })

  it('takes the objective from the key result, whatever objective field was left behind', () => {
    expect(linkLabel({ keyResultId: 'k4', objectiveId: 'o1' }, okrs)).toBe('KR1 of Objective "Drive growth through social sharing"')
  })
})

describe('incompleteLabel', () => {
  it('names what is missing in words', () => {
    expect(incompleteLabel([])).toBeNull()
    expect(incompleteLabel(['type'])).toBe('Incomplete: needs a type')
    expect(incompleteLabel(['type', 'hypothesis'])).toBe('Incomplete: needs a type and a hypothesis')
    expect(incompleteLabel(['type', 'hypothesis', 'link'])).toBe(
      'Incomplete: needs a type, a hypothesis and a key result or objective',
    )
  })
})

describe('hypothesis numbers', () => {
  const objective = (id: string, position: number) => ({ id, fields: { position } })
  const hypothesis = (id: string, objectiveId: string, position: number) => ({ id, fields: { objectiveId, position } })

  it('number hypotheses by their objective’s place, then their own, across the workshop', () => {
    const objectives = [objective('o2', 2), objective('o1', 1)]
    // Positions are kept within each objective, so they repeat across objectives.
    const hypotheses = [hypothesis('c', 'o2', 1), hypothesis('b', 'o1', 2), hypothesis('a', 'o1', 1), hypothesis('x', 'gone', 1)]
    expect(orderHypotheses(hypotheses, objectives).map(h => h.id)).toEqual(['a', 'b', 'c', 'x'])
    expect([...hypothesisLabels(hypotheses, objectives)]).toEqual([
      ['a', 'H1'],
      ['b', 'H2'],
      ['c', 'H3'],
      ['x', 'H4'],
    ])
  })
})
