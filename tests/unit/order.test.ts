import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { byPosition, moveIndex, placeAt, positionAfterLast, positionBetween, type Placed } from '../../src/domain/order'

/** The ids in shown order after applying position writes. */
function apply(list: readonly Placed[], writes: readonly Placed[]): string[] {
  const next = new Map(list.map(item => [item.id, item.position]))
  for (const write of writes) next.set(write.id, write.position)
  return [...next.entries()].map(([id, position]) => ({ id, position })).sort(byPosition).map(item => item.id)
}

describe('positions between neighbours', () => {
  it('takes the midpoint between two neighbours', () => {
    expect(positionBetween(1, 2)).toBe(1.5)
    expect(positionBetween(-3, 5)).toBe(1)
  })

  it('goes one before the first and one after the last', () => {
    expect(positionBetween(undefined, 1)).toBe(0)
    expect(positionBetween(4, undefined)).toBe(5)
    expect(positionBetween(undefined, undefined)).toBe(1)
  })

  it('puts a new record after the last one, on a whole number', () => {
    expect(positionAfterLast([])).toBe(1)
    expect(positionAfterLast([1, 3, 2])).toBe(4)
    expect(positionAfterLast([1, 2.5])).toBe(3)
  })
})

describe('moves', () => {
  const list: Placed[] = [
    { id: 'a', position: 1 },
    { id: 'b', position: 2 },
    { id: 'c', position: 3 },
    { id: 'd', position: 4 },
  ]

  it('moves an item within a list', () => {
    expect(moveIndex(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd'])
    expect(moveIndex(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c'])
  })

  it('moves down with one write, between the new neighbours', () => {
    expect(placeAt(list, 'a', 2)).toEqual([{ id: 'a', position: 3.5 }])
    expect(apply(list, placeAt(list, 'a', 2))).toEqual(['b', 'c', 'a', 'd'])
  })

  it('moves up, to the top and to the bottom', () => {
    expect(placeAt(list, 'c', 1)).toEqual([{ id: 'c', position: 1.5 }])
    expect(placeAt(list, 'd', 0)).toEqual([{ id: 'd', position: 0 }])
    expect(placeAt(list, 'a', 3)).toEqual([{ id: 'a', position: 5 }])
  })

  it('writes nothing when the item stays or is unknown', () => {
    expect(placeAt(list, 'b', 1)).toEqual([])
    expect(placeAt(list, 'z', 0)).toEqual([])
  })

  it('renumbers the list when two tablets gave two records the same position', () => {
    const tied: Placed[] = [
      { id: 'a', position: 1 },
      { id: 'b', position: 2 },
      { id: 'c', position: 2 },
    ]
    const writes = placeAt(tied, 'a', 1)
    expect(apply(tied, writes)).toEqual(['b', 'a', 'c'])
    expect(writes.length).toBeGreaterThan(1)
  })

  it('puts any item at any index, whatever the positions, with the others in the same order', () => {
    const positions = fc.oneof(
      fc.integer({ min: -5, max: 5 }),
      fc.double({ min: -10, max: 10, noNaN: true }),
      fc.constant(1 + Number.EPSILON),
    )
    fc.assert(
      fc.property(fc.array(positions, { minLength: 1, maxLength: 12 }), fc.nat(), fc.nat(), (raw, fromSeed, toSeed) => {
        const shown = raw.map((position, index) => ({ id: `r${index}`, position })).sort(byPosition)
        const from = fromSeed % shown.length
        const to = toSeed % shown.length
        const expected = moveIndex(shown, from, to).map(item => item.id)
        expect(apply(shown, placeAt(shown, shown[from]!.id, to))).toEqual(expected)
      }),
    )
  })
})
