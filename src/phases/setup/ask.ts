import type { JSX } from 'solid-js'

/** A question put to the person before something is removed. */
export interface Question {
  readonly title: string
  readonly message: () => JSX.Element
  readonly confirmLabel: string
  readonly run: () => Promise<unknown>
}

export type Ask = (question: Question) => void

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`
}

/**
 * For text that wraps on screen but is one line in meaning (an objective, a key result):
 * Enter does not start a new line in it.
 */
export function keepOnOneLine(event: KeyboardEvent) {
  if (event.key === 'Enter' && (event.target as HTMLElement | null)?.tagName === 'TEXTAREA') event.preventDefault()
}
