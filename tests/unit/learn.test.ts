import { describe, expect, it } from 'vitest'
import { learnOrder, type LearnMilestone } from '../../src/domain/learn'
import { createRecord } from '../../src/domain/record'
import type { Evidence, Fields, Importance, Kind, Rec } from '../../src/domain/types'

const rec = <K extends Kind>(kind: K, id: string, fields: Fields<K>): Rec<K> =>
  createRecord(kind, id, 'w', fields, '000000000001-0000-test')

const objectives = [rec('objective', 'o1', { title: 'Trust', position: 1 }), rec('objective', 'o2', { title: 'Growth', position: 2 })]

const hypothesis = (id: string, objectiveId: string, position: number, marks: { evidence?: Evidence; importance?: Importance } = {}) =>
  rec('hypothesis', id, { objectiveId, keyResultIds: [], text: `Hypothesis ${id}`, position, ...marks })

const milestone = (id: string, hypothesisId: string | null, type: LearnMilestone['type']): LearnMilestone => ({
  id,
  title: `Milestone ${id}`,
  type,
  hypothesisId,
})

const order = (...args: Parameters<typeof learnOrder>) => learnOrder(...args).map(entry => entry.hypothesisId)

describe('learnOrder', () => {
  it('puts what matters most and is known least first', () => {
    const hypotheses = [
      hypothesis('strong-high', 'o1', 1, { evidence: 'strong', importance: 'high' }),
      hypothesis('none-low', 'o1', 2, { evidence: 'none', importance: 'low' }),
      hypothesis('some-high', 'o1', 3, { evidence: 'some', importance: 'high' }),
      hypothesis('none-high', 'o2', 1, { evidence: 'none', importance: 'high' }),
      hypothesis('strong-low', 'o2', 2, { evidence: 'strong', importance: 'low' }),
    ]
    expect(order(hypotheses, objectives, [])).toEqual(['none-high', 'some-high', 'strong-high', 'none-low', 'strong-low'])
  })

  it('places unmarked hypotheses between the marks, not first and not last', () => {
    const hypotheses = [
      hypothesis('low', 'o1', 1, { evidence: 'none', importance: 'low' }),
      hypothesis('unmarked', 'o1', 2),
      hypothesis('high-unknown-evidence', 'o1', 3, { importance: 'high' }),
      hypothesis('high-strong', 'o1', 4, { evidence: 'strong', importance: 'high' }),
      hypothesis('high-none', 'o1', 5, { evidence: 'none', importance: 'high' }),
    ]
    const entries = learnOrder(hypotheses, objectives, [])
    expect(entries.map(e => e.hypothesisId)).toEqual(['high-none', 'high-unknown-evidence', 'high-strong', 'unmarked', 'low'])
    expect(entries.find(e => e.hypothesisId === 'unmarked')).toMatchObject({ evidence: null, importance: null, standsOut: false })
  })

  it('breaks a tie of marks by what nothing tests first, then by the plan’s order', () => {
    const marks = { evidence: 'none', importance: 'high' } as const
    const hypotheses = [
      hypothesis('h-o2', 'o2', 1, marks),
      hypothesis('h-o1-b', 'o1', 2, marks),
      hypothesis('h-o1-a', 'o1', 1, marks),
      hypothesis('tested', 'o1', 0, marks),
    ]
    const milestones = [milestone('spike', 'tested', 'spike'), milestone('epic', 'h-o1-b', 'epic')]
    const entries = learnOrder(hypotheses, objectives, milestones)
    expect(entries.map(e => e.hypothesisId)).toEqual(['h-o1-a', 'h-o1-b', 'h-o2', 'tested'])
    expect(entries.map(e => e.label)).toEqual(['H2', 'H3', 'H4', 'H1'])
    // The same order whatever order the records come in.
    expect(order([...hypotheses].reverse(), objectives, [...milestones].reverse())).toEqual(entries.map(e => e.hypothesisId))
  })

  it('lists each hypothesis’s milestones, and makes one that matters and nothing tests stand out', () => {
    const hypotheses = [
      hypothesis('no-milestone', 'o1', 1, { evidence: 'some', importance: 'high' }),
      hypothesis('only-an-epic', 'o1', 2, { evidence: 'some', importance: 'high' }),
      hypothesis('signal-tested', 'o1', 3, { evidence: 'none', importance: 'high' }),
      hypothesis('low-untested', 'o1', 4, { evidence: 'none', importance: 'low' }),
    ]
    const milestones = [
      milestone('signal', 'signal-tested', 'signal-test'),
      milestone('epic', 'only-an-epic', 'epic'),
      milestone('untyped', 'signal-tested', null),
      milestone('loose', null, 'spike'),
    ]
    const entries = new Map(learnOrder(hypotheses, objectives, milestones).map(e => [e.hypothesisId, e]))
    expect(entries.get('no-milestone')).toMatchObject({ milestones: [], tested: false, standsOut: true })
    expect(entries.get('only-an-epic')).toMatchObject({ tested: false, standsOut: true })
    expect(entries.get('only-an-epic')!.milestones.map(m => m.id)).toEqual(['epic'])
    expect(entries.get('signal-tested')).toMatchObject({ tested: true, standsOut: false })
    expect(entries.get('signal-tested')!.milestones.map(m => m.id)).toEqual(['signal', 'untyped'])
    expect(entries.get('low-untested')).toMatchObject({ tested: false, standsOut: false })
  })

  it('is empty without hypotheses', () => {
    expect(learnOrder([], objectives, [milestone('loose', null, 'spike')])).toEqual([])
  })
})
