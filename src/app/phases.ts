import { lazy, type Component } from 'solid-js'
import type { Phase } from '../domain/types'
import type { PhaseProps } from '../phases/types'

/**
 * The screen of each phase, loaded when first opened so the first screen stays small (every
 * chunk is precached, so this works offline). A phase without a screen yet is left out.
 */
export const PHASE_SCREENS: Partial<Record<Phase, Component<PhaseProps>>> = {
  setup: lazy(() => import('../phases/setup')),
  validate: lazy(() => import('../phases/validate')),
  vote: lazy(() => import('../phases/vote')),
  inventory: lazy(() => import('../phases/inventory')),
  cluster: lazy(() => import('../phases/cluster')),
  context: lazy(() => import('../phases/context')),
  mapping: lazy(() => import('../phases/mapping')),
  ideation: lazy(() => import('../phases/ideation')),
}
