import * as v from 'valibot'
import { isStamp } from '../domain/clock'
import { MILESTONE_TYPES } from '../domain/milestone-types'
import { PIN_HASH_PATTERN } from '../domain/seat-pin'
import { isDeadlineText } from '../domain/test-card'
import { DECISIONS, EVIDENCE_LEVELS, IMPORTANCE_LEVELS, PHASES, type AnyRec } from '../domain/types'
import { dotsFromCount, isCountedVote } from '../domain/votes'

const text = v.pipe(v.string(), v.maxLength(20_000))
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200))
const ids = v.pipe(v.array(id), v.maxLength(10_000))
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000))
const position = v.pipe(v.number(), v.finite())
const stamp = v.custom<string>(isStamp, 'is not a clock stamp')

const timeboxes = v.object({
  context: count,
  mapping: count,
  ideation: count,
  cluster: count,
  validate: count,
  vote: count,
})

const timer = v.object({
  phase: v.picklist(PHASES),
  durationMs: v.pipe(v.number(), v.finite(), v.minValue(0)),
  elapsedMs: v.pipe(v.number(), v.finite(), v.minValue(0)),
  startedAt: v.nullable(v.pipe(v.number(), v.finite())),
})

const fieldsByKind = {
  workshop: v.object({
    title: text,
    date: v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a date (yyyy-mm-dd)')),
    phase: v.picklist(PHASES),
    secret: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,}$/, 'is not a workshop secret')),
    votesPerPerson: count,
    votesPerMilestone: count,
    anonymous: v.boolean(),
    timeboxes,
    revealed: v.boolean(),
    votingClosed: v.boolean(),
    timer: v.nullable(timer),
    seatPins: v.optional(v.boolean()),
  }),
  objective: v.object({ title: text, position }),
  keyResult: v.object({ objectiveId: id, text, position }),
  hypothesis: v.object({
    objectiveId: id,
    keyResultIds: ids,
    text,
    position,
    evidence: v.optional(v.picklist(EVIDENCE_LEVELS)),
    importance: v.optional(v.picklist(IMPORTANCE_LEVELS)),
  }),
  participant: v.object({
    name: text,
    pair: text,
    position,
    pinHash: v.optional(v.pipe(v.string(), v.regex(PIN_HASH_PATTERN, 'is not a seat PIN hash'))),
  }),
  scopeItem: v.object({
    pair: text,
    title: text,
    category: v.picklist(['feature', 'tool', 'initiative']),
    objectiveIds: ids,
    keyResultIds: ids,
  }),
  card: v.object({
    authorId: id,
    text,
    hypothesisId: v.nullable(id),
    sealed: v.boolean(),
    milestoneId: v.nullable(id),
  }),
  milestone: v.object({
    title: text,
    type: v.nullable(v.picklist(MILESTONE_TYPES)),
    hypothesisId: v.nullable(id),
    keyResultId: v.nullable(id),
    objectiveId: v.nullable(id),
    unlocks: ids,
    validates: text,
    criterion: v.optional(text),
    deadline: v.optional(v.pipe(v.string(), v.check(isDeadlineText, 'is not a date (yyyy-mm-dd) or “after N weeks”'))),
    ifRight: v.optional(v.picklist(DECISIONS)),
    ifWrong: v.optional(v.picklist(DECISIONS)),
  }),
  vote: v.object({ participantId: id, milestoneId: id, tieBreakId: v.nullable(id) }),
  tieBreak: v.object({
    milestoneIds: v.pipe(ids, v.minLength(2)),
    votes: count,
    state: v.picklist(['voting', 'closed', 'accepted']),
  }),
  device: v.object({ name: text, lastHandoff: v.nullable(v.string()) }),
}

/** A vote as bundles and backups of the first format carry it: a count per voter and milestone. */
const countedVoteFields = v.object({ participantId: id, milestoneId: id, count })

function recordOf<K extends keyof typeof fieldsByKind>(kind: K) {
  return recordWith(kind, fieldsByKind[kind])
}

function recordWith<K extends string, F extends v.ObjectSchema<v.ObjectEntries, undefined>>(kind: K, fields: F) {
  return v.pipe(
    v.object({
      id,
      workshopId: id,
      kind: v.literal(kind),
      fields,
      stamps: v.record(v.string(), stamp),
      deleted: v.optional(stamp),
    }),
    v.check(
      // Every field it holds; a field added after the first release may be absent, then unstamped.
      record =>
        Object.keys(fields.entries).every(
          key => (record.fields as Record<string, unknown> | undefined)?.[key] === undefined || isStamp(record.stamps?.[key]),
        ),
      'has a field without a stamp',
    ),
  )
}

/** One replicated record, as it travels in a backup or bundle. */
export const RecordSchema = v.variant('kind', [
  recordOf('workshop'),
  recordOf('objective'),
  recordOf('keyResult'),
  recordOf('hypothesis'),
  recordOf('participant'),
  recordOf('scopeItem'),
  recordOf('card'),
  recordOf('milestone'),
  recordOf('vote'),
  // Tried only when a vote is not a dot: an older tablet's or file's counted vote.
  recordWith('vote', countedVoteFields),
  recordOf('tieBreak'),
  recordOf('device'),
])

/**
 * The records of a bundle or backup, checked. An older format's counted votes are accepted
 * and read as the dots they stand for, the same dots this tablet's own upgrade made of them.
 */
export const RecordsSchema = v.pipe(
  v.array(RecordSchema),
  v.maxLength(200_000),
  v.transform(records => records.flatMap(record => (isCountedVote(record) ? dotsFromCount(record) : [record]))),
)

/** Says where the first problem in a list of records is, in words for a person. */
export function describeRecordIssue(issues: readonly v.BaseIssue<unknown>[], records: unknown): string {
  const issue = issues[0]
  if (!issue) return 'its records are malformed'
  const path = issue.path ?? []
  const index = path[0]?.key
  const where = typeof index === 'number' ? `record ${index + 1}` : 'its records'
  const record = typeof index === 'number' && Array.isArray(records) ? (records[index] as { kind?: unknown }) : undefined
  const kind = typeof record?.kind === 'string' ? ` (${record.kind})` : ''
  const field = path
    .slice(1)
    .map(item => String(item.key))
    .join('.')
  return `${where}${kind}${field ? `, ${field}` : ''}: ${issue.message}`
}

export type { AnyRec }
