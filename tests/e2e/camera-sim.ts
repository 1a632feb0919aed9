/**
 * What a tablet camera makes of another tablet's animated QR code, as plain grayscale pixels.
 *
 * One self-contained function (no imports, no closures over this module), so the same code runs
 * in Node, to film a sender offline into a .y4m for Chromium's fake camera, and inside a page,
 * serialised with `toString()`, as a live camera. Everything random comes from the seed and the
 * camera frame's number: the same settings give the same video, byte for byte.
 *
 * What a room does to the picture, in the order the light meets it:
 * - the screen shows frames one after another; the camera integrates each row over its exposure,
 *   and a rolling shutter starts each row a little later than the one above, so a camera frame
 *   that spans a screen change is a mix of two codes, in different proportions top to bottom;
 * - the screen's black is grey and its white is not white, and its backlight flickers in bands;
 * - the code fills about half to two-thirds of the frame's height, tilted in perspective,
 *   rolled a little, and moved by the hand from frame to frame (slow sway plus tremor);
 * - the lens is slightly out of focus, some frames are smeared by motion, and the corners are
 *   darker than the centre (vignetting);
 * - a ceiling light makes a soft bright patch on the glass, which lowers the contrast there;
 * - the sensor adds noise, and auto-exposure nudges the gain from frame to frame.
 * A screen frame marked `lost` is one the receiver never catches: while it is on screen the
 * tablet jerks, and the frames it dominates are smeared past reading.
 *
 * The file is longer than most because its one function cannot be split into modules: a page
 * receives it as a single source text.
 */

/** One byte a pixel, row by row. */
export interface GrayImage {
  readonly width: number
  readonly height: number
  readonly data: ArrayLike<number>
}

/** A frame the sending screen showed from `start` to `end` (ms, on the camera's clock). */
export interface ShownFrame {
  readonly start: number
  readonly end: number
  readonly image: GrayImage
  readonly lost?: boolean
}

export interface CameraSettings {
  seed: number
  width: number
  height: number
  /** Camera frames a second. */
  fps: number
  /** How long each row collects light, in ms. */
  exposureMs: number
  /** Rolling shutter: how much later the last row starts than the first, in ms. */
  readoutMs: number
  /** The code's side as a share of the frame's height; 0 picks one from the seed in 0.5–0.67. */
  codeHeight: number
  /** Largest tilt about each axis, in degrees; the seed picks a tilt between a third of it and all of it. */
  tiltDeg: number
  /** Largest in-plane rotation, in degrees. */
  rollDeg: number
  /** Hand shake amplitude in pixels. */
  shakePx: number
  /** Defocus: radius of the lens blur in pixels (two box passes, close to a Gaussian). */
  defocusPx: number
  /** Share of frames smeared by motion, and how far (pixels). */
  motionBlurShare: number
  motionBlurPx: number
  /** Strength of the glare patch, 0–1. */
  glare: number
  /** Sensor noise, standard deviation in grey levels. */
  noise: number
  /** The screen's darkest and brightest levels as the camera sees them. */
  black: number
  white: number
}

export interface TabletCamera {
  readonly settings: CameraSettings
  /** Writes camera frame `index`, whose first row starts collecting light at `time`, into `out` (width × height bytes). */
  render(index: number, time: number, shown: readonly ShownFrame[], out: Uint8Array | Uint8ClampedArray): void
}

export function makeTabletCamera(partial: Partial<CameraSettings> = {}): TabletCamera {
  // Defaults live here, not in a module constant: this function must stand alone in a page.
  // In room light a 30 fps camera exposes each row 25 ms and reads the rows out in 16 ms. A
  // faster camera (iPad rear cameras offer 60 fps at 720p and 1080p) cannot expose a row longer
  // than its frame period, so it exposes 16 ms at 60 fps with its gain raised to match, which
  // raises the noise as much (25 ÷ 16: the read noise grows with the gain; shot noise alone
  // would grow only by its square root), and reads the rows out in 10 ms. Motion smears stay
  // as long as at 30 fps, though a shorter exposure would shorten them.
  const period = 1000 / (partial.fps ?? 30)
  const exposureMs = partial.exposureMs ?? Math.min(25, Math.floor(period - 0.5))
  const defaults: CameraSettings = {
    seed: 1, width: 1280, height: 720, fps: 30, exposureMs, readoutMs: Math.min(16, Math.round(0.6 * period)), codeHeight: 0,
    tiltDeg: 14, rollDeg: 4, shakePx: 6, defocusPx: 1, motionBlurShare: 0.12, motionBlurPx: 5, glare: 0.45,
    noise: 5 * Math.max(1, 25 / exposureMs), black: 38, white: 212,
  }
  const s: CameraSettings = { ...defaults, ...partial }
  const W = s.width
  const H = s.height

  const rng = (seed: number) => {
    let a = seed >>> 0
    return () => {
      a = (a + 0x6d2b79f5) >>> 0
      let t = a
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
  }
  const setup = rng(s.seed * 2654435761)
  const between = (low: number, high: number) => low + (high - low) * setup()
  const sign = () => (setup() < 0.5 ? -1 : 1)
  const rad = Math.PI / 180

  // The pose the tablet is held in, for the whole filming.
  const side = (s.codeHeight || between(0.5, 0.67)) * H
  const tiltX = sign() * between(s.tiltDeg / 3, s.tiltDeg) * rad
  const tiltY = sign() * between(s.tiltDeg / 3, s.tiltDeg) * rad
  const roll = sign() * between(s.rollDeg / 4, s.rollDeg) * rad
  const centreX = W / 2 + between(-0.08, 0.08) * W
  const centreY = H / 2 + between(-0.05, 0.05) * H
  const sway = [between(0.6, 1.4), between(0, 6.3), between(0.6, 1.4), between(0, 6.3)]
  const tremor = [between(5, 9), between(0, 6.3), between(5, 9), between(0, 6.3)]
  const glareX = centreX + between(-0.2, 0.2) * W
  const glareY = centreY + between(-0.3, 0.1) * H
  const glareSigma = between(0.12, 0.2) * H
  const flickerPeriod = between(60, 140)
  const focal = W / (2 * Math.tan(33 * rad))

  // The room behind the tablet, darker in the corners: the same in every frame.
  const room = new Float32Array(W * H)
  const vignette = new Float32Array(W * H)
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const dx = (x - W / 2) / (W / 2)
      const dy = (y - H / 2) / (H / 2)
      vignette[y * W + x] = 1 - 0.22 * (dx * dx + dy * dy) / 2
      room[y * W + x] = (150 - 50 * (y / H) + 12 * Math.sin(x / 37) * Math.sin(y / 53)) * vignette[y * W + x]!
    }
  }
  // Sensor noise: a table of Gaussian values read from a new place each frame.
  const NOISE = 1 << 16
  const noiseTable = new Float32Array(NOISE)
  for (let i = 0; i < NOISE; i++) {
    noiseTable[i] = (setup() + setup() + setup() + setup() - 2) * Math.sqrt(3) * s.noise
  }

  /** The homography taking the four points `from` onto the four points `to` ([x, y] pairs). */
  const homography = (from: number[][], to: number[][]) => {
    const a: number[][] = []
    for (let i = 0; i < 4; i++) {
      const [x, y] = from[i]!
      const [u, v] = to[i]!
      a.push([x!, y!, 1, 0, 0, 0, -u! * x!, -u! * y!, u!])
      a.push([0, 0, 0, x!, y!, 1, -v! * x!, -v! * y!, v!])
    }
    for (let c = 0; c < 8; c++) {
      let pivot = c
      for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r
      const swap = a[c]!
      a[c] = a[pivot]!
      a[pivot] = swap
      for (let r = 0; r < 8; r++) {
        if (r === c) continue
        const f = a[r]![c]! / a[c]![c]!
        for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!
      }
    }
    return a.map((row, i) => row[8]! / row[i]!).concat(1)
  }
  const apply = (h: number[], x: number, y: number) => {
    const w = h[6]! * x + h[7]! * y + h[8]!
    return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w] as const
  }

  /** Where the code's corners land in camera frame `index`: the held pose plus the hand's movement. */
  const corners = (index: number) => {
    const t = index / s.fps
    const wave = (p: number[], i: number) => Math.sin(2 * Math.PI * p[i]! * t + p[i + 1]!)
    const shakeX = s.shakePx * (0.7 * wave(sway, 0) + 0.3 * wave(tremor, 0))
    const shakeY = s.shakePx * (0.7 * wave(sway, 2) + 0.3 * wave(tremor, 2))
    const r = roll + 0.004 * s.shakePx * wave(tremor, 2)
    const [cx, sx] = [Math.cos(tiltX), Math.sin(tiltX)]
    const [cy, sy] = [Math.cos(tiltY), Math.sin(tiltY)]
    const [cr, sr] = [Math.cos(r), Math.sin(r)]
    return [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([px, py]) => {
      let x = (px! * side) / 2
      let y = (py! * side) / 2
      ;[x, y] = [x * cr - y * sr, x * sr + y * cr]
      let z = -y * sx
      y = y * cx
      ;[x, z] = [x * cy + z * sy, -x * sy + z * cy]
      const depth = focal / (focal + z)
      return [centreX + shakeX + x * depth, centreY + shakeY + y * depth]
    })
  }

  const light = new Float32Array(W * H)
  const spare = new Float32Array(W * H)

  /** Separable box blur of `radius` over the rectangle, in place. */
  const boxBlur = (x0: number, y0: number, x1: number, y1: number, radius: number) => {
    if (radius < 1) return
    const r = Math.round(radius)
    const span = 2 * r + 1
    for (let y = y0; y < y1; y++) {
      let sum = 0
      for (let x = x0 - r; x <= x0 + r; x++) sum += light[y * W + Math.min(x1 - 1, Math.max(x0, x))]!
      for (let x = x0; x < x1; x++) {
        spare[y * W + x] = sum / span
        sum += light[y * W + Math.min(x1 - 1, x + r + 1)]! - light[y * W + Math.max(x0, x - r)]!
      }
    }
    for (let x = x0; x < x1; x++) {
      let sum = 0
      for (let y = y0 - r; y <= y0 + r; y++) sum += spare[Math.min(y1 - 1, Math.max(y0, y)) * W + x]!
      for (let y = y0; y < y1; y++) {
        light[y * W + x] = sum / span
        sum += spare[Math.min(y1 - 1, y + r + 1) * W + x]! - spare[Math.max(y0, y - r) * W + x]!
      }
    }
  }

  /** Smears the rectangle along the direction `angle` over `length` pixels, in place. */
  const lineBlur = (x0: number, y0: number, x1: number, y1: number, length: number, angle: number) => {
    const taps = Math.max(2, Math.round(length))
    const offsets: number[] = []
    for (let i = 0; i < taps; i++) {
      const d = i - (taps - 1) / 2
      offsets.push(Math.round(d * Math.sin(angle)) * W + Math.round(d * Math.cos(angle)))
    }
    const reach = Math.ceil(taps / 2) + 1
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const at = y * W + x
        if (y < y0 + reach || y >= y1 - reach || x < x0 + reach || x >= x1 - reach) {
          spare[at] = light[at]!
          continue
        }
        let sum = 0
        for (const o of offsets) sum += light[at + o]!
        spare[at] = sum / taps
      }
    }
    for (let y = y0; y < y1; y++) light.set(spare.subarray(y * W + x0, y * W + x1), y * W + x0)
  }

  const render = (index: number, time: number, shown: readonly ShownFrame[], out: Uint8Array | Uint8ClampedArray) => {
    const frameRng = rng((s.seed * 7919 + index * 104729) >>> 0)
    const quad = corners(index)
    const toCode = homography(quad, [[0, 0], [1, 0], [1, 1], [0, 1]])
    const toFrame = homography([[0, 0], [1, 0], [1, 1], [0, 1]], quad)
    // The screen's page around the code, then the tablet's bezel, in code units.
    const page = 0.1
    const bezel = 0.2
    let [x0, y0, x1, y1] = [W, H, 0, 0]
    for (const [u, v] of [[-bezel, -bezel], [1 + bezel, -bezel], [1 + bezel, 1 + bezel], [-bezel, 1 + bezel]]) {
      const [x, y] = apply(toFrame, u!, v!)
      ;[x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)]
    }
    // Room for a smear to pull the surroundings in.
    const margin = Math.ceil(0.08 * side) + 4
    x0 = Math.max(0, Math.floor(x0) - margin)
    y0 = Math.max(0, Math.floor(y0) - margin)
    x1 = Math.min(W, Math.ceil(x1) + margin)
    y1 = Math.min(H, Math.ceil(y1) + margin)

    // Which screen frames each row saw, and how much of each.
    const rowMix: { image: GrayImage; weight: number }[][] = []
    const seen = new Map<ShownFrame, number>()
    for (let y = y0; y < y1; y++) {
      const from = time + (y / H) * s.readoutMs
      const to = from + s.exposureMs
      const mix: { image: GrayImage; weight: number }[] = []
      for (const frame of shown) {
        const overlap = Math.min(to, frame.end) - Math.max(from, frame.start)
        if (overlap <= 0) continue
        mix.push({ image: frame.image, weight: overlap / s.exposureMs })
        seen.set(frame, (seen.get(frame) ?? 0) + overlap)
      }
      // Past the last frame shown, the screen still shows it.
      if (mix.length === 0 && shown.length > 0) mix.push({ image: shown[shown.length - 1]!.image, weight: 1 })
      const total = mix.reduce((sum, part) => sum + part.weight, 0)
      for (const part of mix) part.weight /= total || 1
      rowMix.push(mix)
    }
    let dominant: ShownFrame | undefined
    for (const [frame, amount] of seen) if (!dominant || amount > seen.get(dominant)!) dominant = frame

    const range = s.white - s.black
    const flickerPhase = frameRng() * 2 * Math.PI
    light.set(room)
    for (let y = y0; y < y1; y++) {
      const mix = rowMix[y - y0]!
      for (let x = x0; x < x1; x++) {
        const at = y * W + x
        const w = toCode[6]! * (x + 0.5) + toCode[7]! * (y + 0.5) + toCode[8]!
        const u = (toCode[0]! * (x + 0.5) + toCode[1]! * (y + 0.5) + toCode[2]!) / w
        const v = (toCode[3]! * (x + 0.5) + toCode[4]! * (y + 0.5) + toCode[5]!) / w
        let level: number
        if (u >= 0 && u < 1 && v >= 0 && v < 1) {
          let value = 0
          for (const { image, weight } of mix) {
            const fx = Math.max(0, Math.min(image.width - 1.001, u * image.width - 0.5))
            const fy = Math.max(0, Math.min(image.height - 1.001, v * image.height - 0.5))
            const ix = fx | 0
            const iy = fy | 0
            const ax = fx - ix
            const ay = fy - iy
            const d = image.data
            const i = iy * image.width + ix
            const top = d[i]! + (d[i + 1]! - d[i]!) * ax
            const bottom = d[i + image.width]! + (d[i + image.width + 1]! - d[i + image.width]!) * ax
            value += weight * (top + (bottom - top) * ay)
          }
          level = s.black + (range * value) / 255
        } else if (u >= -page && u < 1 + page && v >= -page && v < 1 + page) level = s.white * 0.97
        else if (u >= -bezel && u < 1 + bezel && v >= -bezel && v < 1 + bezel) level = 22
        else {
          light[at] = room[at]!
          continue
        }
        // The backlight's flicker, caught row by row by the rolling shutter.
        light[at] = level * (1 + 0.03 * Math.sin((2 * Math.PI * y) / flickerPeriod + flickerPhase)) * vignette[at]!
      }
    }

    boxBlur(x0, y0, x1, y1, s.defocusPx)
    boxBlur(x0, y0, x1, y1, s.defocusPx)
    if (dominant?.lost) {
      // The jerk: a smear several modules long (as box passes, which cost the same at any length).
      boxBlur(x0, y0, x1, y1, 0.03 * side)
      boxBlur(x0, y0, x1, y1, 0.03 * side)
    }
    else if (frameRng() < s.motionBlurShare) lineBlur(x0, y0, x1, y1, s.motionBlurPx * (0.6 + 0.8 * frameRng()), frameRng() * Math.PI)

    // Glare, auto-exposure and noise, then to bytes.
    const gain = 1 + 0.06 * (frameRng() - 0.5)
    const glareRow = new Float32Array(H)
    const glareColumn = new Float32Array(W)
    const drift = 0.02 * H * Math.sin(index / 23)
    for (let y = 0; y < H; y++) glareRow[y] = Math.exp(-((y - glareY - drift) ** 2) / (2 * glareSigma * glareSigma))
    for (let x = 0; x < W; x++) glareColumn[x] = Math.exp(-((x - glareX - drift) ** 2) / (2 * (1.4 * glareSigma) ** 2))
    for (let y = 0; y < H; y++) {
      const g = s.glare * glareRow[y]!
      let n = (frameRng() * NOISE) | 0
      for (let x = 0; x < W; x++) {
        const at = y * W + x
        let level = light[at]! * gain
        level += (255 - level) * g * glareColumn[x]!
        n = (n + 7919) & (NOISE - 1)
        level += noiseTable[n]!
        out[at] = level < 0 ? 0 : level > 255 ? 255 : level
      }
    }
  }

  return { settings: s, render }
}
