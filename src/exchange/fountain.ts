/**
 * A systematic random linear fountain code over GF(256).
 *
 * The bytes are cut into K fragments (the last one padded with zeros). Frame n < K carries
 * fragment n as it is; frame n ≥ K carries a combination of all K fragments, each multiplied
 * by a pseudo-random byte of GF(256) (the field of AES and QR's own error correction). Dense
 * random combinations over a field of 256 elements make the code all but optimal: a receiver
 * finishes with any K frames it catches, whichever it missed and wherever in the stream it
 * started, with odds of about 1 in 250 that it needs one more. Over GF(2), where a frame
 * either holds a fragment or not, a receiver that missed one fragment has even odds that the
 * next mixed frame carries it, and needs ~1.6 frames beyond K on average: one or two screen
 * frames lost to every handoff, which at K = 7 is a fifth of the transfer.
 *
 * The coefficients are drawn by a non-linear generator (a SplitMix-style Weyl sequence through
 * the MurmurHash3 finalizer) seeded from the transfer id and n, in integers only, so that
 * every engine draws the same (golden vectors check it in Node, Chromium and WebKit). A
 * generator that is linear over GF(2), like xorshift, would confine every combination to a
 * few fixed ones: past that many fragments, no number of frames would complete the transfer.
 *
 * The receiver solves by incremental Gauss–Jordan elimination, one frame at a time, keeping
 * its rows reduced, so that its rank (the fragments solved) is the progress to show.
 */

/** MurmurHash3's 32-bit finalizer: every output bit depends non-linearly on every input bit. */
function mix32(value: number): number {
  let z = value >>> 0
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return (z ^ (z >>> 16)) >>> 0
}

/** GF(256) by logarithms, with the field polynomial x⁸ + x⁴ + x³ + x² + 1 (0x11d) and generator 2. */
const EXP = new Uint8Array(512)
const LOG = new Uint8Array(256)
for (let power = 0, value = 1; power < 255; power++) {
  EXP[power] = value
  EXP[power + 255] = value
  LOG[value] = power
  value <<= 1
  if (value & 0x100) value ^= 0x11d
}

/** The product of two field elements. */
export function gfMultiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!
}

/** The inverse of a non-zero field element. */
function gfInverse(a: number): number {
  return EXP[255 - LOG[a]!]!
}

/** target[at] += factor × source[at] for every byte, in GF(256) (where adding is XOR). */
function addScaled(target: Uint8Array, source: Uint8Array, factor: number): void {
  if (factor === 0) return
  if (factor === 1) {
    for (let at = 0; at < target.length; at++) target[at]! ^= source[at]!
    return
  }
  const log = LOG[factor]!
  for (let at = 0; at < target.length; at++) {
    const value = source[at]!
    if (value !== 0) target[at]! ^= EXP[LOG[value]! + log]!
  }
}

/** target[at] × factor for every byte, in place. */
function scale(target: Uint8Array, factor: number): void {
  if (factor === 1) return
  const log = LOG[factor]!
  for (let at = 0; at < target.length; at++) {
    const value = target[at]!
    if (value !== 0) target[at] = EXP[LOG[value]! + log]!
  }
}

/** The coefficient of each of the `k` fragments in frame `n`: one byte each. */
export function coefficientsOf(transferId: number, n: number, k: number): Uint8Array {
  const coefficients = new Uint8Array(k)
  if (n < k) {
    coefficients[n] = 1
    return coefficients
  }
  let state = mix32(mix32(transferId ^ 0x6f6b7261) + n)
  let any = 0
  for (let index = 0; index < k; index += 4) {
    state = (state + 0x9e3779b9) >>> 0
    const word = mix32(state)
    for (let byte = 0; byte < 4 && index + byte < k; byte++) {
      const value = (word >>> (8 * byte)) & 0xff
      coefficients[index + byte] = value
      any |= value
    }
  }
  // All zeros carries nothing (it happens when K is tiny): take one fragment instead.
  if (any === 0) coefficients[n % k] = 1
  return coefficients
}

export function fragmentCount(length: number, fragmentSize: number): number {
  return Math.max(1, Math.ceil(length / fragmentSize))
}

export class FountainEncoder {
  readonly k: number
  private readonly fragments: Uint8Array[]

  constructor(
    bytes: Uint8Array,
    readonly fragmentSize: number,
    readonly transferId: number,
  ) {
    this.k = fragmentCount(bytes.length, fragmentSize)
    this.fragments = Array.from({ length: this.k }, (_, index) => {
      const fragment = new Uint8Array(fragmentSize)
      fragment.set(bytes.subarray(index * fragmentSize, (index + 1) * fragmentSize))
      return fragment
    })
  }

  /** The payload of frame `n`: `fragmentSize` bytes. */
  payload(n: number): Uint8Array {
    if (n < this.k) return this.fragments[n]!.slice()
    const sum = new Uint8Array(this.fragmentSize)
    const coefficients = coefficientsOf(this.transferId, n, this.k)
    for (let index = 0; index < this.k; index++) addScaled(sum, this.fragments[index]!, coefficients[index]!)
    return sum
  }
}

export class FountainDecoder {
  /** Row i, once known, is the reduced equation whose pivot is fragment i: its coefficients, then its data. */
  private readonly rows: (Uint8Array | undefined)[]
  private readonly seen = new Set<number>()
  private solved = 0

  constructor(
    readonly k: number,
    readonly fragmentSize: number,
    readonly length: number,
    readonly transferId: number,
  ) {
    this.rows = new Array<Uint8Array | undefined>(k)
  }

  /** Fragments solved so far (the rank), out of `k`. */
  get rank(): number {
    return this.solved
  }

  get complete(): boolean {
    return this.solved === this.k
  }

  /** Whether frame `n` has been added before (its payload is then not needed). */
  has(n: number): boolean {
    return this.seen.has(n)
  }

  /** Adds frame `n`; true when it taught the decoder something new. */
  add(n: number, payload: Uint8Array): boolean {
    if (this.complete || this.seen.has(n) || payload.length !== this.fragmentSize) return false
    this.seen.add(n)
    const { k } = this
    // One equation: K coefficients, then the payload, so that each row operation is one pass.
    const row = new Uint8Array(k + this.fragmentSize)
    row.set(coefficientsOf(this.transferId, n, k))
    row.set(payload, k)

    // Cancel every known pivot. Known rows are zero at all other pivots, so each step only
    // clears its own pivot, and the factors can be read as the loop goes.
    for (let index = 0; index < k; index++) {
      const known = this.rows[index]
      if (known && row[index] !== 0) addScaled(row, known, row[index]!)
    }
    const pivot = row.subarray(0, k).findIndex(value => value !== 0)
    if (pivot < 0) return false
    scale(row, gfInverse(row[pivot]!))

    // Keep the known rows reduced: clear the new pivot from each of them.
    for (const known of this.rows) if (known && known[pivot] !== 0) addScaled(known, row, known[pivot]!)
    this.rows[pivot] = row
    this.solved++
    return true
  }

  /** The original bytes, once every fragment is solved. */
  result(): Uint8Array | null {
    if (!this.complete) return null
    const out = new Uint8Array(this.length)
    for (let index = 0; index < this.k; index++) {
      const start = index * this.fragmentSize
      if (start >= this.length) break
      const take = Math.min(this.fragmentSize, this.length - start)
      out.set(this.rows[index]!.subarray(this.k, this.k + take), start)
    }
    return out
  }
}
