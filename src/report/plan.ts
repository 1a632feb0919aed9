import type { Evidence, Importance } from '../domain/types'

/**
 * What Session #1 hands to Session #2, as read from its files before anything is written:
 * objectives with their key results, and the hypotheses under each objective with the key
 * results they aim at (by their number among the objective's key results: 1 for KR1).
 */
export interface PlannedHypothesis {
  readonly text: string
  readonly keyResults: readonly number[]
  /** The marks an earlier session gave it, carried into the next one. */
  readonly evidence?: Evidence
  readonly importance?: Importance
  /** Where it was read, so a key result it names but nobody listed can be pointed at. */
  readonly at?: { readonly file: string; readonly line: number }
}

export interface PlannedObjective {
  readonly title: string
  readonly keyResults: readonly string[]
  readonly hypotheses: readonly PlannedHypothesis[]
}

export interface Session1Plan {
  /** The workshop title a file names, if one does. */
  readonly title: string | null
  readonly objectives: readonly PlannedObjective[]
}

/** A file that cannot be read: which file, which line, and what is wrong there, for a person. */
export interface ImportProblem {
  readonly file: string
  readonly line: number
  readonly message: string
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ImportProblem }

export function problemText(problem: ImportProblem): string {
  return `${problem.file}, line ${problem.line}: ${problem.message}`
}

/** Objectives are the same when their titles are, ignoring case and spacing at the edges. */
export function sameTitle(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()
}

/** The CSV shape Session #1 files may take, shown as help where files are chosen. */
export const SESSION1_CSV_EXAMPLE = [
  'type,objective,text,key results',
  'objective,Build trust through match experiences,,',
  'key result,Build trust through match experiences,Match rating submissions up 30%,',
  'hypothesis,Build trust through match experiences,"If we make feedback easier, then more players will submit ratings",KR1',
].join('\n')
