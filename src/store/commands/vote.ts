import type { Rec } from '../../domain/types'
import { checkVote, dotToTakeBack, voteLimits, type VoteCheck } from '../../domain/votes'
import type { HarvestDB } from '../db'
import { RecordMissing, write } from '../writer'

/** The live records of one kind in a workshop, read inside the caller's transaction. */
export async function liveOf<K extends 'vote' | 'milestone' | 'participant'>(
  db: HarvestDB,
  workshopId: string,
  kind: K,
): Promise<Rec<K>[]> {
  const records = await db.records
    .where('[workshopId+kind]')
    .equals([workshopId, kind])
    .filter(record => record.deleted === undefined)
    .toArray()
  return records as Rec<K>[]
}

/**
 * One voter adds (+1) or takes back (−1) a dot on one milestone. Adding writes a new dot;
 * taking back tombstones the voter's latest dot there. The budget and the cap are checked in
 * the same transaction that reads this voter's dots and writes, so two quick taps cannot both
 * slip under the limit. A refusal writes nothing and says why, in words to show the voter.
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

    const liveMilestones = new Set((await liveOf(db, workshopId, 'milestone')).map(record => record.id))
    // Dots on a milestone removed since no longer count against the voter's budget.
    const own = (await liveOf(db, workshopId, 'vote')).filter(
      dot => dot.fields.participantId === participantId && liveMilestones.has(dot.fields.milestoneId),
    )
    const check = checkVote(
      own.map(dot => dot.fields),
      milestoneId,
      delta,
      voteLimits(workshop.fields),
    )
    if (!check.ok) return check

    if (delta > 0) await writer.create('vote', workshopId, { participantId, milestoneId, tieBreakId: null })
    else await writer.remove(dotToTakeBack(own, participantId, milestoneId)!.id)
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
