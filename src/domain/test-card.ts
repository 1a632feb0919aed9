import type { MilestoneType } from './milestone-types'
import type { Decision, Fields } from './types'

/**
 * The test card a Spike or Signal Test carries, so the room says up front how it will know:
 * "We are right if …" (a measurable criterion), by when, and what it will do either way.
 * Epics and Enablers may carry one too; only the testing types are flagged without it.
 */
export type TestCardPart = 'criterion' | 'deadline' | 'decision'

/** The types that test a hypothesis rather than build on it: they owe the room a test card. */
export const TESTING_TYPES: ReadonlySet<MilestoneType> = new Set(['spike', 'signal-test'])

export function needsTestCard(type: MilestoneType | null): boolean {
  return type !== null && TESTING_TYPES.has(type)
}

type TestCardFields = Pick<Fields<'milestone'>, 'criterion' | 'deadline' | 'ifRight' | 'ifWrong'>

/** The parts of a test card still blank, in the order the card asks for them. */
export function missingTestCardParts(card: TestCardFields): TestCardPart[] {
  const missing: TestCardPart[] = []
  if (!card.criterion?.trim()) missing.push('criterion')
  if (!parseDeadline(card.deadline ?? '')) missing.push('deadline')
  if (!card.ifRight || !card.ifWrong) missing.push('decision')
  return missing
}

export type Deadline = { readonly kind: 'date'; readonly date: string } | { readonly kind: 'weeks'; readonly weeks: number }

export const MAX_WEEKS = 104
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const WEEKS = /^after (\d{1,3}) weeks?$/

/** A stored deadline, or null when it is blank or not one the card understands. */
export function parseDeadline(text: string): Deadline | null {
  const date = DATE.exec(text)
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])]
    const check = new Date(Date.UTC(year, month - 1, day))
    const real = check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day
    return real ? { kind: 'date', date: text } : null
  }
  const weeks = WEEKS.exec(text)
  if (weeks) {
    const n = Number(weeks[1])
    return n >= 1 && n <= MAX_WEEKS ? { kind: 'weeks', weeks: n } : null
  }
  return null
}

/** The stored text of a deadline: "2026-12-15" or "after 3 weeks" (which is also how it reads). */
export function deadlineText(deadline: Deadline): string {
  return deadline.kind === 'date' ? deadline.date : `after ${deadline.weeks} ${deadline.weeks === 1 ? 'week' : 'weeks'}`
}

/** Whether a text may be stored as a deadline: blank (not set yet) or one `parseDeadline` reads. */
export function isDeadlineText(text: string): boolean {
  return text === '' || parseDeadline(text) !== null
}

export const DECISION_LABELS: Readonly<Record<Decision, string>> = {
  persevere: 'Persevere',
  pivot: 'Pivot',
  drop: 'Drop',
}

/** "persevere if right, pivot if wrong"; a side not chosen yet reads "?"; '' when neither is. */
export function decisionText(card: Pick<TestCardFields, 'ifRight' | 'ifWrong'>): string {
  if (!card.ifRight && !card.ifWrong) return ''
  return `${card.ifRight ?? '?'} if right, ${card.ifWrong ?? '?'} if wrong`
}
