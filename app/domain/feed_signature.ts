import { type KeyObject, createHash, createPublicKey, sign, verify } from 'node:crypto'

/**
 * Ed25519 detached signatures over the exact bytes of the advisory feed: the
 * signature file (`feed.json.sig`) holds the 64-byte signature in base64.
 * Any trusted key may have signed it, so a key can be rotated by trusting the
 * new one before signing with it.
 */

const PEM_BLOCK = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g

export interface TrustedKey {
  key: KeyObject
  /** First 16 hex digits of the SHA-256 of the raw key: shown, never secret. */
  fingerprint: string
}

/**
 * Public keys written as PEM blocks ("-----BEGIN PUBLIC KEY-----"), or as
 * base64 raw 32-byte Ed25519 keys separated by commas or spaces. Throws on a
 * key that is not Ed25519: trusting a typo silently would trust nothing.
 */
export function parseTrustedKeys(text: string): TrustedKey[] {
  const pems = text.match(PEM_BLOCK)
  const entries = pems ?? text.split(/[\s,]+/).filter(Boolean)
  return entries.map((entry) => trustedKey(pems ? entry : rawKey(entry)))
}

function rawKey(base64: string) {
  const bytes = Buffer.from(base64, 'base64')
  if (bytes.length !== 32) {
    throw new Error(`not a base64 raw Ed25519 public key (32 bytes): ${base64.slice(0, 12)}…`)
  }
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: bytes.toString('base64url') },
    format: 'jwk',
  })
}

function trustedKey(source: string | KeyObject): TrustedKey {
  const key = typeof source === 'string' ? createPublicKey(source) : source
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`not an Ed25519 public key (${key.asymmetricKeyType})`)
  }
  const raw = Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url')
  return { key, fingerprint: createHash('sha256').update(raw).digest('hex').slice(0, 16) }
}

/** The base64 signature of the feed's bytes, with an Ed25519 private key (PEM). */
export function signFeed(feed: Buffer, privateKeyPem: string) {
  return sign(null, feed, privateKeyPem).toString('base64')
}

/**
 * The trusted key that signed these exact bytes, or null when none did (a
 * tampered feed, a wrong key, a signature that is not base64 of 64 bytes).
 */
export function verifyFeed(feed: Buffer, signature: string, keys: TrustedKey[]) {
  const bytes = Buffer.from(signature.trim(), 'base64')
  if (bytes.length !== 64) return null
  return keys.find(({ key }) => verify(null, feed, key, bytes)) ?? null
}
