/**
 * What a cached storefront page shows, as cache tags, so a change purges
 * exactly the pages that show it. Every page carries EVERY_PAGE: the header
 * and footer (menu, shop name, legal pages, payment methods, plugin slots)
 * and the shop's price rules appear on all of them.
 */
export const EVERY_PAGE = 'pages'

/** Listings that any product can enter or leave: the home page and search results. */
export const CATALOG_LISTINGS = 'listings'

export function productTags(ids: Iterable<number>): string[] {
  return [...new Set(ids)].map((id) => `product:${id}`)
}

export function categoryTags(ids: Iterable<number>): string[] {
  return [...new Set(ids)].map((id) => `category:${id}`)
}
