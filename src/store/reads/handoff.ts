import type { AnyRec, Rec } from '../../domain/types'
import { voteFlagText, voteFlags, voteLimits } from '../../domain/votes'
import { lackedBy } from '../../domain/delta'
import { planIncoming, type IncomingPlan, type IncomingSummary } from '../commands/incoming'
import type { PeerRow } from '../commands/handoff'
import type { HarvestDB } from '../db'
import { workshopRecords } from '../queries'

/** The kinds a join code carries: enough to be in the workshop; the room's work follows by handoff. */
export const JOIN_KINDS: ReadonlySet<AnyRec['kind']> = new Set(['workshop', 'objective', 'keyResult', 'hypothesis', 'participant', 'scopeItem'])

export interface Peer {
  readonly deviceId: string
  /** When it last acknowledged a handoff (ISO). */
  readonly at: string
  /** How many records it lacks now. */
  readonly lacking: number
}

/** The tablets that acknowledged a handoff of this workshop, latest first, with what each lacks now. */
export async function knownPeers(db: HarvestDB, workshopId: string): Promise<Peer[]> {
  const [rows, records] = await Promise.all([
    db.meta.where('key').startsWith(`peer:${workshopId}:`).toArray() as Promise<PeerRow[]>,
    workshopRecords(db, workshopId),
  ])
  return rows
    .map(row => ({ deviceId: row.deviceId, at: row.at, lacking: lackedBy(records, row.held).length }))
    .sort((a, b) => (a.at < b.at ? 1 : -1))
}

/** What a share sends: everything, the join code's part, or only what a known tablet lacks. */
export async function recordsToShare(
  db: HarvestDB,
  input: { workshopId: string; scope: 'everything' | 'join' | { peer: string } },
): Promise<AnyRec[]> {
  const records = await workshopRecords(db, input.workshopId)
  if (input.scope === 'everything') return records
  if (input.scope === 'join') return records.filter(record => JOIN_KINDS.has(record.kind))
  const row = (await db.meta.get(`peer:${input.workshopId}:${input.scope.peer}`)) as PeerRow | undefined
  return row ? lackedBy(records, row.held) : records
}

export interface HandoffPreview {
  readonly workshopId: string
  readonly summary: IncomingSummary
  /** What the merge would leave against the rules, in words: the facilitator decides. */
  readonly flags: readonly string[]
  /** The merge the summary describes: what "merge" writes. */
  readonly plan: IncomingPlan
}

/** What merging a received bundle would do, and what it would leave flagged, without writing. */
export async function previewHandoff(db: HarvestDB, workshopId: string, incoming: readonly AnyRec[]): Promise<HandoffPreview> {
  const [plan, local] = await Promise.all([planIncoming(db, incoming), workshopRecords(db, workshopId)])
  const after = new Map<string, AnyRec>(local.map(record => [record.id, record]))
  for (const record of plan.toWrite) after.set(record.id, record)
  return { workshopId, summary: plan.summary, flags: flagsOf([...after.values()], workshopId), plan }
}

function flagsOf(records: readonly AnyRec[], workshopId: string): string[] {
  const live = records.filter(record => record.deleted === undefined)
  const workshop = live.find((record): record is Rec<'workshop'> => record.kind === 'workshop' && record.id === workshopId)
  if (!workshop) return []
  const of = <K extends AnyRec['kind']>(kind: K) => live.filter((record): record is Extract<AnyRec, { kind: K }> => record.kind === kind)
  const milestones = of('milestone')
  const names = new Map<string, string>()
  // In an anonymous workshop the flag says what is wrong, not who voted how.
  const anonymous = workshop.fields.anonymous
  for (const person of of('participant')) names.set(person.id, anonymous ? 'One voter' : person.fields.name || 'A participant')
  for (const milestone of milestones) names.set(milestone.id, milestone.fields.title || 'Untitled milestone')
  const flags = voteFlags(
    of('vote').map(vote => vote.fields),
    voteLimits(workshop.fields),
    new Set(milestones.map(milestone => milestone.id)),
  )
  return flags.map(flag =>
    voteFlagText(flag, {
      participant: id => names.get(id) ?? (anonymous ? 'One voter' : 'A participant'),
      milestone: id => names.get(id) ?? 'a milestone',
    }),
  )
}
