import type { CameraSession } from '../../exchange/camera'
import type { ReceiveProgress } from '../../exchange/handoff'

/**
 * The seam between the handoff screens and the camera: a screen takes a `Scanner` so a test
 * can feed it texts; the app's default loads the camera scanner (and its decoder) only when a
 * scan starts.
 */
export type Scanner = (
  container: HTMLElement,
  onText: (text: string) => void,
  onError: (message: string) => void,
  options?: ScannerChoice,
) => () => void

export interface ScannerChoice {
  /** 'user': the front camera, on the screen's side (a swap, face to face); the rear one by default. */
  readonly facing?: 'environment' | 'user'
  /**
   * The screen's camera session: every scan of it reuses one stream, so the browser asks for
   * the camera once. The screen that opened it releases it when the person leaves.
   */
  readonly camera?: CameraSession
}

export const cameraScanner: Scanner = (container, onText, onError, options = {}) => {
  let stop: (() => void) | undefined
  let stopped = false
  import('../../exchange/scan')
    .then(({ startScanner }) => {
      if (!stopped) stop = startScanner(container, onText, error => onError(error.message), options)
    })
    .catch(() => onError('The QR reader could not start. Reload the app and try again, or use a file instead.'))
  return () => {
    stopped = true
    stop?.()
  }
}

/** How a tablet is named on screen: "tablet 3F2A", from its device id. */
export function tabletName(deviceId: string): string {
  return `tablet ${deviceId.slice(0, 4).toUpperCase()}`
}

export function formatDay(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  if (!year || !month || !day) return iso
  return new Date(year, month - 1, day).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' })
}

/** "12 of 23 fragments · 14.2 KB/s · 17 frames/s", or that no code is found yet. */
export function progressText(progress: ReceiveProgress | null): string {
  if (!progress || progress.total === 0) return 'Looking for a code…'
  const parts = [`${progress.solved} of ${progress.total} fragments`]
  if (progress.kbPerSecond !== null) parts.push(`${progress.kbPerSecond.toFixed(1)} KB/s`)
  if (progress.framesPerSecond !== null) parts.push(`${Math.round(progress.framesPerSecond)} frames/s`)
  return parts.join(' · ')
}
