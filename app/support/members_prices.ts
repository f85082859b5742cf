import type { HttpContext } from '@adonisjs/core/http'

/**
 * A page showing a signed-in member their vente privée price is theirs
 * alone: neither the page cache nor their browser's disk may keep it.
 */
export function keepMembersPricesPrivate(
  response: HttpContext['response'],
  prices: readonly { membersOnly: boolean }[]
) {
  if (prices.some((price) => price.membersOnly)) {
    response.header('cache-control', 'private, no-store')
  }
}
