import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import encryption from '@adonisjs/core/services/encryption'
import { appKey } from '#config/app'
import { PICKUP_CODE_SPACE, pickupCodeOf } from '#domain/pickups'

const PURPOSE = 'pickup_code'

/** A new pickup code, drawn from a cryptographic random source. */
export function newPickupCode(): string {
  return pickupCodeOf(randomInt(PICKUP_CODE_SPACE))
}

/**
 * What the database keeps of a code: an HMAC keyed with the app key and
 * bound to the order. Six digits are quickly tried against a plain hash;
 * without the key, a copy of the database gives none away.
 */
export function pickupCodeDigest(orderId: number, code: string): string {
  return createHmac('sha256', appKey.release()).update(`pickup:${orderId}:${code}`).digest('hex')
}

/** Compared in constant time: how long it takes says nothing of how close a guess was. */
export function sameDigest(stored: string, candidate: string): boolean {
  const left = Buffer.from(stored, 'hex')
  const right = Buffer.from(candidate, 'hex')
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * The code as the e-mail job carries it: the queue stores its payload until
 * the e-mail leaves, so the code is encrypted with the app key until then.
 */
export function sealPickupCode(code: string): string {
  return encryption.encrypt(code, undefined, PURPOSE)
}

export function unsealPickupCode(sealed: string): string {
  const code = encryption.decrypt<string>(sealed, PURPOSE)
  if (typeof code !== 'string') throw new Error('The pickup code of this e-mail cannot be read')
  return code
}
