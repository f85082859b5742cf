import { Money } from '#domain/money'
import { pageLinks } from '#support/pagination'
import type { ListingQuery, ListingSort } from '#services/catalog/catalog_listing'

/**
 * Query-string keys with a meaning of their own; every other key is read as
 * an attribute filter (?colour=black&colour=brown&size=39).
 */
const RESERVED = new Set(['q', 'sort', 'page', 'brand', 'price_min', 'price_max', 'in_stock'])

/**
 * Sorts offered on a category page and on search results, the default first:
 * the merchant's selection for a category, relevance for a search.
 */
export const CATEGORY_SORTS: ListingSort[] = ['selection', 'newest', 'price_asc', 'price_desc']
export const SEARCH_SORTS: ListingSort[] = ['relevance', 'price_asc', 'price_desc', 'newest']
export const PER_PAGE = 24

function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return values.map(String).filter((item) => item.length > 0 && item.length <= 64)
}

function amount(value: unknown): number | undefined {
  return typeof value === 'string' ? (Money.parse(value, 'EUR')?.amount ?? undefined) : undefined
}

/**
 * Reads a listing's filters, sort (one of `sorts`, the first by default) and
 * page from the query string, ignoring what does not make sense rather than
 * failing: a listing URL is shared and edited by hand.
 */
export function listingParams(
  qs: Record<string, unknown>,
  sorts: ListingSort[]
): Omit<ListingQuery, 'locale' | 'category' | 'rankedIds'> {
  const sort = sorts.includes(qs.sort as ListingSort) ? (qs.sort as ListingSort) : sorts[0]
  const page = Math.min(Math.max(Number.parseInt(String(qs.page ?? '1'), 10) || 1, 1), 1000)
  const filters = Object.fromEntries(
    Object.entries(qs)
      .filter(([key]) => !RESERVED.has(key))
      .map(([key, value]) => [key, list(value)])
  )
  return {
    filters,
    brands: list(qs.brand),
    priceMin: amount(qs.price_min),
    priceMax: amount(qs.price_max),
    inStock: qs.in_stock === '1',
    sort,
    page,
    perPage: PER_PAGE,
  }
}

/**
 * Page links of a listing at `path`, keeping its query string.
 */
export function listingPages(
  path: string,
  qs: Record<string, unknown>,
  page: number,
  total: number
) {
  return pageLinks(path, qs, page, Math.max(1, Math.ceil(total / PER_PAGE)))
}
