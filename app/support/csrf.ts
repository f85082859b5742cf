import Tokens from 'csrf'
import type { HttpContext } from '@adonisjs/core/http'
import csrfConfig from '#config/csrf'

const tokens = new Tokens()
const secrets = new WeakMap<HttpContext, string>()

/**
 * The visitor's CSRF secret, from their cookie; a new one (and its cookie)
 * for a first visit.
 */
export function csrfSecretOf(ctx: HttpContext): string {
  const known = secrets.get(ctx)
  if (known) return known
  const existing = ctx.request.encryptedCookie(csrfConfig.cookieName)
  const secret =
    typeof existing === 'string' && existing.length > 0 ? existing : tokens.secretSync()
  if (secret !== existing) {
    ctx.response.encryptedCookie(csrfConfig.cookieName, secret, csrfConfig.cookie)
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
