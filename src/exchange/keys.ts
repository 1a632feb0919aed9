import type { Session } from './wire'

/**
 * The keys of a workshop, all derived by HKDF-SHA-256 from its secret (the workshop record's
 * `secret`, base64url), with the app and the workshop id as salt and the purpose as info, so
 * that no key serves two purposes and no two workshops share one.
 */
export async function deriveSession(workshopId: string, secret: string): Promise<Session> {
  const subtle = globalThis.crypto.subtle
  const { base, params } = await workshopKeyBase(workshopId, secret)
  const [bundleKey, macKey, tagBits] = await Promise.all([
    subtle.deriveKey(params('okra-harvest bundle key v1'), base, { name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]),
    subtle.deriveKey(params('okra-harvest frame mac v1'), base, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, [
      'sign',
    ]),
    subtle.deriveBits(params('okra-harvest session tag v1'), base, 32),
  ])
  return { mode: 'sealed', workshopId, tag: new Uint8Array(tagBits), bundleKey, macKey }
}

/**
 * The key that seals a workshop's files (a backup file's HMAC-SHA-256): its own purpose, so
 * that no bundle or frame key ever signs a file, nor the other way round.
 */
export async function deriveFileKey(workshopId: string, secret: string): Promise<CryptoKey> {
  const { base, params } = await workshopKeyBase(workshopId, secret)
  return globalThis.crypto.subtle.deriveKey(
    params('okra-harvest backup file mac v1'),
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign', 'verify'],
  )
}

async function workshopKeyBase(workshopId: string, secret: string) {
  const base = await globalThis.crypto.subtle.importKey('raw', secretBytes(secret), 'HKDF', false, ['deriveKey', 'deriveBits'])
  const salt = utf8(`okra-harvest/workshop/${workshopId}`)
  const params = (purpose: string): HkdfParams => ({ name: 'HKDF', hash: 'SHA-256', salt, info: utf8(purpose) })
  return { base, params }
}

/** The bytes of a workshop secret; throws on anything but base64url of at least 16 characters. */
export function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]{16,}$/.test(secret) || secret.length % 4 === 1) {
    throw new Error('A workshop secret is base64url text of at least 16 characters.')
  }
  const base64 = secret.replace(/-/g, '+').replace(/_/g, '/')
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4))
  const bytes = new Uint8Array(binary.length)
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index)
  return bytes
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text)
}
