import type { HttpContext } from '@adonisjs/core/http'
import {
  type ConsentChoices,
  consentExpiry,
  parseConsent,
  serializeConsent,
} from '#domain/cookie_consent'

/**
 * The visitor's cookie choices (LEGAL.md R-02). Neither signed nor
 * httpOnly: resources/public/js/consent.js reads it to switch trackers on in
 * pages cached for every visitor. Forging it only changes one's own choice.
 */
export const CONSENT_COOKIE = 'cookie_consent'

export function readConsent(request: HttpContext['request']): ConsentChoices {
  return parseConsent(request.plainCookie(CONSENT_COOKIE, { encoded: false }))
}

/** Keeps the choice, refusal included, for six months from now. */
export function writeConsent(
  response: HttpContext['response'],
  choices: ConsentChoices,
  now = new Date()
) {
  const expires = consentExpiry(now)
  response.plainCookie(CONSENT_COOKIE, serializeConsent(choices), {
    encode: false,
    httpOnly: false,
    sameSite: 'lax',
    path: '/',
    expires,
    maxAge: Math.round((expires.getTime() - now.getTime()) / 1000),
  })
}
