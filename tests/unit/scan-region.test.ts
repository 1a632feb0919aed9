import { describe, expect, it } from 'vitest'
import {
  FORGET_AFTER,
  MIN_CROP,
  PLAIN_AFTER,
  START,
  WHOLE_EVERY,
  cropFor,
  regionAround,
  track,
  wholeFrame,
  type Region,
  type Tracking,
} from '../../src/exchange/scan-region'

const FRAME = { width: 1280, height: 720 }
/** A code 360 px across, centred at (600, 340), slightly rotated. */
const CORNERS = [
  { x: 420, y: 165 },
  { x: 780, y: 160 },
  { x: 785, y: 520 },
  { x: 425, y: 515 },
]
const found = { corners: CORNERS, decoded: true }
const nothing = { corners: undefined, decoded: false }

describe('regionAround', () => {
  it('is the code’s bounding box with 15 % of its size as margin on each side, in whole pixels', () => {
    const region = regionAround(CORNERS, FRAME)!
    // Box 420–785 × 160–520: 365 wide, 360 high; margin 0.15 × 365 ≈ 55.
    expect(region).toEqual({ x: 365, y: 105, width: 475, height: 470 })
  })

  it('stays inside the frame', () => {
    const region = regionAround([{ x: 1100, y: 500 }, { x: 1270, y: 710 }], FRAME)!
    expect(region.x + region.width).toBe(1280)
    expect(region.y + region.height).toBe(720)
    expect(region.x).toBeGreaterThanOrEqual(0)
  })

  it('leaves room around a small code far away, and refuses nonsense', () => {
    const region = regionAround([{ x: 640, y: 360 }, { x: 660, y: 380 }], FRAME)!
    expect(region.width).toBeGreaterThanOrEqual(MIN_CROP)
    expect(region.height).toBeGreaterThanOrEqual(MIN_CROP)
    expect(regionAround([], FRAME)).toBeUndefined()
    expect(regionAround([{ x: Number.NaN, y: 3 }], FRAME)).toBeUndefined()
  })
})

/** Runs the loop's decisions over `outcomes`, returning what was read each frame. */
function replay(outcomes: readonly { corners: typeof CORNERS | undefined; decoded: boolean }[]) {
  let tracking: Tracking = START
  const reads: { region: Region; sharpen: boolean }[] = []
  for (const outcome of outcomes) {
    const region = cropFor(tracking, FRAME)
    reads.push({ region, sharpen: tracking.sharpen })
    tracking = track(tracking, region, FRAME, outcome)
  }
  return { reads, tracking }
}

const isWhole = (region: Region) => region.width === 1280 && region.height === 720

describe('the scan loop’s crop', () => {
  it('reads the whole frame until a code is found, then the crop around it, and the whole frame every few frames', () => {
    const crops = 2 * WHOLE_EVERY + 3
    const { reads } = replay([nothing, found, ...Array.from({ length: crops }, () => found)])
    expect(isWhole(reads[0]!.region)).toBe(true)
    expect(isWhole(reads[1]!.region)).toBe(true)
    const wholes = reads.slice(2).map(read => isWhole(read.region))
    expect(wholes).toEqual(Array.from({ length: crops }, (_, at) => (at + 1) % WHOLE_EVERY === 0))
    expect(wholes.filter(Boolean)).toHaveLength(2)
    expect(reads[2]!.region).toEqual(regionAround(CORNERS, FRAME))
  })

  it('after a miss reads the last place once more (a smeared frame passes), then the whole frame, taking turns', () => {
    const { reads } = replay([found, found, nothing, nothing, nothing, nothing, found])
    expect(reads.map(read => isWhole(read.region))).toEqual([true, false, false, false, true, false, true])
  })

  it('keeps the code in the crop when a read locates something elsewhere and reads nothing', () => {
    // The finder patterns of two codes mixed mid-change, found in a corner of the crop.
    const falseFind = { corners: [{ x: 560, y: 110 }, { x: 640, y: 110 }, { x: 640, y: 180 }, { x: 560, y: 180 }], decoded: false }
    const { reads, tracking } = replay([found, found, falseFind, found])
    const last = regionAround(CORNERS, FRAME)!
    const afterMiss = reads[3]!.region
    expect(afterMiss.x).toBeLessThanOrEqual(last.x)
    expect(afterMiss.y).toBeLessThanOrEqual(110)
    expect(afterMiss.x + afterMiss.width).toBeGreaterThanOrEqual(last.x + last.width)
    expect(afterMiss.y + afterMiss.height).toBeGreaterThanOrEqual(last.y + last.height)
    // Read again, the crop is the code's own.
    expect(cropFor(tracking, FRAME)).toEqual(last)
  })

  it('moves to a code located but not read when there was no last place', () => {
    const unread = CORNERS.map(point => ({ x: point.x + 300, y: point.y }))
    const { tracking } = replay([{ corners: unread, decoded: false }])
    expect(cropFor(tracking, FRAME)).toEqual(regionAround(unread, FRAME))
  })

  it('forgets the last place after several frames without a code', () => {
    const { tracking } = replay([found, ...Array.from({ length: FORGET_AFTER }, () => nothing)])
    expect(tracking.region).toBeUndefined()
    expect(cropFor(tracking, FRAME)).toEqual(wholeFrame(FRAME))
  })

  it('follows the code as it moves, and a smaller camera frame gets the whole frame', () => {
    const moved = CORNERS.map(point => ({ x: point.x + 200, y: point.y }))
    const { tracking } = replay([found, { corners: moved, decoded: true }])
    expect(cropFor(tracking, FRAME)).toEqual(regionAround(moved, FRAME))
    expect(cropFor(tracking, { width: 640, height: 360 })).toEqual({ x: 0, y: 0, width: 640, height: 360 })
  })

  it('reads sharpened frames; after several located but not read tries a plain one, keeps plain while it reads, and goes back after a plain miss', () => {
    const unread = { corners: CORNERS, decoded: false }
    const { reads } = replay([...Array.from({ length: PLAIN_AFTER }, () => unread), found, found, unread, found])
    expect(reads.map(read => read.sharpen)).toEqual([...Array.from({ length: PLAIN_AFTER }, () => true), false, false, false, true])
  })

  it('stays on sharpened frames while no code is in view at all', () => {
    const { reads } = replay(Array.from({ length: 3 * PLAIN_AFTER }, () => nothing))
    expect(reads.every(read => read.sharpen)).toBe(true)
  })

  it('stays on sharpened frames when only those are read (a blurred camera, or a screen filmed mid-change)', () => {
    const blurred = (sharpened: boolean) => (sharpened ? found : { corners: CORNERS, decoded: false })
    let tracking: Tracking = START
    const sharpened: boolean[] = []
    for (let frame = 0; frame < 8; frame++) {
      sharpened.push(tracking.sharpen)
      tracking = track(tracking, cropFor(tracking, FRAME), FRAME, blurred(tracking.sharpen))
    }
    expect(sharpened).toEqual(Array.from({ length: 8 }, () => true))
  })

  it('settles on plain frames when only those are read', () => {
    const plainOnly = (sharpened: boolean) => (sharpened ? { corners: CORNERS, decoded: false } : found)
    let tracking: Tracking = START
    const sharpened: boolean[] = []
    for (let frame = 0; frame < PLAIN_AFTER + 4; frame++) {
      sharpened.push(tracking.sharpen)
      tracking = track(tracking, cropFor(tracking, FRAME), FRAME, plainOnly(tracking.sharpen))
    }
    expect(sharpened).toEqual([...Array.from({ length: PLAIN_AFTER }, () => true), false, false, false, false])
  })
})
