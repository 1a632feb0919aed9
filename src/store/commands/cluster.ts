import { titleFromCardText } from '../../domain/similarity'
import type { Fields, Rec } from '../../domain/types'
import type { HarvestDB } from '../db'
import { RecordMissing, write, type Writer } from '../writer'
import { newMilestoneFields } from '../../domain/milestone-types'

/*
 * Read & cluster. A card is in a milestone when its `milestoneId` names it: moving a card is
 * one field of one record, so two tablets moving different cards merge without a conflict,
 * and the same card moved on two tablets ends where the later move put it.
 */

/** "Reveal all cards": from now on every tablet that has this workshop shows the cards. */
export async function revealCards(db: HarvestDB, workshopId: string): Promise<void> {
  await write(db, writer => writer.update(workshopId, 'workshop', { revealed: true }))
}

/** Puts cards into an existing milestone, in one transaction. */
export async function groupCards(db: HarvestDB, cardIds: readonly string[], milestoneId: string): Promise<void> {
  requireCards(cardIds)
  await write(db, async writer => {
    await requireMilestone(writer, milestoneId)
    await moveCards(writer, cardIds, milestoneId)
  })
}

export interface NewMilestoneOptions {
  /**
   * Take only the cards that are still ungrouped, as an accepted suggestion does: a card
   * someone grouped meanwhile stays where that person put it.
   */
  readonly onlyUngrouped?: boolean
}

/**
 * A new milestone holding these cards, titled from the first card's text (the room renames
 * it). Also how a milestone is split: the selected cards move out to the new one.
 * Returns the new milestone's id.
 */
export async function newMilestoneFromCards(
  db: HarvestDB,
  workshopId: string,
  cardIds: readonly string[],
  options: NewMilestoneOptions = {},
): Promise<string> {
  requireCards(cardIds)
  return write(db, async writer => {
    const cards = await liveCards(writer, cardIds)
    const taken = options.onlyUngrouped ? await stillUngrouped(writer, cards) : cards
    if (taken.length === 0) throw new Error('These cards have been grouped meanwhile; nothing was changed.')
    const title = titleFromCardText(taken[0]!.fields.text)
    const milestone = await writer.create('milestone', workshopId, newMilestoneFields(title))
    await moveCards(
      writer,
      taken.map(card => card.id),
      milestone.id,
    )
    return milestone.id
  })
}

/** Takes cards out of their milestones, back to the ungrouped cards. */
export async function ungroupCards(db: HarvestDB, cardIds: readonly string[]): Promise<void> {
  requireCards(cardIds)
  await write(db, writer => moveCards(writer, cardIds, null))
}

/**
 * Merges one milestone into another: every card of `fromId` moves to `intoId`, what `intoId`
 * has not decided yet is taken from `fromId`, links to `fromId` are pointed at `intoId`, and
 * `fromId` becomes a tombstone, so no tablet's later merge brings it back.
 */
export async function mergeMilestones(
  db: HarvestDB,
  workshopId: string,
  fromId: string,
  intoId: string,
): Promise<void> {
  if (fromId === intoId) throw new Error('A milestone cannot be merged into itself.')
  await write(db, async writer => {
    const from = await requireMilestone(writer, fromId)
    const into = await requireMilestone(writer, intoId)
    const cards = await cardsIn(db, workshopId, fromId)
    await moveCards(
      writer,
      cards.map(card => card.id),
      intoId,
    )
    await writer.update(intoId, 'milestone', decidedOnlyIn(from.fields, into.fields, intoId))
    await repointUnlocks(writer, db, workshopId, fromId, intoId)
    await writer.remove(fromId)
  })
}

/** Removes a milestone; its cards go back to the ungrouped cards, whole. */
export async function removeMilestone(db: HarvestDB, workshopId: string, milestoneId: string): Promise<void> {
  await write(db, async writer => {
    await requireMilestone(writer, milestoneId)
    const cards = await cardsIn(db, workshopId, milestoneId)
    await moveCards(
      writer,
      cards.map(card => card.id),
      null,
    )
    await repointUnlocks(writer, db, workshopId, milestoneId, null)
    await writer.remove(milestoneId)
  })
}

function requireCards(cardIds: readonly string[]) {
  if (cardIds.length === 0) throw new Error('Select at least one card first.')
}

async function requireMilestone(writer: Writer, id: string): Promise<Rec<'milestone'>> {
  const milestone = await writer.get(id, 'milestone')
  if (!milestone) throw new RecordMissing('milestone', id)
  if (milestone.deleted !== undefined) {
    throw new Error('This milestone has been removed or merged (perhaps on another tablet); nothing was changed.')
  }
  return milestone
}

async function liveCards(writer: Writer, cardIds: readonly string[]): Promise<Rec<'card'>[]> {
  const cards: Rec<'card'>[] = []
  for (const id of cardIds) {
    const card = await writer.get(id, 'card')
    if (!card) throw new RecordMissing('card', id)
    if (card.deleted === undefined) cards.push(card)
  }
  return cards
}

/** Cards whose milestone is gone count as ungrouped, as the screen shows them. */
async function stillUngrouped(writer: Writer, cards: readonly Rec<'card'>[]): Promise<Rec<'card'>[]> {
  const free: Rec<'card'>[] = []
  for (const card of cards) {
    const milestoneId = card.fields.milestoneId
    const milestone = milestoneId ? await writer.get(milestoneId, 'milestone') : undefined
    if (!milestone || milestone.deleted !== undefined) free.push(card)
  }
  return free
}

async function moveCards(writer: Writer, cardIds: readonly string[], milestoneId: string | null): Promise<void> {
  for (const card of await liveCards(writer, cardIds)) {
    // Only the one field: the card's author and text stay exactly as they were written.
    await writer.update(card.id, 'card', { milestoneId })
  }
}

async function cardsIn(db: HarvestDB, workshopId: string, milestoneId: string): Promise<Rec<'card'>[]> {
  const cards = (await db.records.where('[workshopId+kind]').equals([workshopId, 'card']).toArray()) as Rec<'card'>[]
  return cards.filter(card => card.deleted === undefined && card.fields.milestoneId === milestoneId)
}

/** The fields the kept milestone leaves open, filled from the merged one. */
function decidedOnlyIn(
  from: Fields<'milestone'>,
  into: Fields<'milestone'>,
  intoId: string,
): Partial<Fields<'milestone'>> {
  const patch: { -readonly [F in keyof Fields<'milestone'>]?: Fields<'milestone'>[F] } = {}
  if (!into.title.trim() && from.title.trim()) patch.title = from.title
  if (into.type === null && from.type !== null) patch.type = from.type
  if (into.hypothesisId === null && from.hypothesisId !== null) patch.hypothesisId = from.hypothesisId
  if (into.keyResultId === null && from.keyResultId !== null) patch.keyResultId = from.keyResultId
  if (into.objectiveId === null && from.objectiveId !== null) patch.objectiveId = from.objectiveId
  if (!into.validates.trim() && from.validates.trim()) patch.validates = from.validates
  const unlocks = [...new Set([...into.unlocks, ...from.unlocks])].filter(id => id !== intoId)
  if (unlocks.length !== into.unlocks.length) patch.unlocks = unlocks
  return patch
}

/** Other milestones that unlock `fromId` now unlock `toId` (or nothing, when it was removed). */
async function repointUnlocks(
  writer: Writer,
  db: HarvestDB,
  workshopId: string,
  fromId: string,
  toId: string | null,
): Promise<void> {
  const milestones = (await db.records
    .where('[workshopId+kind]')
    .equals([workshopId, 'milestone'])
    .toArray()) as Rec<'milestone'>[]
  for (const milestone of milestones) {
    if (milestone.deleted !== undefined || milestone.id === fromId) continue
    if (!milestone.fields.unlocks.includes(fromId)) continue
    const unlocks = milestone.fields.unlocks.map(id => (id === fromId ? toId : id))
    const kept = [...new Set(unlocks.filter((id): id is string => id !== null && id !== milestone.id))]
    await writer.update(milestone.id, 'milestone', { unlocks: kept })
  }
}
