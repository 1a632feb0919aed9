/**
 * The seam between the handoff screens and the camera: a screen takes a `Scanner` so a test
 * can feed it texts; the app's default loads the camera scanner (and its decoder) only when a
 * scan starts.
 */
export type Scanner = (container: HTMLElement, onText: (text: string) => void, onError: (message: string) => void) => () => void

export const cameraScanner: Scanner = (container, onText, onError) => {
  let stop: (() => void) | undefined
  let stopped = false
  import('../../exchange/scan')
    .then(({ startScanner }) => {
      if (!stopped) stop = startScanner(container, onText, error => onError(error.message))
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
