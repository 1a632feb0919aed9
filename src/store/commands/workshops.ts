import { DEFAULT_TIMEBOXES, type Fields, type Phase } from '../../domain/types'
import type { HarvestDB } from '../db'
import { write } from '../writer'

export interface NewWorkshop {
  title: string
  /** yyyy-mm-dd; today when left out. */
  date?: string
}

export function today(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 10)
}

/** 256 random bits, base64url: the key material of a workshop. */
export function newSecret(): string {
  const bytes = new Uint8Array(32)
  crypto.getRandomValues(bytes)
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** A new workshop's id and fields: the method's defaults, and a fresh secret of its own. */
export function newWorkshop(title: string, date: string = today()): { id: string; fields: Fields<'workshop'> } {
  return {
    id: crypto.randomUUID().replace(/-/g, ''),
    fields: {
      title,
      date,
      phase: 'setup',
      secret: newSecret(),
      votesPerPerson: 5,
      votesPerMilestone: 3,
      anonymous: true,
      timeboxes: DEFAULT_TIMEBOXES,
      revealed: false,
      votingClosed: false,
      timer: null,
    },
  }
}

export async function createWorkshop(db: HarvestDB, input: NewWorkshop): Promise<string> {
  const title = input.title.trim()
  if (!title) throw new Error('A workshop needs a title.')
  return write(db, async writer => {
    const { id, fields } = newWorkshop(title, input.date)
    await writer.create('workshop', id, fields, id)
    return id
  })
}

export async function renameWorkshop(db: HarvestDB, id: string, title: string): Promise<void> {
  await write(db, writer => writer.update(id, 'workshop', { title: title.trim() }))
}

export async function setWorkshopDate(db: HarvestDB, id: string, date: string): Promise<void> {
  await write(db, writer => writer.update(id, 'workshop', { date }))
}

/**
 * Removes a workshop and everything in it from this tablet only. Other tablets keep their
 * copies, and a backup or handoff of it later brings it back whole: this is housekeeping on
 * one device, not a deletion to replicate.
 */
export async function removeWorkshopFromTablet(db: HarvestDB, id: string): Promise<void> {
  await db.transaction('rw', db.records, async () => {
    await db.records.where('workshopId').equals(id).delete()
  })
}

export async function setPhase(db: HarvestDB, id: string, phase: Phase): Promise<void> {
  await write(db, writer => writer.update(id, 'workshop', { phase }))
}
