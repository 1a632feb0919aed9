import { expect, it } from 'vitest'
import { sharpen } from '../../src/exchange/sharpen'

/** The same mask computed the slow, obvious way: grey + 2 × (grey − mean of its 5×5 box, edges repeated). */
function naive(data: Uint8ClampedArray, w: number, h: number) {
  const g = new Int32Array(w * h)
  for (let i = 0; i < w * h; i++) g[i] = (data[4 * i]! * 77 + data[4 * i + 1]! * 150 + data[4 * i + 2]! * 29) >>> 8
  const out = new Uint8ClampedArray(w * h)
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    let s = 0
    for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) s += g[Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))]!
    const v = ((75 * g[y * w + x]! - 2 * s) / 25) | 0
    out[y * w + x] = Math.max(0, Math.min(255, v))
  }
  return out
}
it('sharpens exactly as the obvious computation does, edges and tiny images included, and leaves grey opaque pixels', () => {
  // Growing, then shrinking again: the mask keeps its buffers between frames.
  const sizes = [[1, 1], [3, 2], [5, 5], [6, 7], [37, 23], [200, 120]] as const
  for (const [w, h] of [...sizes, ...[...sizes].reverse(), [120, 200]]) {
    const d = new Uint8ClampedArray(w * h * 4).map((_, i) => (i * 2654435761) >>> 24)
    const ref = naive(d, w, h)
    sharpen(d, w, h)
    for (let i = 0; i < w * h; i++) {
      expect(d[4 * i], `${w}×${h}, pixel ${i}`).toBe(ref[i])
      expect([d[4 * i + 1], d[4 * i + 2], d[4 * i + 3]]).toEqual([ref[i], ref[i], 255])
    }
  }
})
