/**
 * The optional seat PIN: four digits a person chooses when their cards are first sealed, so
 * that only they can reopen their seat before the reveal. Only a salted, stretched hash is
 * stored (and handed off like any field); the PIN itself never leaves the moment it is typed.
 *
 * Four digits are a courtesy lock for a room of colleagues, not a vault: the hash is salted
 * with the workshop and the seat, so one seat's hash says nothing about another's.
 */

export type PinCheck = { readonly ok: true } | { readonly ok: false; readonly message: string }

/** Whether `pin` can be a seat PIN; the message says what is wrong in words for a person. */
export function checkPin(pin: string): PinCheck {
  if (pin === '') return { ok: false, message: 'Type the 4 digits of the PIN.' }
  if (!/^\d{4}$/.test(pin)) return { ok: false, message: 'A seat PIN is exactly 4 digits, 0 to 9.' }
  return { ok: true }
}

/** A new PIN, typed twice so a slip of the finger cannot lock a person out of their own seat. */
export function checkNewPin(pin: string, again: string): PinCheck {
  const checked = checkPin(pin)
  if (!checked.ok) return checked
  if (again !== pin) return { ok: false, message: 'The two PINs differ. Type the same 4 digits twice.' }
  return { ok: true }
}

const ITERATIONS = 100_000
const PREFIX = `pbkdf2-sha256:${ITERATIONS}:`

/** What a stored seat PIN hash looks like; anything else is refused when records arrive. */
export const PIN_HASH_PATTERN = /^pbkdf2-sha256:\d{1,7}:[A-Za-z0-9_-]{43}$/

/**
 * PBKDF2-SHA-256 of the PIN, salted with the workshop and the participant, as
 * "pbkdf2-sha256:<iterations>:<base64url>". The iterations are part of the text, so a later
 * version can stretch more and still check the hashes stored before.
 */
export async function seatPinHash(pin: string, workshopId: string, participantId: string): Promise<string> {
  return hashWith(ITERATIONS, pin, workshopId, participantId).then(hash => PREFIX + hash)
}

/** Whether `pin` is the one whose hash is `stored`. */
export async function pinMatches(
  stored: string,
  pin: string,
  workshopId: string,
  participantId: string,
): Promise<boolean> {
  const match = /^pbkdf2-sha256:(\d{1,7}):(.+)$/.exec(stored)
  if (!match || !checkPin(pin).ok) return false
  return (await hashWith(Number(match[1]), pin, workshopId, participantId)) === match[2]
}

async function hashWith(iterations: number, pin: string, workshopId: string, participantId: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle
  if (!subtle) throw new Error('A seat PIN needs the browser’s WebCrypto, which it offers only over HTTPS or on localhost.')
  const utf8 = (text: string) => new TextEncoder().encode(text)
  const key = await subtle.importKey('raw', utf8(pin), 'PBKDF2', false, ['deriveBits'])
  const salt = utf8(`okra-harvest/seat-pin/${workshopId}/${participantId}`)
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256)
  return base64url(new Uint8Array(bits))
}

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
