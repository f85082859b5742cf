/**
 * Links of a paginated listing: the current query string is kept, only the
 * page changes; page 1 has no page parameter so it has one URL.
 */
export interface PageLink {
  page: number
  url: string
  current: boolean
}

export function pageUrl(path: string, qs: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(qs)) {
    if (key === 'page') continue
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') params.append(key, String(item))
    }
  }
  if (page > 1) params.set('page', String(page))
  const query = params.toString()
  return query ? `${path}?${query}` : path
}

/**
 * The first, last and nearby pages (window of two each side of the current one).
 */
export function pageLinks(
  path: string,
  qs: Record<string, unknown>,
  current: number,
  totalPages: number
): PageLink[] {
  const pages = new Set([1, totalPages])
  for (let page = current - 2; page <= current + 2; page++) {
    if (page >= 1 && page <= totalPages) pages.add(page)
  }
  return [...pages]
    .filter((page) => page >= 1)
    .sort((a, b) => a - b)
    .map((page) => ({ page, url: pageUrl(path, qs, page), current: page === current }))
}
