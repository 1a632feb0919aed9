import { describe, expect, it } from 'vitest'
import { buildInventory, milestonesById, type InventoryRecords } from '../../src/domain/inventory'
import { createRecord } from '../../src/domain/record'
import { DEFAULT_TIMEBOXES, type Fields, type Kind, type Rec } from '../../src/domain/types'

const rec = <K extends Kind>(kind: K, id: string, fields: Fields<K>): Rec<K> =>
  createRecord(kind, id, 'w', fields, '000000000001-0000-test')

function room(options: { closed: boolean; anonymous?: boolean }): InventoryRecords {
  const workshop = rec('workshop', 'w', {
    title: 'Off-site',
    date: '2026-11-24',
    phase: 'inventory',
    secret: 's',
    votesPerPerson: 5,
    votesPerMilestone: 3,
    anonymous: options.anonymous ?? true,
    timeboxes: DEFAULT_TIMEBOXES,
    revealed: true,
    votingClosed: options.closed,
    timer: null,
  })
  const objectives = [
    rec('objective', 'o1', { title: 'Build trust through match experiences', position: 1 }),
    rec('objective', 'o2', { title: 'Drive growth through social sharing', position: 2 }),
  ]
  const keyResults = [
    rec('keyResult', 'k1', { objectiveId: 'o1', text: 'Ratings up 30%', position: 1 }),
    rec('keyResult', 'k2', { objectiveId: 'o1', text: 'Bad matches down 20%', position: 2 }),
    rec('keyResult', 'k3', { objectiveId: 'o1', text: 'Feedback completion 60%', position: 3 }),
    rec('keyResult', 'k4', { objectiveId: 'o2', text: 'Invites 15%', position: 1 }),
  ]
  const hypotheses = [
    rec('hypothesis', 'h1', { objectiveId: 'o1', keyResultIds: ['k3'], text: 'If we make feedback easier, more players will submit ratings', position: 1 }),
    rec('hypothesis', 'h2', { objectiveId: 'o1', keyResultIds: ['k2'], text: 'Fairer ranking', position: 2 }),
    rec('hypothesis', 'h3', { objectiveId: 'o2', keyResultIds: ['k4'], text: 'Share with attribution', position: 3 }),
  ]
  const m = (id: string, patch: Partial<Fields<'milestone'>>) =>
    rec('milestone', id, { title: id, type: null, hypothesisId: null, keyResultId: null, objectiveId: null, unlocks: [], validates: '', ...patch })
  const milestones = [
    m('Email-based match feedback form', { type: 'epic', hypothesisId: 'h1', keyResultId: 'k3', objectiveId: 'o1', unlocks: ['Feedback signal test'] }),
    m('Feedback signal test', {
      type: 'signal-test',
      hypothesisId: 'h1',
      keyResultId: 'k1',
      objectiveId: 'o1',
      ...{ criterion: '30% rate within a week', deadline: 'after 2 weeks', ifRight: 'persevere', ifWrong: 'pivot' },
    }),
    m('Share button', { type: 'epic', hypothesisId: 'h3', keyResultId: 'k4', objectiveId: 'o2', validates: 'People share' }),
    m('Cache', { type: 'enabler', objectiveId: 'o2', unlocks: ['Share button'] }),
    m('Loose idea', {}),
  ]
  const participants = [rec('participant', 'ana', { name: 'Ana', pair: 'P1', position: 1 }), rec('participant', 'ben', { name: 'Ben', pair: 'P1', position: 2 })]
  const v = (p: string, milestoneId: string, count: number) =>
    Array.from({ length: count }, (_, n) => rec('vote', `dot.${p}.${milestoneId}.${n}`, { participantId: p, milestoneId, tieBreakId: null }))
  const votes = [
    v('ana', 'Share button', 3),
    v('ana', 'Feedback signal test', 3), // 6: over budget after a merge
    v('ben', 'Email-based match feedback form', 2),
    v('ben', 'Feedback signal test', 1),
    v('ben', 'Share button', 1),
  ].flat()
  const cards = [rec('card', 'c1', { authorId: 'ana', text: 'Email a feedback form', hypothesisId: 'h1', sealed: false, milestoneId: 'Email-based match feedback form' })]
  return { workshop, objectives, keyResults, hypotheses, milestones, cards, participants, votes }
}

describe('buildInventory', () => {
  it('ranks milestones by votes, ties by title, and groups them by objective and hypothesis', () => {
    const inventory = buildInventory(room({ closed: true }))
    expect(inventory.milestones.map(m => [m.title, m.votes, m.place])).toEqual([
      ['Feedback signal test', 4, 1],
      ['Share button', 4, 1],
      ['Email-based match feedback form', 2, 3],
      ['Cache', 0, 4],
      ['Loose idea', 0, 4],
    ])
    const [trust, growth] = inventory.objectives
    expect(trust!.keyResults.map(kr => `${kr.label} ${kr.text} (${kr.milestoneCount})`)).toEqual([
      'KR1 Ratings up 30% (1)',
      'KR2 Bad matches down 20% (0)',
      'KR3 Feedback completion 60% (1)',
    ])
    expect(trust!.hypotheses.map(h => [h.id, h.milestoneIds, h.gap])).toEqual([
      ['h1', ['Feedback signal test', 'Email-based match feedback form'], null],
      ['h2', [], 'no-milestone'],
    ])
    expect(growth!.hypotheses[0]!.gap).toBe('untested')
    expect(growth!.withoutHypothesis).toEqual(['Cache'])
    expect(inventory.unplaced).toEqual(['Loose idea'])
    expect(inventory.incompleteCount).toBe(2)
  })

  it('writes each milestone as the seed’s card, with what it unlocks and validates', () => {
    const byId = milestonesById(buildInventory(room({ closed: true })))
    const email = byId.get('Email-based match feedback form')!
    expect(email.card.map(line => `${line.label}: ${line.value}`)).toEqual([
      'Milestone: Email-based match feedback form',
      'Type: Epic',
      'Hypothesis: If we make feedback easier, more players will submit ratings',
      'Link: KR3 of Objective "Build trust through match experiences"',
    ])
    expect(email.unlocks).toEqual([{ id: 'Feedback signal test', title: 'Feedback signal test', step: byId.get('Feedback signal test')!.step }])
    expect(email.cards).toEqual([{ id: 'c1', text: 'Email a feedback form', author: null }])
    expect(byId.get('Feedback signal test')!.unlockedBy.map(m => m.id)).toEqual(['Email-based match feedback form'])
    expect(byId.get('Share button')!.validates).toBe('People share')
    const named = milestonesById(buildInventory(room({ closed: true, anonymous: false })))
    expect(named.get('Email-based match feedback form')!.cards[0]!.author).toBe('Ana')
  })

  it('numbers each milestone by its step in the order of work and names its link briefly', () => {
    const inventory = buildInventory(room({ closed: true }))
    const byId = milestonesById(inventory)
    expect(inventory.order.map(id => byId.get(id)!.step)).toEqual([1, 2, 3, 4, 5])
    expect(byId.get('Email-based match feedback form')!.link).toEqual({ objective: 'Build trust through match experiences', keyResult: 'KR3' })
    expect(byId.get('Cache')!.link).toEqual({ objective: 'Drive growth through social sharing', keyResult: null })
    expect(byId.get('Loose idea')!.link).toBeNull()
  })

  it('orders the work so that what unlocks comes first', () => {
    const inventory = buildInventory(room({ closed: true }))
    const order = inventory.order
    expect(order.indexOf('Email-based match feedback form')).toBeLessThan(order.indexOf('Feedback signal test'))
    expect(order.indexOf('Cache')).toBeLessThan(order.indexOf('Share button'))
    expect(inventory.cycles).toEqual([])
  })

  it('lists coverage gaps and the vote flags a merge brought', () => {
    const inventory = buildInventory(room({ closed: true }))
    expect(inventory.gaps.map(g => g.text)).toEqual([
      'Hypothesis "Fairer ranking" has no milestone',
      'Hypothesis "Share with attribution" has no Spike or Signal Test to test it',
      'KR2 of Objective "Build trust through match experiences" has no milestone',
    ])
    expect(inventory.voteFlags.map(f => f.text)).toEqual(['Ana has 6 votes, budget 5'])
  })

  it('keeps votes blind while voting is open', () => {
    const inventory = buildInventory(room({ closed: false }))
    expect(inventory.milestones.every(m => m.votes === null && !m.tied)).toBe(true)
    expect(inventory.milestones.map(m => m.title)).toEqual([
      'Cache',
      'Email-based match feedback form',
      'Feedback signal test',
      'Loose idea',
      'Share button',
    ])
    expect(inventory.voteFlags).toEqual([])
  })

  it('flags a circle of unlocks instead of failing', () => {
    const records = room({ closed: true })
    const milestones = records.milestones.map(m =>
      m.id === 'Feedback signal test' ? { ...m, fields: { ...m.fields, unlocks: ['Email-based match feedback form'] } } : m,
    )
    const inventory = buildInventory({ ...records, milestones })
    expect(inventory.cycles).toEqual([['Feedback signal test', 'Email-based match feedback form']])
    expect(inventory.order).toHaveLength(5)
    expect(milestonesById(inventory).get('Feedback signal test')!.inCycle).toBe(true)
  })
})
