import { Dexie, type Table } from 'dexie'
import type { ClockState } from '../domain/clock'
import type { AnyRec } from '../domain/types'
import { declareSchema } from './schema'

export type MetaRow =
  | { key: 'device'; deviceId: string; name: string }
  | { key: 'clock'; wall: number; counter: number }
  /** A tablet that acknowledged a handoff of a workshop, and what it then held (commands/handoff.ts). */
  | { key: `peer:${string}`; workshopId: string; deviceId: string; at: string; held: Record<string, string> }

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
