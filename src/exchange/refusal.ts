/**
 * Why a code, a transfer or a bundle is refused, in words the screen shows as they are.
 * A refusal always means that nothing was written.
 */
export type RefusalReason =
  | 'other-app'
  | 'other-workshop'
  | 'newer-format'
  /** A QR frame from a version of the app whose frames this one cannot combine. */
  | 'older-format'
  | 'damaged'
  | 'malformed'
  | 'too-large'
  /** A join code scanned where a handoff was expected, or the other way round. */
  | 'wrong-kind'

export interface Refusal {
  readonly ok: false
  readonly reason: RefusalReason
  readonly message: string
}

const NOTHING_CHANGED = 'Nothing was changed.'

const MESSAGES: Record<Exclude<RefusalReason, 'malformed' | 'too-large' | 'wrong-kind'>, string> = {
  'other-app': 'This code is not from OKRA Harvest.',
  'other-workshop': 'This code is from another workshop.',
  'newer-format': 'This code was made by a newer version of OKRA Harvest — update this tablet, then scan again.',
  'older-format': 'This code was made by an older version of OKRA Harvest — update the tablet that shows it, then scan again.',
  damaged: 'The transfer was damaged — scan again.',
}

/**
 * A refusal with its message. `detail` says what exactly was wrong where the reason alone
 * would leave a person guessing: which record is malformed, which limit was passed, which
 * kind of code this is.
 */
export function refuse(reason: RefusalReason, detail?: string): Refusal {
  let message: string
  if (reason === 'malformed') message = `This transfer is malformed: ${detail ?? 'it cannot be read'}.`
  else if (reason === 'too-large') message = `This transfer is too large${detail ? `: ${detail}` : ''}.`
  else if (reason === 'wrong-kind') message = detail ?? 'This code is of another kind than expected.'
  else message = MESSAGES[reason]
  return { ok: false, reason, message: `${message} ${NOTHING_CHANGED}` }
}

/** A refusal thrown on the sending side, where there is no screen message to return to. */
export class ExchangeError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.message)
    this.name = 'ExchangeError'
  }
}
