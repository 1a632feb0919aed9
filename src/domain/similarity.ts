/**
 * Suggested groups for Read & cluster: cards that say much the same thing, found by the words
 * they share. It runs on the tablet, offline, so it is plain word overlap (Jaccard), not a model.
 */

/** Two cards are alike when at least this share of their distinct words is common to both. */
export const SIMILARITY_THRESHOLD = 0.25

/** Words that say nothing about what a card is about. */
const STOP_WORDS = new Set(
  `the and but nor for yet not can could should would will shall may might must have has had having
  are was were been being does did doing done this that these those there their theirs they them then
  than with without from into onto over under about after before above below between through during
  while until when where why how what which who whom whose all any both each every few more most less
  least other others some such only own same too very just also again once here out off our ours you
  your yours his her hers its itself she him himself herself ourselves themselves myself yourself let
  lets get gets got make makes made use uses using via per one etc maybe like want need new`
    .split(/\s+/)
    .filter(Boolean),
)

/** A word shorter than this carries too little to match on ("a", "to", "of", "ab"). */
const MIN_LENGTH = 3

/** One normalized word of a card: the stem it is matched on, and the word as written. */
export interface Word {
  readonly stem: string
  readonly surface: string
}

/**
 * The words of a text, ready to compare: lower case, without diacritics or punctuation,
 * without stop words, numbers and very short words, each with a light stem so that
 * "invite", "invites" and "invited" meet.
 */
export function normalizeWords(text: string): Word[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    // Contractions would leave fragments such as "don" or "ll".
    .replace(/n['’]t\b/g, ' ')
    .replace(/['’](s|ll|re|ve|d|m|t)\b/g, ' ')
  const words: Word[] = []
  for (const token of plain.split(/[^\p{L}\p{N}]+/u)) {
    if (token.length < MIN_LENGTH || /^\p{N}+$/u.test(token) || STOP_WORDS.has(token)) continue
    const stem = stemWord(token)
    if (stem.length < MIN_LENGTH || STOP_WORDS.has(stem)) continue
    words.push({ stem, surface: token })
  }
  return words
}

/** The distinct stems of a text: what Jaccard similarity compares. */
export function wordSet(text: string): Set<string> {
  return new Set(normalizeWords(text).map(word => word.stem))
}

/**
 * A light stem, in the spirit of Porter's first step: plurals, -ing, -ed and a final e go,
 * so "share", "shares", "shared" and "sharing" all become "shar". Not a full stemmer: a wrong
 * merge of two words would suggest groups that make no sense, a missed one only misses one.
 */
export function stemWord(word: string): string {
  let stem = word
  if (stem.length > 4 && stem.endsWith('ies')) stem = `${stem.slice(0, -3)}y`
  else if (stem.endsWith('sses')) stem = stem.slice(0, -2)
  else if (/(ch|sh|x|z)es$/.test(stem)) stem = stem.slice(0, -2)
  else if (stem.length > 3 && stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1)

  const suffix = /ing$/.test(stem) ? 3 : /ed$/.test(stem) ? 2 : 0
  if (suffix > 0 && stem.length - suffix >= 3 && /[aeiouy]/.test(stem.slice(0, -suffix))) {
    stem = stem.slice(0, -suffix)
    // "shopping" → "shop", "planned" → "plan"; but "install", "toss" and "buzz" keep theirs.
    if (stem.length > 3 && /([^aeiouylsz])\1$/.test(stem)) stem = stem.slice(0, -1)
  }
  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1)
  return stem
}

/** |A ∩ B| / |A ∪ B|: 1 for the same words, 0 for none in common (and for two empty sets). */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0
  let common = 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  for (const word of small) if (large.has(word)) common++
  return common / (a.size + b.size - common)
}

export interface SimilarText {
  readonly id: string
  readonly text: string
}

export interface SuggestedGroup {
  /** The ids of the cards, in the order they were given. */
  readonly ids: readonly string[]
  /** The words at least two of the cards share, the most shared first, as people wrote them. */
  readonly shared: readonly string[]
  /** The same set of cards always has the same key, so a dismissal can be remembered. */
  readonly key: string
  /** The mean similarity of the pairs in the group. */
  readonly similarity: number
}

export interface SuggestOptions {
  readonly threshold?: number
  /**
   * Words two cards must share (or all the words of the shorter card, when it has fewer):
   * one common word ("match", in a room about matches) is a coincidence, not a theme.
   */
  readonly minShared?: number
  /** Only the first this many cards are compared, so a huge room stays quick. */
  readonly maxCards?: number
  /** At most this many shared words are named per group. */
  readonly maxShared?: number
}

/**
 * Groups of cards that are alike. Every pair of cards in a group is at least `threshold`
 * alike and shares `minShared` words (complete linkage), so a chain of half-related cards
 * (A like B, B like C, A nothing like C) does not become one group. Pairs are joined most
 * alike first; the result depends on nothing but the cards and their order.
 *
 * Only cards that share a word are ever compared (through an index of words), so the cost
 * follows how many pairs share words, not the square of the number of cards.
 */
export function suggestGroups(cards: readonly SimilarText[], options: SuggestOptions = {}): SuggestedGroup[] {
  const threshold = options.threshold ?? SIMILARITY_THRESHOLD
  const minShared = options.minShared ?? 2
  const considered = cards.slice(0, options.maxCards ?? 500)
  const n = considered.length

  const wordIds = new Map<string, number>()
  const surfaces: Map<number, string>[] = []
  const sets: number[][] = []
  const postings: number[][] = []
  considered.forEach((card, index) => {
    const seen = new Map<number, string>()
    for (const word of normalizeWords(card.text)) {
      let wordId = wordIds.get(word.stem)
      if (wordId === undefined) {
        wordId = wordIds.size
        wordIds.set(word.stem, wordId)
        postings.push([])
      }
      const known = seen.get(wordId)
      if (known === undefined || word.surface.length < known.length) seen.set(wordId, word.surface)
    }
    surfaces.push(seen)
    sets.push([...seen.keys()])
    for (const wordId of seen.keys()) postings[wordId]!.push(index)
  })

  // Words in common for every pair that has any, counted through the index.
  const similarity = new Map<number, number>()
  const pairs: { a: number; b: number; value: number }[] = []
  const common = new Int32Array(n)
  const touched: number[] = []
  for (let a = 0; a < n; a++) {
    for (const wordId of sets[a]!) {
      for (const b of postings[wordId]!) {
        if (b <= a) continue
        const before = common[b]!
        common[b] = before + 1
        if (before === 0) touched.push(b)
      }
    }
    for (const b of touched) {
      const shared = common[b]!
      common[b] = 0
      const sizeA = sets[a]!.length
      const sizeB = sets[b]!.length
      const value = shared / (sizeA + sizeB - shared)
      if (value >= threshold && shared >= Math.min(minShared, sizeA, sizeB)) {
        similarity.set(a * n + b, value)
        pairs.push({ a, b, value })
      }
    }
    touched.length = 0
  }
  pairs.sort((x, y) => y.value - x.value || x.a - y.a || x.b - y.b)

  const alike = (x: number, y: number) => similarity.has(x < y ? x * n + y : y * n + x)
  const parent = Array.from({ length: n }, (_, index) => index)
  const members = Array.from({ length: n }, (_, index) => [index])
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!
    return x
  }
  for (const { a, b } of pairs) {
    const ra = find(a)
    const rb = find(b)
    if (ra === rb) continue
    const left = members[ra]!
    const right = members[rb]!
    if (!left.every(x => right.every(y => alike(x, y)))) continue
    parent[rb] = ra
    members[ra] = left.concat(right)
    members[rb] = []
  }

  const groups: (SuggestedGroup & { first: number })[] = []
  for (let root = 0; root < n; root++) {
    if (find(root) !== root || members[root]!.length < 2) continue
    const indexes = [...members[root]!].sort((x, y) => x - y)
    let total = 0
    let count = 0
    for (let i = 0; i < indexes.length; i++) {
      for (let j = i + 1; j < indexes.length; j++) {
        const x = indexes[i]!
        const y = indexes[j]!
        total += similarity.get(x * n + y) ?? 0
        count++
      }
    }
    const ids = indexes.map(index => considered[index]!.id)
    groups.push({
      ids,
      shared: sharedWords(indexes, surfaces, options.maxShared ?? 5),
      key: [...ids].sort().join(','),
      similarity: count > 0 ? total / count : 0,
      first: indexes[0]!,
    })
  }
  groups.sort((x, y) => y.ids.length - x.ids.length || y.similarity - x.similarity || x.first - y.first)
  return groups.map(({ first: _first, ...group }) => group)
}

/** The words two or more of the cards share, the most shared first, each in its shortest written form. */
function sharedWords(indexes: readonly number[], surfaces: readonly Map<number, string>[], max: number): string[] {
  const counts = new Map<number, { count: number; surface: string; order: number }>()
  for (const index of indexes) {
    for (const [wordId, surface] of surfaces[index]!) {
      const known = counts.get(wordId)
      if (!known) counts.set(wordId, { count: 1, surface, order: counts.size })
      else {
        known.count++
        if (surface.length < known.surface.length) known.surface = surface
      }
    }
  }
  return [...counts.values()]
    .filter(word => word.count >= 2)
    .sort((x, y) => y.count - x.count || x.order - y.order)
    .slice(0, max)
    .map(word => word.surface)
}

/**
 * The first title of a new milestone: its first card's text, on one line, cut at a word
 * before `max` characters. The room renames it; the card itself keeps its whole text.
 */
export function titleFromCardText(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (line.length <= max) return line
  // Cut just before the last word that does not fit whole.
  const cut = line.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`
}
