import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BASE45_ALPHABET, base45Length, base45ToBytes, bytesInBase45, decodeBase45, encodeBase45 } from '../../src/exchange/base45'

const text = (value: string) => new TextEncoder().encode(value)
const ascii = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('Base45 (RFC 9285)', () => {
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
    ['', ''],
  ])('encodes %j as %j and back', (plain, encoded) => {
    expect(encodeBase45(text(plain))).toBe(encoded)
    expect(ascii(decodeBase45(encoded))).toBe(plain)
  })

  it('decodes the RFC’s example of decoding', () => {
    expect(ascii(decodeBase45('QED8WEX0'))).toBe('ietf!')
  })

  it('uses only the QR code’s alphanumeric characters', () => {
    expect(BASE45_ALPHABET).toHaveLength(45)
    expect(encodeBase45(new Uint8Array([0, 255, 128, 7, 99]))).toMatch(/^[0-9A-Z $%*+\-./:]*$/)
  })

  it('round trips any bytes, at the length it predicts', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), bytes => {
        const encoded = encodeBase45(bytes)
        expect(encoded).toHaveLength(base45Length(bytes.length))
        expect(bytesInBase45(encoded.length)).toBe(bytes.length)
        expect(decodeBase45(encoded)).toEqual(bytes)
      }),
      { numRuns: 500 },
    )
  })

  it.each([
    ['a length of 3n+1', 'BB8A'],
    ['one character', 'A'],
    ['lower case', 'bb8'],
    ['a character outside the alphabet', 'BB#'],
    ['a character beyond ASCII', 'BÉ8'],
    ['a group above 65535', 'GGW'],
    ['a last pair above 255', 'BB8V5'],
  ])('refuses %s', (_, invalid) => {
    expect(base45ToBytes(invalid)).toBeNull()
    expect(() => decodeBase45(invalid)).toThrow('not valid Base45')
  })

  it('accepts the largest values a group and a last pair can hold', () => {
    expect(decodeBase45('FGW')).toEqual(new Uint8Array([255, 255]))
    expect(decodeBase45('U5')).toEqual(new Uint8Array([255]))
  })

  it('never gives a wrong result: any text either decodes to bytes that encode back to it, or is refused', () => {
    const alphabetText = fc
      .array(fc.constantFrom(...BASE45_ALPHABET.split('')), { maxLength: 60 })
      .map(characters => characters.join(''))
    fc.assert(
      fc.property(fc.oneof(alphabetText, fc.string({ maxLength: 60 })), candidate => {
        const bytes = base45ToBytes(candidate)
        if (bytes) expect(encodeBase45(bytes)).toBe(candidate)
      }),
      { numRuns: 5000 },
    )
  })
})
