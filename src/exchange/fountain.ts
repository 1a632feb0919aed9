/**
 * A systematic random linear fountain code over GF(2).
 *
 * The bytes are cut into K fragments (the last one padded with zeros). Frame n < K carries
 * fragment n as it is; frame n ≥ K carries the XOR of a pseudo-random subset of fragments,
 * each fragment taken with probability 1/2. Such dense random combinations are what make the
 * code nearly optimal: once a receiver is missing m fragments, almost every mixed frame it
 * catches is new information, and it needs on average only ~1.6 frames beyond m, whatever
 * frames it missed and wherever in the stream it started.
 *
 * The subset is drawn by a non-linear generator (a SplitMix-style Weyl sequence through the
 * MurmurHash3 finalizer) seeded from the transfer id and n. A generator that is linear over
 * GF(2), like xorshift, would make every subset a combination of 32 fixed ones: past 32
 * fragments, no number of frames would complete the transfer.
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

/** The fragments that frame `n` combines, as a bitset of `k` bits in 32-bit words. */
export function fragmentsOf(transferId: number, n: number, k: number): Uint32Array {
  const words = Math.ceil(k / 32)
  const bits = new Uint32Array(words)
  if (n < k) {
    bits[n >>> 5] = 1 << (n & 31)
    return bits
  }
  let state = mix32(mix32(transferId ^ 0x6f6b7261) + n)
  for (let word = 0; word < words; word++) {
    state = (state + 0x9e3779b9) >>> 0
    bits[word] = mix32(state)
  }
  const spare = words * 32 - k
  if (spare > 0) bits[words - 1] = bits[words - 1]! & (0xffffffff >>> spare)
  let any = 0
  for (let word = 0; word < words; word++) any |= bits[word]!
  // An empty subset carries nothing (it happens when K is tiny): take one fragment instead.
  if (any === 0) bits[(n % k) >>> 5] = 1 << (n % k & 31)
  return bits
}

export function fragmentCount(length: number, fragmentSize: number): number {
  return Math.max(1, Math.ceil(length / fragmentSize))
}

/** The padded bytes of one fragment, as 32-bit words, so that XOR runs a word at a time. */
function wordsPerFragment(fragmentSize: number): number {
  return Math.ceil(fragmentSize / 4)
}

export class FountainEncoder {
  readonly k: number
  private readonly stride: number
  private readonly fragments: Uint32Array

  constructor(
    bytes: Uint8Array,
    readonly fragmentSize: number,
    readonly transferId: number,
  ) {
    this.k = fragmentCount(bytes.length, fragmentSize)
    this.stride = wordsPerFragment(fragmentSize)
    const padded = new Uint8Array(this.k * this.stride * 4)
    for (let index = 0; index < this.k; index++) {
      padded.set(bytes.subarray(index * fragmentSize, (index + 1) * fragmentSize), index * this.stride * 4)
    }
    this.fragments = new Uint32Array(padded.buffer)
  }

  /** The payload of frame `n`: `fragmentSize` bytes. */
  payload(n: number): Uint8Array {
    const sum = new Uint32Array(this.stride)
    const bits = fragmentsOf(this.transferId, n, this.k)
    for (let word = 0; word < bits.length; word++) {
      let set = bits[word]!
      while (set !== 0) {
        const low = set & -set
        const index = word * 32 + (31 - Math.clz32(low))
        set ^= low
        const from = index * this.stride
        for (let at = 0; at < this.stride; at++) sum[at]! ^= this.fragments[from + at]!
      }
    }
    return new Uint8Array(sum.buffer, 0, this.fragmentSize)
  }
}

export class FountainDecoder {
  private readonly words: number
  private readonly stride: number
  /** Row i, once known, is the reduced equation whose pivot is fragment i. */
  private readonly coefficients: Uint32Array
  private readonly data: Uint32Array
  private readonly pivots: Uint32Array
  private readonly seen = new Set<number>()
  private solved = 0

  constructor(
    readonly k: number,
    readonly fragmentSize: number,
    readonly length: number,
    readonly transferId: number,
  ) {
    this.words = Math.ceil(k / 32)
    this.stride = wordsPerFragment(fragmentSize)
    this.coefficients = new Uint32Array(k * this.words)
    this.data = new Uint32Array(k * this.stride)
    this.pivots = new Uint32Array(this.words)
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
    const { words, stride } = this
    const row = fragmentsOf(this.transferId, n, this.k)
    const padded = new Uint8Array(stride * 4)
    padded.set(payload)
    const data = new Uint32Array(padded.buffer)

    // Cancel every known pivot. Known rows are zero at all other pivots, so each XOR only
    // clears its own pivot bit, and the pivots to cancel can be read off before starting.
    for (let word = 0; word < words; word++) {
      let set = row[word]! & this.pivots[word]!
      while (set !== 0) {
        const low = set & -set
        set ^= low
        this.xorInto(row, data, word * 32 + (31 - Math.clz32(low)))
      }
    }
    let pivot = -1
    for (let word = 0; word < words && pivot < 0; word++) {
      const bits = row[word]!
      if (bits !== 0) pivot = word * 32 + (31 - Math.clz32(bits & -bits))
    }
    if (pivot < 0) return false

    // Keep the known rows reduced: clear the new pivot from each of them.
    const pivotWord = pivot >>> 5
    const pivotBit = 1 << (pivot & 31)
    for (let other = 0; other < this.k; other++) {
      if ((this.pivots[other >>> 5]! & (1 << (other & 31))) === 0) continue
      const rowAt = other * words
      if ((this.coefficients[rowAt + pivotWord]! & pivotBit) === 0) continue
      for (let word = 0; word < words; word++) this.coefficients[rowAt + word]! ^= row[word]!
      const dataAt = other * stride
      for (let at = 0; at < stride; at++) this.data[dataAt + at]! ^= data[at]!
    }
    this.coefficients.set(row, pivot * words)
    this.data.set(data, pivot * stride)
    this.pivots[pivotWord]! |= pivotBit
    this.solved++
    return true
  }

  /** The original bytes, once every fragment is solved. */
  result(): Uint8Array | null {
    if (!this.complete) return null
    const out = new Uint8Array(this.length)
    const bytes = new Uint8Array(this.data.buffer)
    for (let index = 0; index < this.k; index++) {
      const start = index * this.fragmentSize
      if (start >= this.length) break
      const take = Math.min(this.fragmentSize, this.length - start)
      out.set(bytes.subarray(index * this.stride * 4, index * this.stride * 4 + take), start)
    }
    return out
  }

  private xorInto(row: Uint32Array, data: Uint32Array, pivot: number): void {
    const rowAt = pivot * this.words
    for (let word = 0; word < this.words; word++) row[word]! ^= this.coefficients[rowAt + word]!
    const dataAt = pivot * this.stride
    for (let at = 0; at < this.stride; at++) data[at]! ^= this.data[dataAt + at]!
  }
}
