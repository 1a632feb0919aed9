import type { Fields } from './types'

/** The common types of milestones, in the method's own words. */
export const MILESTONE_TYPES = ['epic', 'spike', 'enabler', 'signal-test'] as const
export type MilestoneType = (typeof MILESTONE_TYPES)[number]

export interface MilestoneTypeInfo {
  readonly type: MilestoneType
  readonly label: string
  readonly purpose: string
  readonly example: string
}

export const MILESTONE_CATALOGUE: Readonly<Record<MilestoneType, MilestoneTypeInfo>> = {
  epic: {
    type: 'epic',
    label: 'Epic',
    purpose: 'A major initiative, often multi-sprint',
    example: 'Build friend-invite reward system',
  },
  spike: {
    type: 'spike',
    label: 'Spike',
    purpose: 'Small, time-boxed research or validation',
    example: 'Explore new ranking algorithm',
  },
  enabler: {
    type: 'enabler',
    label: 'Enabler',
    purpose: 'Platform or infra precondition',
    example: 'Set up match history API cache',
  },
  'signal-test': {
    type: 'signal-test',
    label: 'Signal Test',
    purpose: 'Experiment to validate behavior',
    example: 'Run A/B test on search filters UX',
  },
}

export function isMilestoneType(value: unknown): value is MilestoneType {
  return typeof value === 'string' && (MILESTONE_TYPES as readonly string[]).includes(value)
}

/** A new milestone (a cluster) as the room names it: nothing typed, linked or unlocked yet. */
export function newMilestoneFields(title: string): Fields<'milestone'> {
  return { title, type: null, hypothesisId: null, keyResultId: null, objectiveId: null, unlocks: [], validates: '' }
}
