import { Dexie, type Table } from 'dexie'
import type { ClockState } from '../domain/clock'
import type { AnyRec } from '../domain/types'
import { declareSchema } from './schema'

/**
 * A value that a merge did not keep (commands/incoming.ts): shown on this tablet only, until
 * taken or dismissed. Never replicated, so it cannot stop two tablets from converging.
 */
export interface ConflictRow {
  key: `conflict:${string}`
  recordId: string
  workshopId: string
  kind: string
  field: string
  value: string
  stamp: string
  deviceId: string
  /** The tablet that wrote it, as named when it arrived. */
  tablet: string
  dismissed?: boolean
}

export type MetaRow =
  | { key: 'device'; deviceId: string; name: string }
  | { key: 'clock'; wall: number; counter: number }
  /** A tablet that acknowledged a handoff of a workshop, and what it then held (commands/handoff.ts). */
  | { key: `peer:${string}`; workshopId: string; deviceId: string; at: string; held: Record<string, string> }
  | ConflictRow

export const DEFAULT_DB_NAME = 'okra-harvest'

/** This tablet's database: its copy of every workshop's records, and its own identity. */
export class HarvestDB extends Dexie {
  records!: Table<AnyRec, string>
  meta!: Table<MetaRow, string>

  constructor(name: string = DEFAULT_DB_NAME, upTo?: number) {
    super(name)
    declareSchema(this, upTo)
  }
}

export type { ClockState }
