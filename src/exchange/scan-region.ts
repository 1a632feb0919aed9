/**
 * Where in a camera frame to look for the code: the scan loop's region logic, pure so it is
 * tested apart from any camera.
 *
 * A decoder reads a crop around where the last code was found much faster than the whole
 * frame, and a tablet held in front of a screen barely moves between two frames. So the loop
 * reads that crop (with a margin for a hand that drifts), the whole frame now and then in
 * case the code moved or a second one appeared, and the whole frame again after a miss.
 *
 * Frames are sharpened before they are read. Filmed off a screen that changes code 15 times a
 * second, about half the frames a 30 fps camera takes mix two codes, and the unsharp mask reads
 * most of those (measured on the simulated tablet camera, version 30 with a third of the
 * exposure on the next code: 2 of 12 frames read plain, 11 of 12 sharpened) as well as blurred
 * ones, and spoils no sharp one. Reading plain and retrying sharpened costs two readings for
 * every such frame; sharpening first costs one and the mask. Only a camera whose sharpened
 * frames keep failing where a code is located tries a plain frame now and then, and stays on
 * plain frames while those are read.
 */

export interface Point {
  readonly x: number
  readonly y: number
}

export interface Size {
  readonly width: number
  readonly height: number
}

/** A rectangle of whole pixels inside a camera frame. */
export interface Region extends Size {
  readonly x: number
  readonly y: number
}

export interface Tracking {
  /** Around the last code found, while it is still worth looking there. */
  readonly region: Region | undefined
  /** Crops read since the last whole frame. */
  readonly sinceWhole: number
  /** Frames in a row in which no code was located. */
  readonly lost: number
  /** Whether the next frame is sharpened before it is read. */
  readonly sharpen: boolean
  /** Sharpened frames in a row that were not read. */
  readonly misses: number
}

/**
 * Every this many frames the whole frame is read, even while the crop keeps finding the code: a
 * safety net, since a code that moves out of the crop is found by the whole frame read right
 * after the miss. Seldom, because a whole 1280×720 frame takes four times as long as the crop
 * (sharpened and read, version 30: 80–110 ms against 20–25 on a busy machine), and at 15 codes
 * a second the screen moves on while it is read: a code goes by unread. At 20 (under a second)
 * that cost a 1,000-card handoff about one code in sixteen; at 90 it is one read in three or
 * four seconds.
 */
export const WHOLE_EVERY = 90
/**
 * The margin around a found code, as a share of its size on each side: 60 px for a code 400 px
 * across, several times what a hand moves a tablet between two frames read, so the next crop
 * still holds the code and its quiet zone. A wider crop costs reading time on every frame.
 */
export const MARGIN = 0.15
/** After this many frames in a row without a code the last place is forgotten: the code has gone. */
export const FORGET_AFTER = 6
/** A crop is never smaller than this, so a small code far away still has room to move. */
export const MIN_CROP = 160
/** After this many sharpened frames in a row not read, one plain frame is tried. */
export const PLAIN_AFTER = 4

export const START: Tracking = { region: undefined, sinceWhole: 0, lost: 0, sharpen: true, misses: 0 }

export function wholeFrame(frame: Size): Region {
  return { x: 0, y: 0, width: frame.width, height: frame.height }
}

/** The bounding box of `corners`, grown by MARGIN of its size on each side, in whole pixels inside `frame`. */
export function regionAround(corners: readonly Point[], frame: Size, margin = MARGIN): Region | undefined {
  if (corners.length === 0 || frame.width <= 0 || frame.height <= 0) return undefined
  const xs = corners.map(point => point.x)
  const ys = corners.map(point => point.y)
  if (![...xs, ...ys].every(Number.isFinite)) return undefined
  let left = Math.min(...xs)
  let right = Math.max(...xs)
  let top = Math.min(...ys)
  let bottom = Math.max(...ys)
  const grow = margin * Math.max(right - left, bottom - top)
  const centerX = (left + right) / 2
  const centerY = (top + bottom) / 2
  const halfWidth = Math.max((right - left) / 2 + grow, MIN_CROP / 2)
  const halfHeight = Math.max((bottom - top) / 2 + grow, MIN_CROP / 2)
  left = Math.max(0, Math.floor(centerX - halfWidth))
  top = Math.max(0, Math.floor(centerY - halfHeight))
  right = Math.min(frame.width, Math.ceil(centerX + halfWidth))
  bottom = Math.min(frame.height, Math.ceil(centerY + halfHeight))
  if (right <= left || bottom <= top) return undefined
  return { x: left, y: top, width: right - left, height: bottom - top }
}

/** What to read of the next frame: the last code's region, or the whole frame. */
export function cropFor(tracking: Tracking, frame: Size): Region {
  const { region } = tracking
  const fits = region !== undefined && region.x + region.width <= frame.width && region.y + region.height <= frame.height
  // While no code is located the last place and the whole frame take turns, the last place
  // first: most misses are a frame smeared by a jerk or caught mid-change, and the code is
  // still where it was in the next one; a code that moved is found in the whole frame after.
  const wholeTurn = tracking.sinceWhole >= WHOLE_EVERY - 1 || (tracking.lost > 0 && tracking.lost % 2 === 0)
  return fits && !wholeTurn ? region : wholeFrame(frame)
}

/** What reading a frame gave: where a code was located (frame pixels), and whether its text was read. */
export interface ReadOutcome {
  readonly corners: readonly Point[] | undefined
  readonly decoded: boolean
}

/** The tracking after reading `read` of a frame. */
export function track(tracking: Tracking, read: Region, frame: Size, outcome: ReadOutcome): Tracking {
  const whole = read.x === 0 && read.y === 0 && read.width === frame.width && read.height === frame.height
  const sinceWhole = whole ? 0 : tracking.sinceWhole + 1
  // Sharpened while that reads; a plain frame after several sharpened ones located but not
  // read, kept while plain frames read; sharpened again after the first plain one not read.
  const misses = outcome.decoded || !tracking.sharpen ? 0 : outcome.corners ? tracking.misses + 1 : tracking.misses
  const sharpen = outcome.decoded ? tracking.sharpen : !tracking.sharpen || misses < PLAIN_AFTER
  const settled = { sharpen, misses: sharpen ? misses : 0 }
  const located = outcome.corners ? regionAround(outcome.corners, frame) : undefined
  // A code located but not read may be a false find (finder patterns where two codes mixed, a
  // patch of glare): the crop grows to hold it and the last place both, rather than moving to a
  // corner and losing a code still where it was. The next code read sets the crop tight again.
  const found = located && !outcome.decoded && tracking.region ? union(located, tracking.region) : located
  if (found) return { region: found, sinceWhole, lost: 0, ...settled }
  const lost = tracking.lost + 1
  return { region: lost >= FORGET_AFTER ? undefined : tracking.region, sinceWhole, lost, ...settled }
}

function union(a: Region, b: Region): Region {
  const x = Math.min(a.x, b.x)
  const y = Math.min(a.y, b.y)
  return { x, y, width: Math.max(a.x + a.width, b.x + b.width) - x, height: Math.max(a.y + a.height, b.y + b.height) - y }
}
