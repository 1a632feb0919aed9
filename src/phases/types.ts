import type { Rec } from '../domain/types'

/** What every phase screen is given: the workshop, live from the store. */
export interface PhaseProps {
  readonly workshop: Rec<'workshop'>
}
