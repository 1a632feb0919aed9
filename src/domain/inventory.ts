import { coverageGaps, gapText, missingParts, type CoverageGap } from './coverage'
import { keyResultLabel, milestoneCardLines, objectiveLabel, type CardLine, type MissingPart, type Okrs, hypothesisLabels } from './labels'
import { learnOrder, type LearnEntry } from './learn'
import { MILESTONE_CATALOGUE, type MilestoneType } from './milestone-types'
import { decisionText } from './test-card'
import { compareTitles, rankMilestones, unlockOrder } from './ranking'
import { settlementsOf } from './ties'
import type { Evidence, Fields, Importance, Rec } from './types'
import { voteFlags, voteFlagText, voteLimits, voteTotals, type VoteFlag } from './votes'

/** The live records of one workshop that the inventory is made from. */
export interface InventoryRecords extends Okrs {
  readonly workshop: Rec<'workshop'>
  readonly milestones: readonly Rec<'milestone'>[]
  readonly cards: readonly Rec<'card'>[]
  readonly participants: readonly Rec<'participant'>[]
  readonly votes: readonly Rec<'vote'>[]
  /** How the room settled ties in the vote (tie-break rounds, accepted ties). */
  readonly tieBreaks?: readonly Rec<'tieBreak'>[]
}

export interface MilestoneRef {
  readonly id: string
  readonly title: string
  /** Its step in the order of work: how the printout names it without printing its title again. */
  readonly step: number
}

export interface InventoryMilestone {
  readonly id: string
  readonly title: string
  readonly type: MilestoneType | null
  readonly typeLabel: string | null
  /** Dots from the vote; null while voting is open, so nobody reads totals early. */
  readonly votes: number | null
  /** 1 for the most votes; equal votes share a place. By title alone while voting is open. */
  readonly place: number
  readonly tied: boolean
  /** The milestone as the seed writes it: Milestone / Type / Hypothesis / Link. */
  readonly card: readonly CardLine[]
  readonly hypothesisId: string | null
  /** The objective it is grouped under: its hypothesis's, else the one it links to. */
  readonly objectiveId: string | null
  /** Its place in the order of work, from 1: what other parts and the printout refer to it by. */
  readonly step: number
  /** What it moves, short for a table: the objective's title and the key result's "KR3", if any. */
  readonly link: { readonly objective: string; readonly keyResult: string | null } | null
  readonly unlocks: readonly MilestoneRef[]
  readonly unlockedBy: readonly MilestoneRef[]
  readonly validates: string
  /** Its test card: "we are right if …", by when, and "persevere if right, pivot if wrong"; '' where blank. */
  readonly criterion: string
  readonly deadline: string
  readonly decision: string
  /** The idea cards clustered into it; `author` is null when the workshop is anonymous. */
  readonly cards: readonly { readonly id: string; readonly text: string; readonly author: string | null }[]
  readonly missing: readonly MissingPart[]
  /** Part of a circle of unlocks. */
  readonly inCycle: boolean
}

export interface InventoryHypothesis {
  readonly id: string
  /** "H2": its number among all the workshop's hypotheses, as ideation numbers them. */
  readonly label: string
  readonly text: string
  /** Milestone ids, best ranked first. */
  readonly milestoneIds: readonly string[]
  readonly gap: 'no-milestone' | 'untested' | null
  /** The room's marks; null while unmarked. */
  readonly evidence: Evidence | null
  readonly importance: Importance | null
}

export interface InventoryObjective {
  readonly id: string
  readonly title: string
  /** `Objective "…"`. */
  readonly label: string
  readonly keyResults: readonly { readonly id: string; readonly label: string; readonly text: string; readonly milestoneCount: number }[]
  readonly hypotheses: readonly InventoryHypothesis[]
  /** Milestones linked to this objective (or one of its key results) but to no hypothesis yet. */
  readonly withoutHypothesis: readonly string[]
}

/**
 * The strategic inventory the session ends with, as plain data: the screen, the print view
 * and the export all read this one structure. Milestones are listed once, in `milestones`
 * (ranked); every other part refers to them by id.
 */
export interface Inventory {
  readonly title: string
  readonly date: string
  readonly votingClosed: boolean
  readonly milestones: readonly InventoryMilestone[]
  readonly objectives: readonly InventoryObjective[]
  /** Milestones linked to neither a hypothesis nor an objective. */
  readonly unplaced: readonly string[]
  /** Milestone ids in working order: what unlocks before what it unlocks, otherwise by rank. */
  readonly order: readonly string[]
  readonly cycles: readonly (readonly string[])[]
  readonly gaps: readonly { readonly gap: CoverageGap; readonly text: string }[]
  /** Hypotheses in the order to learn the most: high importance and low evidence first (domain/learn.ts). */
  readonly learn: readonly LearnEntry[]
  /** Votes the rules forbid but a merge brought; empty while voting is open. */
  readonly voteFlags: readonly { readonly flag: VoteFlag; readonly text: string }[]
  readonly incompleteCount: number
}

export function buildInventory(records: InventoryRecords): Inventory {
  const { workshop, milestones } = records
  const okrs: Okrs = records
  const closed = workshop.fields.votingClosed
  const liveIds = new Set(milestones.map(m => m.id))
  const totals = voteTotals(
    records.votes.map(v => v.fields),
    liveIds,
  )
  // While voting is open the inventory is ranked by title alone: totals stay blind.
  const settlements = closed ? settlementsOf(records.tieBreaks ?? [], records.votes.map(v => v.fields)) : []
  const ranked = rankMilestones(milestones, closed ? totals : new Map(), settlements)
  const titleOf = new Map(milestones.map(m => [m.id, m.fields.title.trim() || 'Untitled milestone']))
  const { order, cycles } = unlockOrder(ranked.map(r => ({ id: r.item.id, unlocks: r.item.fields.unlocks })))
  const inCycle = new Set(cycles.flat())
  const stepOf = new Map(order.map((id, index) => [id, index + 1]))
  const ref = (id: string): MilestoneRef => ({ id, title: titleOf.get(id)!, step: stepOf.get(id)! })
  const names = new Map(records.participants.map(p => [p.id, p.fields.name || 'Unnamed participant']))
  // One pass each, so 5,000 cards in 500 milestones cost thousands of steps, not millions.
  const hypothesisById = new Map(records.hypotheses.map(h => [h.id, h]))
  const cardsOf = groupBy(records.cards, card => card.fields.milestoneId)
  const unlockersOf = new Map<string, string[]>()
  for (const m of milestones) {
    for (const id of new Set(m.fields.unlocks)) {
      if (id === m.id) continue
      const list = unlockersOf.get(id)
      if (list) list.push(m.id)
      else unlockersOf.set(id, [m.id])
    }
  }

  const inventoryMilestones = ranked.map(({ item, votes, place, tied }): InventoryMilestone => {
    const f = item.fields
    const hypothesis = f.hypothesisId ? hypothesisById.get(f.hypothesisId) : undefined
    return {
      id: item.id,
      title: titleOf.get(item.id)!,
      type: f.type,
      typeLabel: f.type ? MILESTONE_CATALOGUE[f.type].label : null,
      votes: closed ? votes : null,
      place,
      tied: closed && tied,
      card: milestoneCardLines(f, okrs),
      hypothesisId: hypothesis?.id ?? null,
      objectiveId: hypothesis?.fields.objectiveId ?? linkedObjective(item, okrs),
      step: stepOf.get(item.id)!,
      link: shortLink(f, okrs),
      unlocks: f.unlocks.filter(id => liveIds.has(id) && id !== item.id).map(ref),
      unlockedBy: (unlockersOf.get(item.id) ?? []).map(ref),
      validates: f.validates,
      criterion: f.criterion ?? '',
      deadline: f.deadline ?? '',
      decision: decisionText(f),
      cards: (cardsOf.get(item.id) ?? []).map(card => ({
        id: card.id,
        text: card.fields.text,
        author: workshop.fields.anonymous ? null : (names.get(card.fields.authorId) ?? null),
      })),
      missing: missingParts(f, okrs),
      inCycle: inCycle.has(item.id),
    }
  })

  const gaps = coverageGaps(milestones, okrs)
  const hypothesisGap = (id: string): InventoryHypothesis['gap'] => {
    const gap = gaps.find(g => g.kind !== 'key-result-without-milestone' && g.hypothesisId === id)
    return gap ? (gap.kind === 'hypothesis-without-milestone' ? 'no-milestone' : 'untested') : null
  }
  const objectiveIds = new Set(records.objectives.map(o => o.id))
  const hypothesisNumbers = hypothesisLabels(records.hypotheses, records.objectives)

  const objectives = records.objectives.map((objective): InventoryObjective => {
    const here = inventoryMilestones.filter(m => m.objectiveId === objective.id)
    return {
      id: objective.id,
      title: objective.fields.title || 'Untitled objective',
      label: objectiveLabel(objective),
      keyResults: records.keyResults
        .filter(kr => kr.fields.objectiveId === objective.id)
        .sort((a, b) => a.fields.position - b.fields.position || (a.id < b.id ? -1 : 1))
        .map(kr => ({
          id: kr.id,
          label: keyResultLabel(kr, records.keyResults),
          text: kr.fields.text,
          milestoneCount: milestones.filter(m => m.fields.keyResultId === kr.id).length,
        })),
      hypotheses: records.hypotheses
        .filter(h => h.fields.objectiveId === objective.id)
        .map(h => ({
          id: h.id,
          label: hypothesisNumbers.get(h.id) ?? 'H?',
          text: h.fields.text,
          milestoneIds: here.filter(m => m.hypothesisId === h.id).map(m => m.id),
          gap: hypothesisGap(h.id),
          evidence: h.fields.evidence ?? null,
          importance: h.fields.importance ?? null,
        })),
      withoutHypothesis: here.filter(m => m.hypothesisId === null).map(m => m.id),
    }
  })

  const limits = voteLimits(workshop.fields)
  const flags = closed ? voteFlags(records.votes.map(v => v.fields), limits, liveIds) : []
  return {
    title: workshop.fields.title,
    date: workshop.fields.date,
    votingClosed: closed,
    milestones: inventoryMilestones,
    objectives,
    unplaced: inventoryMilestones
      .filter(m => m.objectiveId === null || !objectiveIds.has(m.objectiveId))
      .map(m => m.id),
    order,
    cycles,
    gaps: gaps.map(gap => ({ gap, text: gapText(gap, okrs) })),
    learn: learnOrder(
      records.hypotheses,
      records.objectives,
      inventoryMilestones.map(m => ({ id: m.id, title: m.title, type: m.type, hypothesisId: m.hypothesisId })),
    ),
    voteFlags: flags
      .map(flag => ({
        flag,
        text: voteFlagText(flag, {
          participant: id => names.get(id) ?? 'A removed participant',
          milestone: id => titleOf.get(id) ?? 'a removed milestone',
        }),
      }))
      .sort((a, b) => compareTitles(a.text, b.text)),
    incompleteCount: inventoryMilestones.filter(m => m.missing.length > 0).length,
  }
}

/** The objective a milestone is linked to, directly or through its key result. */
function linkedObjective(milestone: Rec<'milestone'>, okrs: Okrs): string | null {
  const keyResult = okrs.keyResults.find(kr => kr.id === milestone.fields.keyResultId)
  if (keyResult) return keyResult.fields.objectiveId
  return okrs.objectives.some(o => o.id === milestone.fields.objectiveId) ? milestone.fields.objectiveId : null
}

function shortLink(milestone: Fields<'milestone'>, okrs: Okrs): InventoryMilestone['link'] {
  const keyResult = okrs.keyResults.find(kr => kr.id === milestone.keyResultId)
  const objectiveId = keyResult ? keyResult.fields.objectiveId : milestone.objectiveId
  const objective = okrs.objectives.find(o => o.id === objectiveId)
  if (!objective) return keyResult ? { objective: 'a removed objective', keyResult: keyResultLabel(keyResult, okrs.keyResults) } : null
  return {
    objective: objective.fields.title || 'Untitled objective',
    keyResult: keyResult ? keyResultLabel(keyResult, okrs.keyResults) : null,
  }
}

/** The inventory's milestones by id, for the parts that refer to them. */
export function milestonesById(inventory: Inventory): ReadonlyMap<string, InventoryMilestone> {
  return new Map(inventory.milestones.map(m => [m.id, m]))
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>()
  for (const item of items) {
    const k = key(item)
    const list = groups.get(k)
    if (list) list.push(item)
    else groups.set(k, [item])
  }
  return groups
}
