import { describe, expect, it } from 'vitest'
import { checkNewPin, checkPin, PIN_HASH_PATTERN, pinMatches, seatPinHash } from '../../src/domain/seat-pin'

describe('a seat PIN', () => {
  it('is exactly four digits, with a message for anything else', () => {
    expect(checkPin('0427')).toEqual({ ok: true })
    expect(checkPin('')).toEqual({ ok: false, message: 'Type the 4 digits of the PIN.' })
    for (const wrong of ['123', '12345', '12a4', ' 1234', '１２３４']) {
      expect(checkPin(wrong)).toEqual({ ok: false, message: 'A seat PIN is exactly 4 digits, 0 to 9.' })
    }
  })

  it('is chosen by typing it twice the same', () => {
    expect(checkNewPin('2580', '2580')).toEqual({ ok: true })
    expect(checkNewPin('2580', '2581')).toEqual({ ok: false, message: 'The two PINs differ. Type the same 4 digits twice.' })
    expect(checkNewPin('25', '25').ok).toBe(false)
  })

  it('is stored only as a salted hash that the PIN, and only the PIN, matches', async () => {
    const hash = await seatPinHash('2580', 'workshop-1', 'ana')
    expect(hash).toMatch(PIN_HASH_PATTERN)
    expect(hash).not.toContain('2580')
    expect(await pinMatches(hash, '2580', 'workshop-1', 'ana')).toBe(true)
    expect(await pinMatches(hash, '2581', 'workshop-1', 'ana')).toBe(false)
    expect(await pinMatches(hash, '', 'workshop-1', 'ana')).toBe(false)
    expect(await pinMatches('not a hash', '2580', 'workshop-1', 'ana')).toBe(false)
  })

  it('hashes the same PIN differently for another seat or another workshop', async () => {
    const ana = await seatPinHash('2580', 'workshop-1', 'ana')
    expect(await seatPinHash('2580', 'workshop-1', 'ben')).not.toBe(ana)
    expect(await seatPinHash('2580', 'workshop-2', 'ana')).not.toBe(ana)
    expect(await pinMatches(ana, '2580', 'workshop-1', 'ben')).toBe(false)
    expect(await seatPinHash('2580', 'workshop-1', 'ana')).toBe(ana)
  })
})
