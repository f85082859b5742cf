import type { HttpContext } from '@adonisjs/core/http'

/**
 * Storefront pages are the same for every visitor, so caches may keep them
 * (contracts/view_slots.ts). One showing a signed-in member their vente
 * privée price is theirs alone: no shared cache may keep it.
 */
export function keepMembersPricesPrivate(
  response: HttpContext['response'],
  prices: readonly { membersOnly: boolean }[]
) {
  if (prices.some((price) => price.membersOnly)) {
    response.header('cache-control', 'private, no-store')
  }
}
