/**
 * Catalog search. The core ships a database-backed engine that works on SQLite
 * and MySQL; a plugin can bind another implementation (an external search
 * service) in the container without the storefront noticing.
 */
export interface SearchQuery {
  /** What the shopper typed. */
  text: string
  /** Locale whose product texts are searched ("fr", "en"). */
  locale: string
}

export interface SearchHits {
  /** Matching product ids, most relevant first. */
  productIds: number[]
}

export abstract class SearchEngine {
  /**
   * Products matching every word of the query (accent-, case- and
   * plural-insensitive, synonyms included), best matches first.
   */
  abstract search(query: SearchQuery): Promise<SearchHits>

  /**
   * A corrected query to offer when a search finds nothing ("sabto" → "sabot"),
   * or null when there is nothing close enough.
   */
  abstract suggest(query: SearchQuery): Promise<string | null>
}
