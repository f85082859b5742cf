import type { HttpContext } from '@adonisjs/core/http'

/**
 * A storefront page carries its visitor's bits (cart count, CSRF token): their
 * browser may keep it but asks again each time (ETag, Last-Modified), and no
 * shared cache keeps it. What a controller set stands, stricter (a members'
 * price: `private, no-store`) or more open (a published version's PDF).
 */
export const STOREFRONT_CACHE_CONTROL = 'private, no-cache'

/** Gives a storefront answer the default policy unless its controller chose one. */
export function keepStorefrontPagePrivate(response: HttpContext['response']) {
  response.safeHeader('cache-control', STOREFRONT_CACHE_CONTROL)
}
