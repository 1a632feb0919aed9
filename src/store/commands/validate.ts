import type { HarvestDB } from '../db'
import { RecordMissing, write } from '../writer'
import { newMilestoneFields } from '../../domain/milestone-types'

/** What a milestone moves: a key result (which implies its objective), an objective alone, or nothing yet. */
export type MilestoneLink = { readonly keyResultId: string } | { readonly objectiveId: string } | null

/**
 * Links a milestone to a key result or an objective. A key result brings its objective along,
 * read in the same transaction, so the two fields never disagree.
 */
export async function linkMilestone(db: HarvestDB, milestoneId: string, link: MilestoneLink): Promise<void> {
  await write(db, async writer => {
    if (link === null) return void (await writer.update(milestoneId, 'milestone', { keyResultId: null, objectiveId: null }))
    if ('objectiveId' in link) {
      return void (await writer.update(milestoneId, 'milestone', { keyResultId: null, objectiveId: link.objectiveId }))
    }
    const keyResult = await writer.get(link.keyResultId, 'keyResult')
    if (!keyResult || keyResult.deleted !== undefined) throw new RecordMissing('key result', link.keyResultId)
    await writer.update(milestoneId, 'milestone', {
      keyResultId: keyResult.id,
      objectiveId: keyResult.fields.objectiveId,
    })
  })
}

/** Adds or removes one milestone from what another unlocks: read and written in one transaction. */
export async function toggleUnlock(db: HarvestDB, milestoneId: string, unlockedId: string): Promise<void> {
  if (milestoneId === unlockedId) throw new Error('A milestone cannot unlock itself.')
  await write(db, async writer => {
    const milestone = await writer.get(milestoneId, 'milestone')
    if (!milestone) throw new RecordMissing('milestone', milestoneId)
    const unlocks = milestone.fields.unlocks
    await writer.update(milestoneId, 'milestone', {
      unlocks: unlocks.includes(unlockedId) ? unlocks.filter(id => id !== unlockedId) : [...unlocks, unlockedId],
    })
  })
}

/** A milestone the room adds while walking through the clusters ("add missing ideas"). */
export async function addMilestone(db: HarvestDB, workshopId: string, title: string): Promise<string> {
  const trimmed = title.trim()
  if (!trimmed) throw new Error('A milestone needs a title.')
  return write(db, async writer => {
    const milestone = await writer.create('milestone', workshopId, newMilestoneFields(trimmed))
    return milestone.id
  })
}
