import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import Tokens from 'csrf'
import type { HttpContext } from '@adonisjs/core/http'
import env from '#start/env'
import csrfConfig from '#config/csrf'

const tokens = new Tokens()
const secrets = new WeakMap<HttpContext, string>()

/**
 * The cookie's signature key, derived from APP_KEY once: AdonisJS's signed
 * cookies derive a key on every signature, a cost paid here on every page
 * view of a first-time visitor (the benchmark's autocannon is one on each request).
 */
const signingKey = Buffer.from(
  hkdfSync('sha256', env.get('APP_KEY').release(), '', 'comptoir-csrf-cookie', 32)
)

function signed(secret: string) {
  return `${secret}.${createHmac('sha256', signingKey).update(secret).digest('base64url')}`
}

function verified(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const secret = value.slice(0, value.lastIndexOf('.'))
  const expected = Buffer.from(signed(secret))
  const given = Buffer.from(value)
  return secret && expected.length === given.length && timingSafeEqual(expected, given)
    ? secret
    : null
}

/**
 * The visitor's CSRF secret, from their signed cookie; a new one (and its
 * cookie) for a first visit or a cookie that does not verify.
 */
export function csrfSecretOf(ctx: HttpContext): string {
  const known = secrets.get(ctx)
  if (known) return known
  let secret = verified(ctx.request.plainCookie(csrfConfig.cookieName))
  if (!secret) {
    secret = tokens.secretSync()
    ctx.response.plainCookie(csrfConfig.cookieName, signed(secret), csrfConfig.cookie)
  }
  secrets.set(ctx, secret)
  return secret
}

/** A token for a form: salted anew on each page, so compression reveals nothing (BREACH). */
export function csrfTokenFor(secret: string): string {
  return tokens.create(secret)
}

export function isValidCsrfToken(secret: string, token: unknown): boolean {
  return typeof token === 'string' && tokens.verify(secret, token)
}

/** The cookie value that carries this secret (tests make visitors with it). */
export function csrfCookieValue(secret: string) {
  return signed(secret)
}
