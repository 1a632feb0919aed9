/**
 * Base45 (RFC 9285): bytes as text in the 45 characters of the QR code's alphanumeric mode,
 * which packs 11 bits per 2 characters: 1.5 characters a byte, against 2 for hex and the
 * 8 bits a character of base64 would cost in a QR code's byte mode.
 */

export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:'

const VALUE_OF = new Int8Array(128).fill(-1)
for (let index = 0; index < BASE45_ALPHABET.length; index++) VALUE_OF[BASE45_ALPHABET.charCodeAt(index)] = index

/** The length of the Base45 text of `byteLength` bytes. */
export function base45Length(byteLength: number): number {
  return Math.floor(byteLength / 2) * 3 + (byteLength % 2) * 2
}

/** The most bytes whose Base45 text fits in `textLength` characters. */
export function bytesInBase45(textLength: number): number {
  return Math.floor(textLength / 3) * 2 + (textLength % 3 === 2 ? 1 : 0)
}

export function encodeBase45(bytes: Uint8Array): string {
  const out: string[] = []
  let index = 0
  for (; index + 1 < bytes.length; index += 2) {
    let n = bytes[index]! * 256 + bytes[index + 1]!
    const c = n % 45
    n = (n - c) / 45
    const d = n % 45
    const e = (n - d) / 45
    out.push(BASE45_ALPHABET[c]!, BASE45_ALPHABET[d]!, BASE45_ALPHABET[e]!)
  }
  if (index < bytes.length) {
    const n = bytes[index]!
    out.push(BASE45_ALPHABET[n % 45]!, BASE45_ALPHABET[Math.floor(n / 45)]!)
  }
  return out.join('')
}

/**
 * The bytes of a Base45 text, or null when it is not valid Base45: a character outside the
 * alphabet (lower case included), a length of 3n+1, or a group worth more than its bytes can
 * hold. Never a wrong result, never an exception: the frame decoder reads camera input with it.
 */
export function base45ToBytes(text: string): Uint8Array | null {
  const rest = text.length % 3
  if (rest === 1) return null
  const bytes = new Uint8Array(bytesInBase45(text.length))
  let out = 0
  let index = 0
  for (; index + 2 < text.length; index += 3) {
    const c = valueAt(text, index)
    const d = valueAt(text, index + 1)
    const e = valueAt(text, index + 2)
    if (c < 0 || d < 0 || e < 0) return null
    const n = c + d * 45 + e * 45 * 45
    if (n > 0xffff) return null
    bytes[out++] = n >> 8
    bytes[out++] = n & 0xff
  }
  if (rest === 2) {
    const c = valueAt(text, index)
    const d = valueAt(text, index + 1)
    if (c < 0 || d < 0) return null
    const n = c + d * 45
    if (n > 0xff) return null
    bytes[out++] = n
  }
  return bytes
}

/** The bytes of a Base45 text; throws on text that is not valid Base45 (see base45ToBytes). */
export function decodeBase45(text: string): Uint8Array {
  const bytes = base45ToBytes(text)
  if (!bytes) throw new Error('This text is not valid Base45.')
  return bytes
}

function valueAt(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return code < 128 ? VALUE_OF[code]! : -1
}
