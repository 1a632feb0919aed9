import * as v from 'valibot'
import type { AnyRec, Rec } from '../domain/types'
import { secretBytes } from './keys'
import { RecordsSchema, describeRecordIssue } from './records-schema'
import { refuse, type Refusal } from './refusal'

export const BUNDLE_APP = 'okra-harvest'
export const BUNDLE_FORMAT = 1

/** What one tablet sends another: records of one workshop, in an envelope that says whose and which format. */
export interface Bundle {
  readonly app: typeof BUNDLE_APP
  readonly format: number
  readonly kind: 'bundle'
  readonly workshopId: string
  /** The sending device's id. */
  readonly sender: string
  readonly records: readonly AnyRec[]
}

export type BundleResult = { readonly ok: true; readonly bundle: Bundle } | Refusal

/**
 * What the receiver expects: a bundle of the workshop it is in, or (joining) a bundle that
 * brings its workshop record, whose secret is the key to everything that follows.
 */
export type BundleExpectation = { readonly workshopId: string } | { readonly join: true }

export function makeBundle(input: { workshopId: string; sender: string; records: readonly AnyRec[] }): Bundle {
  const foreign = input.records.find(record => record.workshopId !== input.workshopId)
  if (foreign) throw new Error(`Record ${foreign.id} is not of workshop ${input.workshopId}.`)
  return {
    app: BUNDLE_APP,
    format: BUNDLE_FORMAT,
    kind: 'bundle',
    workshopId: input.workshopId,
    sender: input.sender,
    // Sorted, so the same records always make the same bytes.
    records: [...input.records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }
}

const EnvelopeSchema = v.object({
  app: v.literal(BUNDLE_APP),
  format: v.literal(BUNDLE_FORMAT),
  kind: v.literal('bundle'),
  workshopId: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  sender: v.pipe(v.string(), v.maxLength(200)),
  records: v.array(v.unknown()),
})

/** Checks a parsed bundle, envelope first, then every record; refuses with the first problem found. */
export function readBundle(value: unknown, expected: BundleExpectation): BundleResult {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return refuse('malformed', 'it is not a bundle')
  const head = value as { app?: unknown; format?: unknown }
  if (head.app !== BUNDLE_APP) return refuse('other-app')
  if (typeof head.format === 'number' && head.format > BUNDLE_FORMAT) return refuse('newer-format')
  const envelope = v.safeParse(EnvelopeSchema, value)
  if (!envelope.success) return refuse('malformed', 'its envelope is not that of a bundle')
  const { workshopId, records } = envelope.output
  if ('workshopId' in expected && workshopId !== expected.workshopId) return refuse('other-workshop')

  const checked = v.safeParse(RecordsSchema, records)
  if (!checked.success) return refuse('malformed', describeRecordIssue(checked.issues, records))
  const valid = checked.output as AnyRec[]
  const strayIndex = valid.findIndex(record => record.workshopId !== workshopId)
  if (strayIndex >= 0) return refuse('malformed', `record ${strayIndex + 1} belongs to another workshop`)

  if ('join' in expected) {
    const workshop = valid.find(
      (record): record is Rec<'workshop'> => record.kind === 'workshop' && record.id === workshopId,
    )
    if (!workshop || workshop.deleted !== undefined) return refuse('malformed', 'it holds no workshop to join')
    if (!usableSecret(workshop.fields.secret)) return refuse('malformed', 'its workshop secret is unusable')
  }
  return { ok: true, bundle: { ...envelope.output, records: valid } }
}

function usableSecret(secret: string): boolean {
  try {
    secretBytes(secret)
    return true
  } catch {
    return false
  }
}
