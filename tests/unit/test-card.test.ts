import { describe, expect, it } from 'vitest'
import * as v from 'valibot'
import { makeStamp } from '../../src/domain/clock'
import { createRecord } from '../../src/domain/record'
import { decisionText, deadlineText, isDeadlineText, parseDeadline } from '../../src/domain/test-card'
import { incompleteLabel } from '../../src/domain/labels'
import { RecordSchema } from '../../src/exchange/records-schema'

describe('a test card’s deadline', () => {
  it('is a real date or a number of weeks, written the way it reads', () => {
    expect(parseDeadline('2026-12-15')).toEqual({ kind: 'date', date: '2026-12-15' })
    expect(parseDeadline('after 3 weeks')).toEqual({ kind: 'weeks', weeks: 3 })
    expect(parseDeadline('after 1 week')).toEqual({ kind: 'weeks', weeks: 1 })
    expect(deadlineText({ kind: 'weeks', weeks: 1 })).toBe('after 1 week')
    expect(deadlineText({ kind: 'weeks', weeks: 6 })).toBe('after 6 weeks')
    for (const wrong of ['2026-02-30', '2026-13-01', 'after 0 weeks', 'after 105 weeks', 'soon', '15/12/2026', ' after 3 weeks']) {
      expect(parseDeadline(wrong)).toBeNull()
      expect(isDeadlineText(wrong)).toBe(false)
    }
    expect(isDeadlineText('')).toBe(true)
  })
})

describe('a test card’s decision', () => {
  it('reads as what the room does either way, a side not chosen as “?”', () => {
    expect(decisionText({ ifRight: 'persevere', ifWrong: 'pivot' })).toBe('persevere if right, pivot if wrong')
    expect(decisionText({ ifWrong: 'drop' })).toBe('? if right, drop if wrong')
    expect(decisionText({})).toBe('')
  })

  it('is named among the missing parts in the room’s words', () => {
    expect(incompleteLabel(['criterion', 'deadline', 'decision'])).toBe(
      'Incomplete: needs a “we are right if”, a deadline and a decision either way',
    )
  })
})

describe('records with the new fields', () => {
  const base = { title: 'Spike', type: 'spike', hypothesisId: null, keyResultId: null, objectiveId: null, unlocks: [], validates: '' } as const
  const stamp = makeStamp({ wall: Date.UTC(2026, 0, 5), counter: 0 }, 'tablet0000000001')

  it('read with or without them, and keep them', () => {
    const old = createRecord('milestone', 'm1', 'w', base, stamp)
    expect(v.safeParse(RecordSchema, old).success).toBe(true)
    const card = { criterion: 'Half, "or more", rate\nin a week', deadline: 'after 2 weeks', ifRight: 'persevere', ifWrong: 'drop' } as const
    const full = createRecord('milestone', 'm1', 'w', { ...base, ...card }, stamp)
    const parsed = v.safeParse(RecordSchema, JSON.parse(JSON.stringify(full)))
    expect(parsed.success && parsed.output).toEqual(full)
    const hypothesis = createRecord(
      'hypothesis',
      'h1',
      'w',
      { objectiveId: 'o', keyResultIds: [], text: 'x', position: 1, evidence: 'some', importance: 'high' },
      stamp,
    )
    const read = v.safeParse(RecordSchema, JSON.parse(JSON.stringify(hypothesis)))
    expect(read.success && read.output).toEqual(hypothesis)
  })

  it('refuse a value the card cannot hold, or one without its stamp', () => {
    const withDeadline = (deadline: string) => createRecord('milestone', 'm1', 'w', { ...base, deadline }, stamp)
    expect(v.safeParse(RecordSchema, withDeadline('next spring')).success).toBe(false)
    const decided = createRecord('milestone', 'm1', 'w', { ...base, ifRight: 'persevere' }, stamp)
    expect(v.safeParse(RecordSchema, { ...decided, fields: { ...decided.fields, ifRight: 'celebrate' } }).success).toBe(false)
    const { ifRight: _, ...unstamped } = decided.stamps as Record<string, string>
    expect(v.safeParse(RecordSchema, { ...decided, stamps: unstamped }).success).toBe(false)
    const marked = createRecord('hypothesis', 'h1', 'w', { objectiveId: 'o', keyResultIds: [], text: 'x', position: 1, evidence: 'some' }, stamp)
    expect(v.safeParse(RecordSchema, { ...marked, fields: { ...marked.fields, evidence: 'lots' } }).success).toBe(false)
  })
})
