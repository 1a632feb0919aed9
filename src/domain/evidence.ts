import type { Evidence, Importance } from './types'

export const EVIDENCE_LABELS: Readonly<Record<Evidence, string>> = {
  none: 'None',
  some: 'Some',
  strong: 'Strong',
}

export const IMPORTANCE_LABELS: Readonly<Record<Importance, string>> = {
  low: 'Low',
  high: 'High',
}

/** "evidence: some · importance: high", or "not marked" where the room has not said. */
export function marksText(marks: { readonly evidence?: Evidence; readonly importance?: Importance }): string {
  return `evidence: ${marks.evidence ?? 'not marked'} · importance: ${marks.importance ?? 'not marked'}`
}
