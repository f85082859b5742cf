import type { HttpContext } from '@adonisjs/core/http'

/**
 * "Recently viewed" lives in the shopper's own browser: a cookie with the last
 * product ids, newest first. Nothing is stored on the server. It is the only
 * per-visitor section of the product page, kept apart so a page cache can
 * later store the rest and fill this in per visitor.
 */
const COOKIE = 'recently_viewed'
const KEEP = 8

export function recentlyViewedIds(request: HttpContext['request']): number[] {
  const value = request.plainCookie(COOKIE)
  return String(value ?? '')
    .split('.')
    .map(Number)
    .filter((id) => Number.isSafeInteger(id) && id > 0)
    .slice(0, KEEP)
}

export function rememberViewed(
  response: HttpContext['response'],
  previous: number[],
  productId: number
) {
  const ids = [productId, ...previous.filter((id) => id !== productId)].slice(0, KEEP)
  response.plainCookie(COOKIE, ids.join('.'), {
    maxAge: '30d',
    httpOnly: true,
    sameSite: 'lax',
  })
}
