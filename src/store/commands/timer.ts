import { controlTimer, timeboxMs, timerOfPhase, type TimeboxedPhase, type TimerControl } from '../../domain/timer'
import type { Timer } from '../../domain/types'
import type { HarvestDB } from '../db'
import { RecordMissing, write } from '../writer'

/**
 * Presses one button of a phase's time-box. The stored timer is read inside the transaction,
 * so two quick presses (or a press just after another tablet's merge) build on each other.
 * `now` is read by the caller: this tablet's wall time at the press.
 */
export async function pressTimer(
  db: HarvestDB,
  workshopId: string,
  phase: TimeboxedPhase,
  control: TimerControl,
  now: number = Date.now(),
): Promise<Timer> {
  return write(db, async writer => {
    const workshop = await writer.get(workshopId, 'workshop')
    if (!workshop) throw new RecordMissing('workshop', workshopId)
    const durationMs = timeboxMs(workshop.fields.timeboxes, phase)
    const timer = controlTimer(timerOfPhase(workshop.fields.timer, phase, durationMs), control, now, durationMs)
    await writer.update(workshopId, 'workshop', { timer })
    return timer
  })
}
