/**
 * The timing of an animated QR code: frames last a whole number of the screen's refresh
 * periods, so every frame stays up equally long and a camera never films half of one for
 * a third of its time. Pure, so the arithmetic is tested apart from any screen.
 */

/** What a screen refreshes at until the first timestamps say otherwise. */
export const DEFAULT_PERIOD_MS = 1000 / 60

/**
 * Refresh periods per shown frame: the fewest whole periods that keep the rate at or below
 * `fps` (60 Hz at 20 fps: 3 periods; 90 Hz: 5, so 18 fps; at 8 fps: 8 periods, 7.5 fps).
 * A screen that runs a hair fast (60.2 Hz) still gets 3 periods, not 4.
 */
export function periodsPerFrame(periodMs: number, fps: number): number {
  if (!(fps > 0) || !(periodMs > 0)) return 1
  return Math.max(1, Math.ceil(1000 / (periodMs * fps) - 0.02))
}

/** The rate a screen of `periodMs` shows at for a requested `fps`. */
export function shownRate(periodMs: number, fps: number): number {
  return 1000 / (periodMs * periodsPerFrame(periodMs, fps))
}

/**
 * The refresh period, measured from requestAnimationFrame timestamps: the median of the last
 * deltas, so a dropped frame or a busy moment (one long gap) does not move it.
 */
export class RefreshMeter {
  private last: number | undefined
  private readonly deltas: number[] = []

  constructor(private readonly keep = 31) {}

  add(timestamp: number): void {
    if (this.last !== undefined) {
      const delta = timestamp - this.last
      // A gap this long is a hidden page or a stall, not a refresh period.
      if (delta > 0 && delta < 100) {
        this.deltas.push(delta)
        if (this.deltas.length > this.keep) this.deltas.shift()
      }
    }
    this.last = timestamp
  }

  /** The period in ms; DEFAULT_PERIOD_MS until five deltas are known. */
  get period(): number {
    if (this.deltas.length < 5) return DEFAULT_PERIOD_MS
    const sorted = [...this.deltas].sort((a, b) => a - b)
    return sorted[sorted.length >> 1]!
  }
}

/**
 * Whether the frame shown at `shownAt` has had its time at `now`: half a period early counts,
 * since requestAnimationFrame timestamps jitter around the refresh they belong to.
 */
export function frameDue(now: number, shownAt: number | undefined, periodMs: number, fps: number): boolean {
  if (shownAt === undefined) return true
  return now - shownAt >= (periodsPerFrame(periodMs, fps) - 0.5) * periodMs
}
