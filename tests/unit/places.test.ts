import { describe, expect, it } from 'vitest'
import { ordinal, placeLabel } from '../../src/domain/places'

describe('places in the ranking', () => {
  it('writes ordinals the English way, teens included', () => {
    expect([1, 2, 3, 4, 10, 11, 12, 13, 14, 21, 22, 23, 101, 111, 112, 113, 122].map(ordinal)).toEqual([
      '1st', '2nd', '3rd', '4th', '10th', '11th', '12th', '13th', '14th', '21st', '22nd', '23rd', '101st', '111th', '112th', '113th', '122nd',
    ])
  })

  it('shows a shared place as a tie, a place of its own plainly', () => {
    expect(placeLabel(1, true)).toBe('tied for 1st')
    expect(placeLabel(3, false)).toBe('3rd')
  })
})
