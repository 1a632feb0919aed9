/**
 * Draws a text as a QR code: the optical half of a handoff's sending side.
 *
 * The matrix comes from `uqr` (a port of Nayuki's QR generator): it picks the smallest version
 * and the densest mode that fit, so a Base45 frame is coded in alphanumeric mode (5.5 bits a
 * character instead of 8) and ~1,200 characters fit in version 20–21 at error correction L.
 * We ask for L and let the generator raise the correction level whenever the text still fits
 * in the same version: a stronger code at no cost in size.
 */
import { encode } from 'uqr'

/** White modules on every side; the QR standard asks for 4, and cheap cameras need them. */
export const QUIET_ZONE = 4

export interface QrMatrix {
  /** 1–40: the QR version; a version-v code is 17 + 4v modules wide. */
  readonly version: number
  /** Modules on a side, quiet zone excluded. */
  readonly modules: number
  /** `dark[row][column]` */
  readonly dark: readonly (readonly boolean[])[]
}

export interface DrawnQr {
  readonly version: number
  readonly modules: number
  /** Canvas pixels per module: whole, so every module is a crisp square. */
  readonly moduleSize: number
  /** Canvas width = height in canvas pixels, quiet zone included. */
  readonly size: number
}

export interface DrawQrOptions {
  /** The largest side the code may take, in CSS pixels. */
  readonly maxSize: number
  /**
   * Device pixels per CSS pixel. The canvas is sized in device pixels so each module is a whole
   * number of the screen's own pixels; defaults to the window's `devicePixelRatio`.
   */
  readonly pixelRatio?: number
}

export interface EncodeQrOptions {
  /**
   * The mask pattern (0–7). By default the generator tries all eight and keeps the one the
   * standard's penalty rules score best, which is most of the work: a version-30 matrix takes
   * ~2 ms with a given mask and ~60 times that with the search. On frames of sealed, Base45
   * text (random-looking by design) the masks score nearly alike, so an animated code names
   * one per frame instead, and no unlucky mask repeats from frame to frame.
   */
  readonly mask?: number
}

/** The text as a QR matrix (version chosen automatically, error correction at least L). */
export function encodeQr(text: string, options: EncodeQrOptions = {}): QrMatrix {
  try {
    const mask = options.mask === undefined ? {} : { maskPattern: ((options.mask % 8) + 8) % 8 }
    const result = encode(text, { ecc: 'L', boostEcc: true, border: 0, ...mask })
    return { version: result.version, modules: result.size, dark: result.data }
  } catch (error) {
    // uqr throws a RangeError when even version 40 is too small.
    throw new Error(`This text (${text.length} characters) is too long for one QR code.`, { cause: error })
  }
}

/** Module size in whole pixels for a code of `modules` modules in at most `maxPixels`; at least 1. */
export function moduleSizeFor(modules: number, maxPixels: number): number {
  return Math.max(1, Math.floor(maxPixels / (modules + 2 * QUIET_ZONE)))
}

/** Draws `text` as a QR code on `canvas`: black on white, whole pixels per module, no smoothing. */
export function drawQr(canvas: HTMLCanvasElement, text: string, options: DrawQrOptions): DrawnQr {
  return paintQr(canvas, encodeQr(text), options)
}

/** Paints an already encoded matrix (so a sender can encode its frames once and redraw them fast). */
export function paintQr(canvas: HTMLCanvasElement, matrix: QrMatrix, options: DrawQrOptions): DrawnQr {
  const pixelRatio = options.pixelRatio ?? globalThis.devicePixelRatio ?? 1
  const moduleSize = moduleSizeFor(matrix.modules, options.maxSize * pixelRatio)
  const size = (matrix.modules + 2 * QUIET_ZONE) * moduleSize
  if (canvas.width !== size) canvas.width = size
  if (canvas.height !== size) canvas.height = size
  // Back to CSS pixels, so one module covers exactly `moduleSize` device pixels on screen.
  canvas.style.width = canvas.style.height = `${size / pixelRatio}px`
  canvas.style.imageRendering = 'pixelated'

  const context = canvas.getContext('2d', { alpha: false })
  if (!context) throw new Error('This browser cannot draw on a canvas.')
  context.imageSmoothingEnabled = false
  context.fillStyle = '#fff'
  context.fillRect(0, 0, size, size)
  context.fillStyle = '#000'
  const offset = QUIET_ZONE * moduleSize
  matrix.dark.forEach((row, y) => {
    // One rectangle per run of dark modules: far fewer calls than one per module.
    let runStart = -1
    for (let x = 0; x <= row.length; x++) {
      const isDark = x < row.length && row[x] === true
      if (isDark && runStart < 0) runStart = x
      else if (!isDark && runStart >= 0) {
        context.fillRect(offset + runStart * moduleSize, offset + y * moduleSize, (x - runStart) * moduleSize, moduleSize)
        runStart = -1
      }
    }
  })
  return { version: matrix.version, modules: matrix.modules, moduleSize, size }
}
