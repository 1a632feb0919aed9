import { describe, expect, it } from 'vitest'
import { makeStamp } from '../../src/domain/clock'
import {
  noOwnerSentence,
  ownerChoices,
  ownershipRows,
  pairsOf,
  unownedKeyResults,
  untiedItems,
  WHOLE_TEAM,
} from '../../src/domain/coverage-mapping'
import { createRecord } from '../../src/domain/record'
import type { Fields, Kind, Rec } from '../../src/domain/types'

let serial = 0
function make<K extends Kind>(kind: K, fields: Fields<K>): Rec<K> {
  serial++
  return createRecord(kind, `${kind}-${serial}`, 'w', fields, makeStamp({ wall: 1000 + serial, counter: 0 }, 'dev'))
}

const trust = make('objective', { title: 'Build trust', position: 1 })
const growth = make('objective', { title: 'Drive growth', position: 2 })
const kr = [
  make('keyResult', { objectiveId: trust.id, text: 'Ratings up', position: 1 }),
  make('keyResult', { objectiveId: trust.id, text: 'Bad matches down', position: 2 }),
  make('keyResult', { objectiveId: growth.id, text: 'Invites up', position: 1 }),
]
const item = (pair: string, title: string, objectiveIds: string[], keyResultIds: string[]) =>
  make('scopeItem', { pair, title, category: 'feature', objectiveIds, keyResultIds })

describe('who owns what', () => {
  it('lists each objective then its key results, numbered KR1.. within the objective', () => {
    const rows = ownershipRows([trust, growth], kr, [])
    expect(rows.map(row => `${row.label} ${row.text}`)).toEqual([
      'Objective 1 Build trust',
      'KR1 Ratings up',
      'KR2 Bad matches down',
      'Objective 2 Drive growth',
      'KR1 Invites up',
    ])
  })

  it('puts each owned item on the rows it is tied to', () => {
    const screen = item('Pair 1', 'Post-match screen', [trust.id], [kr[0]!.id])
    const referrals = item('Pair 2', 'Referral service', [], [kr[0]!.id, kr[2]!.id])
    const rows = ownershipRows([trust, growth], kr, [screen, referrals])
    const owners = (id: string) => rows.find(row => row.id === id)!.owners.map(owner => owner.fields.title)
    expect(owners(trust.id)).toEqual(['Post-match screen'])
    expect(owners(kr[0]!.id)).toEqual(['Post-match screen', 'Referral service'])
    expect(owners(kr[2]!.id)).toEqual(['Referral service'])
    expect(owners(growth.id)).toEqual([])
  })

  it('flags every key result nobody owns, an objective tie not counting as owning its key results', () => {
    const screen = item('Pair 1', 'Post-match screen', [trust.id, growth.id], [kr[0]!.id])
    const gaps = unownedKeyResults(ownershipRows([trust, growth], kr, [screen]))
    expect(gaps.map(noOwnerSentence)).toEqual([
      'No one owns KR2 of “Build trust”',
      'No one owns KR1 of “Drive growth”',
    ])
  })

  it('finds no gap once every key result is owned', () => {
    const all = item('Pair 1', 'Everything', [], kr.map(record => record.id))
    expect(unownedKeyResults(ownershipRows([trust, growth], kr, [all]))).toEqual([])
  })

  it('leaves out key results of an objective that is gone, and ties to removed records', () => {
    const orphan = make('keyResult', { objectiveId: 'gone', text: 'Orphan', position: 1 })
    const stale = item('Pair 1', 'Stale', ['gone'], [orphan.id])
    const rows = ownershipRows([trust], [...kr, orphan], [stale])
    expect(rows.some(row => row.id === orphan.id)).toBe(false)
    expect(untiedItems([stale], [trust], kr)).toEqual([stale])
  })
})

describe('pairs', () => {
  const person = (name: string, pair: string) => make('participant', { name, pair, position: serial })

  it('are the distinct pair labels of the roster, in roster order', () => {
    const roster = [person('Ana', 'Pair 1'), person('Ben', ' Pair 1 '), person('Chloé', 'Pair 2'), person('Dev', '')]
    expect(pairsOf(roster)).toEqual(['Pair 1', 'Pair 2'])
  })

  it('fall back to the whole team when no pairs are set, and keep owners that hold items', () => {
    expect(ownerChoices([person('Ana', '')], [])).toEqual([WHOLE_TEAM])
    const held = item('Old pair', 'Kept', [], [])
    expect(ownerChoices([person('Ana', 'Pair 1')], [held])).toEqual(['Pair 1', 'Old pair'])
  })
})
