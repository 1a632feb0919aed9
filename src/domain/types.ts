import type { Stamp } from './clock'
import type { MilestoneType } from './milestone-types'

export const PHASES = [
  'setup',
  'context',
  'mapping',
  'ideation',
  'cluster',
  'validate',
  'vote',
  'inventory',
] as const
export type Phase = (typeof PHASES)[number]

/** Minutes for each time-boxed moment of the workshop. */
export interface Timeboxes {
  readonly context: number
  readonly mapping: number
  readonly ideation: number
  readonly cluster: number
  readonly validate: number
  readonly vote: number
}

export const DEFAULT_TIMEBOXES: Timeboxes = {
  context: 10,
  mapping: 10,
  ideation: 7,
  cluster: 15,
  validate: 15,
  vote: 5,
}

/**
 * The running time-box of one phase. Running while `startedAt` is set; the time left is
 * `durationMs - elapsedMs - (now - startedAt)`. Stored, so a reload or another tablet sees it.
 */
export interface Timer {
  readonly phase: Phase
  readonly durationMs: number
  readonly elapsedMs: number
  readonly startedAt: number | null
}

/** A tie-break round being voted, its result standing, or the tie accepted as it is. */
export type TieBreakState = 'voting' | 'closed' | 'accepted'

/** How much evidence the room already has for a hypothesis. */
export const EVIDENCE_LEVELS = ['none', 'some', 'strong'] as const
export type Evidence = (typeof EVIDENCE_LEVELS)[number]

/** How important a hypothesis is to its objective. */
export const IMPORTANCE_LEVELS = ['low', 'high'] as const
export type Importance = (typeof IMPORTANCE_LEVELS)[number]

/** What the room does once a test has its answer. */
export const DECISIONS = ['persevere', 'pivot', 'drop'] as const
export type Decision = (typeof DECISIONS)[number]

export type ScopeCategory = 'feature' | 'tool' | 'initiative'

/** The fields of each kind of record. Each field is stamped and merged on its own. */
export interface FieldsByKind {
  workshop: {
    title: string
    /** ISO date, yyyy-mm-dd. */
    date: string
    phase: Phase
    /** Base64url; the join QR carries it and bundles are sealed with a key derived from it. */
    secret: string
    votesPerPerson: number
    votesPerMilestone: number
    anonymous: boolean
    timeboxes: Timeboxes
    revealed: boolean
    votingClosed: boolean
    timer: Timer | null
    /**
     * Each person chooses a 4-digit PIN when their cards are first sealed. Added after the
     * first release, so optional: a workshop written before it reads as off.
     */
    seatPins?: boolean
  }
  objective: { title: string; position: number }
  keyResult: { objectiveId: string; text: string; position: number }
  hypothesis: {
    objectiveId: string
    keyResultIds: readonly string[]
    text: string
    position: number
    /** How much evidence the room already has for it. Added after the first release, so optional: unmarked. */
    evidence?: Evidence
    /** How much it matters to its objective. Optional like `evidence`. */
    importance?: Importance
  }
  participant: {
    name: string
    pair: string
    position: number
    /** The salted hash of this seat's PIN (domain/seat-pin.ts), never the PIN; absent when none was chosen. */
    pinHash?: string
  }
  scopeItem: {
    pair: string
    title: string
    category: ScopeCategory
    objectiveIds: readonly string[]
    keyResultIds: readonly string[]
  }
  card: {
    authorId: string
    text: string
    hypothesisId: string | null
    sealed: boolean
    /** The milestone (cluster) the card was grouped into, if any. */
    milestoneId: string | null
  }
  milestone: {
    title: string
    type: MilestoneType | null
    hypothesisId: string | null
    keyResultId: string | null
    objectiveId: string | null
    /** Other milestones that this one makes possible. */
    unlocks: readonly string[]
    validates: string
    /**
     * The test card (domain/test-card.ts), "We are right if …": what the room will measure.
     * Its four fields came after the first release, so optional: an older tablet's milestone has none.
     */
    criterion?: string
    /** By when: an ISO date (yyyy-mm-dd) or "after N weeks"; '' while not set. */
    deadline?: string
    /** What the room will do if the criterion is met. */
    ifRight?: Decision
    /** What the room will do if it is not. */
    ifWrong?: Decision
  }
  /**
   * One dot, its own record, so dots cast on different tablets add up. Taking a dot back
   * tombstones it. `tieBreakId` is null for the main vote, else the tie-break round it was cast in.
   */
  vote: { participantId: string; milestoneId: string; tieBreakId: string | null }
  /**
   * How the room settled one tie: the milestones tied at `votes` dots each. Its id is made from
   * exactly that tie (domain/ties.ts), so a settlement applies to the tie it was made for only.
   */
  tieBreak: { milestoneIds: readonly string[]; votes: number; state: TieBreakState }
  device: { name: string; lastHandoff: string | null }
}

export type Kind = keyof FieldsByKind
export const KINDS: readonly Kind[] = [
  'workshop',
  'objective',
  'keyResult',
  'hypothesis',
  'participant',
  'scopeItem',
  'card',
  'milestone',
  'vote',
  'tieBreak',
  'device',
]

export type Fields<K extends Kind> = FieldsByKind[K]
export type Stamps<K extends Kind> = { readonly [F in keyof Fields<K>]: Stamp }

/**
 * A replicated record: every tablet holds its own copy, and copies meet only by QR or file.
 * `deleted` is the tombstone: once stamped, the record stays deleted whatever arrives later.
 */
export interface Rec<K extends Kind = Kind> {
  readonly id: string
  readonly workshopId: string
  readonly kind: K
  readonly fields: Readonly<Fields<K>>
  readonly stamps: Stamps<K>
  readonly deleted?: Stamp
}

/** Any one record, narrowed by its `kind`. */
export type AnyRec = { [K in Kind]: Rec<K> }[Kind]

export function isKind<K extends Kind>(record: AnyRec | Rec, kind: K): record is Rec<K> {
  return record.kind === kind
}
