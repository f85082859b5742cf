import db from '@adonisjs/lucid/services/db'
import { SearchEngine, type SearchHits, type SearchQuery } from '#contracts/search_engine'
import { editDistance, searchTerms } from '#domain/search_terms'
import SearchSynonym from '#models/search_synonym'
import { rawRows } from '#support/raw_rows'

const MAX_QUERY_TERMS = 8
const MAX_HITS = 1000

/**
 * The built-in engine: an inverted index of weighted terms
 * (product_search_terms, kept by CatalogIndexer) queried with plain SQL that
 * SQLite and MySQL both run. Every query word must match, as itself, one of its
 * synonyms, or the beginning of a longer word; exact matches score double.
 */
export default class DatabaseSearchEngine extends SearchEngine {
  async search(query: SearchQuery): Promise<SearchHits> {
    const terms = [...new Set(searchTerms(query.text))].slice(0, MAX_QUERY_TERMS)
    if (!terms.length) return { productIds: [] }

    const synonyms = await this.synonymsFor(query.locale)
    const perTerm: string[] = []
    const bindings: unknown[] = []
    for (const [position, term] of terms.entries()) {
      const alternatives = [...(synonyms.get(term) ?? new Set([term]))]
      const placeholders = alternatives.map(() => '?').join(', ')
      const prefix = term.length >= 3 ? ' OR term LIKE ?' : ''
      perTerm.push(
        `SELECT product_id, ${position} AS position,
           MAX(CASE WHEN term IN (${placeholders}) THEN weight * 2 ELSE weight END) AS score
         FROM product_search_terms
         WHERE locale = ? AND (term IN (${placeholders})${prefix})
         GROUP BY product_id`
      )
      bindings.push(...alternatives, query.locale, ...alternatives)
      if (prefix) bindings.push(`${term}%`)
    }

    const rows = await rawRows<{ product_id: number }>(
      db.connection(),
      `SELECT hits.product_id, SUM(hits.score) AS relevance
       FROM (${perTerm.join(' UNION ALL ')}) hits
       JOIN products ON products.id = hits.product_id
       WHERE products.enabled = ? AND products.visible = ?
       GROUP BY hits.product_id
       HAVING COUNT(*) = ?
       ORDER BY relevance DESC, hits.product_id ASC
       LIMIT ${MAX_HITS}`,
      [...bindings, true, true, terms.length]
    )
    return { productIds: rows.map((row) => Number(row.product_id)) }
  }

  async suggest(query: SearchQuery): Promise<string | null> {
    const terms = searchTerms(query.text)
    if (!terms.length) return null

    const vocabulary = await db
      .from('product_search_terms')
      .where('locale', query.locale)
      .groupBy('term')
      .select('term')
      .count('* as frequency')
    const known = new Map(vocabulary.map((row) => [row.term as string, Number(row.frequency)]))

    let changed = false
    const corrected = terms.map((term) => {
      if ([...known.keys()].some((candidate) => candidate.startsWith(term))) return term
      const closest = this.closest(term, known)
      if (closest) changed = true
      return closest ?? term
    })
    return changed ? corrected.join(' ') : null
  }

  /**
   * The known term nearest to a misspelt one (one typo for short words, two
   * for longer ones), the most frequent on a tie.
   */
  private closest(term: string, known: Map<string, number>): string | null {
    const tolerance = term.length <= 4 ? 1 : 2
    let best: { term: string; distance: number; frequency: number } | null = null
    for (const [candidate, frequency] of known) {
      if (Math.abs(candidate.length - term.length) > tolerance) continue
      const distance = editDistance(term, candidate)
      if (distance > tolerance) continue
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance && frequency > best.frequency)
      ) {
        best = { term: candidate, distance, frequency }
      }
    }
    return best?.term ?? null
  }

  /**
   * Each term of a synonym group maps to every term of its group.
   */
  private async synonymsFor(locale: string): Promise<Map<string, Set<string>>> {
    const groups = await SearchSynonym.query().where('locale', locale)
    const synonyms = new Map<string, Set<string>>()
    for (const group of groups) {
      const terms = new Set(group.terms.split(',').flatMap((phrase) => searchTerms(phrase)))
      for (const term of terms) {
        synonyms.set(term, new Set([...(synonyms.get(term) ?? [term]), ...terms]))
      }
    }
    return synonyms
  }
}
