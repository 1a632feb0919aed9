/**
 * What a tablet camera makes of a QR code on another screen, computed in Node: the matrix
 * tilted (keystone and rotation), placed at a share of a 1280×720 frame's height, blurred
 * (Gaussian), with a screen's low contrast and sensor noise. Reproducible from a seed.
 */
import type { QrMatrix } from '../../src/exchange/qr'

export interface Filming {
  /** The code's side (quiet zone included) as a share of the frame height. */
  readonly share: number
  /** Blur in camera pixels (Gaussian sigma). */
  readonly blur: number
  /** Keystone: how much nearer one side is than the other, as a share of the code's size. */
  readonly tilt?: number
  /** Radians. */
  readonly rotation?: number
  readonly noise?: number
  readonly seed?: number
  readonly width?: number
  readonly height?: number
  /** Where the code's centre is, in frame pixels; the frame's centre by default. */
  readonly center?: { readonly x: number; readonly y: number }
}

export interface FilmedImage {
  readonly data: Uint8ClampedArray
  readonly width: number
  readonly height: number
}

export function filmCode(matrix: QrMatrix, filming: Filming): FilmedImage {
  const width = filming.width ?? 1280
  const height = filming.height ?? 720
  const { tilt = 0.2, rotation = 0.05, noise = 8 } = filming
  let seed = (filming.seed ?? 1) >>> 0
  const random = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32
  const modules = matrix.modules + 8
  const side = height * filming.share
  const centerX = filming.center?.x ?? width / 2
  const centerY = filming.center?.y ?? height / 2
  const cos = Math.cos(rotation)
  const sin = Math.sin(rotation)
  const light = new Float32Array(width * height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const u = x - centerX
      const v = y - centerY
      const ru = cos * u + sin * v
      const rv = -sin * u + cos * v
      const w = 1 + (tilt * ru) / side
      const mu = ((ru * w) / side + 0.5) * modules
      const mv = ((rv * w) / side + 0.5) * modules
      const inside = mu >= 0 && mv >= 0 && mu < modules && mv < modules
      const column = Math.floor(mu) - 4
      const row = Math.floor(mv) - 4
      const dark = inside && matrix.dark[row]?.[column] === true
      light[y * width + x] = !inside ? 180 : dark ? 40 : 215
    }
  }
  const blurred = gaussian(light, width, height, filming.blur)
  const data = new Uint8ClampedArray(width * height * 4)
  for (let at = 0; at < width * height; at++) {
    const value = blurred[at]! + (random() + random() + random() - 1.5) * noise
    data[4 * at] = data[4 * at + 1] = data[4 * at + 2] = value
    data[4 * at + 3] = 255
  }
  return { data, width, height }
}

function gaussian(source: Float32Array, width: number, height: number, sigma: number): Float32Array {
  if (sigma <= 0) return source
  const radius = Math.ceil(sigma * 2.5)
  const kernel: number[] = []
  for (let i = -radius; i <= radius; i++) kernel.push(Math.exp(-(i * i) / (2 * sigma * sigma)))
  const total = kernel.reduce((sum, value) => sum + value, 0)
  const weights = kernel.map(value => value / total)
  const pass = (from: Float32Array, step: number, length: number, lines: number, lineStep: number) => {
    const out = new Float32Array(from.length)
    for (let line = 0; line < lines; line++) {
      for (let at = 0; at < length; at++) {
        let sum = 0
        for (let i = -radius; i <= radius; i++) {
          const j = Math.min(length - 1, Math.max(0, at + i))
          sum += from[line * lineStep + j * step]! * weights[i + radius]!
        }
        out[line * lineStep + at * step] = sum
      }
    }
    return out
  }
  return pass(pass(source, 1, width, height, width), width, height, width, 1)
}
