/** Why a scan stopped, in words a person in the room can act on. */

export type ScanProblem = 'insecure' | 'blocked' | 'no-camera' | 'camera-failed' | 'reader-failed'

/** Why scanning stopped, with a message to show as it is. */
export class ScanError extends Error {
  constructor(
    readonly problem: ScanProblem,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options)
    this.name = 'ScanError'
  }
}

export const MESSAGES: Record<ScanProblem, string> = {
  insecure: 'The camera needs HTTPS or localhost. Open the app from its secure address, or use a file instead.',
  // One line a step: screens show the first as the problem and the others as a list.
  blocked: [
    'The camera is blocked for this app.',
    'On an iPad: tap “aA” in the address bar › Website Settings › Camera › Allow (or Settings › Safari › Camera › Allow).',
    'In an app added to an iPad’s Home Screen: close it, open it again, and allow the camera when asked.',
    'On Android: tap the lock icon beside the address › Permissions › Camera › Allow.',
    'Then scan again, or use a file instead.',
  ].join('\n'),
  'no-camera': 'No camera was found on this device. Use a file instead.',
  'camera-failed': 'The camera could not start: another app may be using it. Close that app and try again, or use a file instead.',
  'reader-failed': 'The QR reader could not start. Reload the app and try again, or use a file instead.',
}

/** The ScanError for a failed `getUserMedia`. */
export function cameraError(error: unknown): ScanError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  const problem: ScanProblem =
    name === 'NotAllowedError' || name === 'SecurityError'
      ? 'blocked'
      : name === 'NotFoundError' || name === 'OverconstrainedError'
        ? 'no-camera'
        : 'camera-failed'
  return new ScanError(problem, MESSAGES[problem], { cause: error })
}
