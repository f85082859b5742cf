import type { GuardedRequest } from '@comptoir/contracts/maintenance_hook'

/**
 * Limits on the storefront search's query string. The search page reads every
 * parameter it does not know as an attribute filter and renders uncached, so
 * generated URLs with hundreds of parameters cost the database facet work on
 * each hit. A real search, with its filters, sort and page, stays far below.
 */
export const SEARCH_LIMITS = {
  /** Characters of the raw query string (a browser's own search never gets near). */
  maxQueryLength: 2048,
  /** Parameters, repeated keys counted each time (?colour=a&colour=b is 2). */
  maxParameters: 40,
}

const SEARCH_PATHS = new Set(['/search', '/en/search'])

export type SearchQueryVerdict = 'ok' | 'too_long' | 'too_many_parameters'

/** Pure: what the guard says of a request, on the raw query string alone. */
export function searchQueryVerdict(
  request: Pick<GuardedRequest, 'method' | 'path' | 'queryString'>
): SearchQueryVerdict {
  if (!SEARCH_PATHS.has(request.path.replace(/\/$/, ''))) return 'ok'
  if (request.method !== 'GET' && request.method !== 'HEAD') return 'ok'
  if (request.queryString.length > SEARCH_LIMITS.maxQueryLength) return 'too_long'
  let parameters = 0
  for (const pair of request.queryString.split('&')) if (pair) parameters++
  return parameters > SEARCH_LIMITS.maxParameters ? 'too_many_parameters' : 'ok'
}
