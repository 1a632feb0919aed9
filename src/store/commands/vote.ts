import { voteId } from '../../domain/ids'
import type { Rec } from '../../domain/types'
import { checkVote, voteLimits, type VoteCheck } from '../../domain/votes'
import type { HarvestDB } from '../db'
import { RecordMissing, write } from '../writer'

/**
 * One voter adds (+1) or takes back (−1) a dot on one milestone. The budget and the cap are
 * checked here, in the same transaction that reads this voter's votes and writes the new
 * count, so two quick taps cannot both slip under the limit. A refusal writes nothing and
 * says why, in words to show the voter.
 */
export async function castVote(
  db: HarvestDB,
  workshopId: string,
  participantId: string,
  milestoneId: string,
  delta: 1 | -1,
): Promise<VoteCheck> {
  return write(db, async writer => {
    const workshop = await writer.get(workshopId, 'workshop')
    if (!workshop) throw new RecordMissing('workshop', workshopId)
    if (workshop.fields.votingClosed) return refused('closed', 'Voting is closed')
    const milestone = await writer.get(milestoneId, 'milestone')
    if (!milestone || milestone.deleted !== undefined) return refused('gone', 'This milestone has been removed')

    const live = (kind: 'vote' | 'milestone') =>
      db.records
        .where('[workshopId+kind]')
        .equals([workshopId, kind])
        .filter(record => record.deleted === undefined)
        .toArray()
    const liveMilestones = new Set((await live('milestone')).map(record => record.id))
    // Dots on a milestone removed since no longer count against the voter's budget.
    const own = ((await live('vote')) as Rec<'vote'>[])
      .map(vote => vote.fields)
      .filter(vote => vote.participantId === participantId && liveMilestones.has(vote.milestoneId))

    const check = checkVote(own, milestoneId, delta, voteLimits(workshop.fields))
    if (!check.ok) return check

    const id = voteId(participantId, milestoneId)
    const stored = await db.records.get(id)
    if (!stored) await writer.create('vote', workshopId, { participantId, milestoneId, count: check.count }, id)
    // A vote's id is fixed, so it is never tombstoned: taking every dot back leaves a count of 0.
    else if (stored.deleted !== undefined) return refused('gone', 'This vote was removed on another tablet')
    else await writer.update(id, 'vote', { count: check.count })
    return check
  })
}

function refused(reason: 'closed' | 'gone', message: string): VoteCheck {
  return { ok: false, reason, message }
}

/** Closing shows the totals to everyone; reopening hides them again until the next close. */
export async function setVotingClosed(db: HarvestDB, workshopId: string, closed: boolean): Promise<void> {
  await write(db, writer => writer.update(workshopId, 'workshop', { votingClosed: closed }))
}
