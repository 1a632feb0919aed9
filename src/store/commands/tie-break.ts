import { checkTieBreakVote, tieBreakId } from '../../domain/ties'
import type { Rec, TieBreakState } from '../../domain/types'
import { voteTotals } from '../../domain/votes'
import type { HarvestDB } from '../db'
import { RecordMissing, write, type Writer } from '../writer'
import { liveOf } from './vote'

export type TieCommandResult = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly message: string }

const STALE = 'The totals have changed since: this tie is no longer there. Look at the totals again.'

/**
 * Settles a tie, or starts to: 'voting' opens a tie-break round among the tied milestones (a
 * round that ended level starts again with its dots cleared); 'accepted' keeps the tie as it
 * is. The tie is checked against the totals in the same transaction, so a stale screen after
 * a merge cannot settle a tie that is no longer there.
 */
export async function settleTie(
  db: HarvestDB,
  workshopId: string,
  milestoneIds: readonly string[],
  votes: number,
  state: Exclude<TieBreakState, 'closed'>,
): Promise<TieCommandResult> {
  return write(db, async writer => {
    const workshop = await writer.get(workshopId, 'workshop')
    if (!workshop) throw new RecordMissing('workshop', workshopId)
    if (!workshop.fields.votingClosed) return { ok: false, message: 'Close voting before settling a tie' }
    const live = new Set((await liveOf(db, workshopId, 'milestone')).map(m => m.id))
    const dots = await liveOf(db, workshopId, 'vote')
    const totals = voteTotals(
      dots.map(dot => dot.fields),
      live,
    )
    if (milestoneIds.length < 2 || milestoneIds.some(id => totals.get(id) !== votes)) return { ok: false, message: STALE }

    const id = tieBreakId(workshopId, milestoneIds, votes)
    const known = await writer.get(id, 'tieBreak')
    if (!known) {
      await writer.create('tieBreak', workshopId, { milestoneIds: [...milestoneIds].sort(), votes, state }, id)
      return { ok: true, id }
    }
    if (state === 'voting') await clearRound(writer, dots, id)
    await writer.update(id, 'tieBreak', { state })
    return { ok: true, id }
  })
}

async function clearRound(writer: Writer, dots: readonly Rec<'vote'>[], tieBreakId: string): Promise<void> {
  for (const dot of dots) if (dot.fields.tieBreakId === tieBreakId) await writer.remove(dot.id)
}

/**
 * A seat's one dot in a tie-break round, on one of the tied milestones. Choosing again moves
 * the dot: the seat's earlier dot in this round is taken back in the same transaction.
 */
export async function castTieBreakVote(
  db: HarvestDB,
  tieBreakId: string,
  participantId: string,
  milestoneId: string,
): Promise<TieCommandResult> {
  return write(db, async writer => {
    const tieBreak = await writer.get(tieBreakId, 'tieBreak')
    const check = checkTieBreakVote(tieBreak, milestoneId)
    if (!check.ok) return check
    const own = (await liveOf(db, tieBreak!.workshopId, 'vote')).filter(
      dot => dot.fields.tieBreakId === tieBreakId && dot.fields.participantId === participantId,
    )
    if (own.length === 1 && own[0]!.fields.milestoneId === milestoneId) return { ok: true, id: own[0]!.id }
    for (const dot of own) await writer.remove(dot.id)
    const dot = await writer.create('vote', tieBreak!.workshopId, { participantId, milestoneId, tieBreakId })
    return { ok: true, id: dot.id }
  })
}

/** Ends a tie-break round: its dots show, and order the tied milestones. */
export async function closeTieBreak(db: HarvestDB, tieBreakId: string): Promise<void> {
  await write(db, async writer => {
    const tieBreak = await writer.get(tieBreakId, 'tieBreak')
    if (tieBreak?.fields.state === 'voting') await writer.update(tieBreakId, 'tieBreak', { state: 'closed' })
  })
}
