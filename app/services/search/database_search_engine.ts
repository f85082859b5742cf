import db from '@adonisjs/lucid/services/db'
import { SearchEngine, type SearchHits, type SearchQuery } from '@comptoir/contracts/search_engine'
import { editDistance, searchTerms } from '#domain/search_terms'
import { foldText, words } from '#domain/text_normalization'
import SearchSynonym from '#models/search_synonym'
import { rawRows } from '#support/raw_rows'

const MAX_QUERY_TERMS = 8
const MAX_HITS = 1000

/**
 * The built-in engine: an inverted index of weighted terms
 * (product_search_terms, kept by CatalogIndexer) queried with plain SQL that
 * SQLite and MySQL both run. Every query word must match, as itself, one of its
 * synonyms or, when it is no known term (a word being typed), the beginning of
 * a longer one; exact matches score double.
 */
export default class DatabaseSearchEngine extends SearchEngine {
  async search(query: SearchQuery): Promise<SearchHits> {
    const terms = [...new Set(searchTerms(query.text))].slice(0, MAX_QUERY_TERMS)
    if (!terms.length) return { productIds: [] }

    const synonyms = await this.synonymsFor(query.locale)
    const knownRows = await db
      .from('product_search_terms')
      .where('locale', query.locale)
      .whereIn('term', terms)
      .distinct('term')
    const known = new Set(knownRows.map((row) => row.term as string))
    const perTerm: string[] = []
    const bindings: unknown[] = []
    for (const term of terms) {
      const alternatives = [...(synonyms.get(term) ?? new Set([term]))]
      const placeholders = alternatives.map(() => '?').join(', ')
      const prefix = term.length >= 3 && !known.has(term) ? ' OR term LIKE ?' : ''
      perTerm.push(
        `SELECT product_id,
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

  /**
   * Replaces each word of the query that no product name contains by the
   * closest word that one does (one typo for short words, two for longer ones,
   * the most frequent on a tie), as the shopper would write it.
   */
  async suggest(query: SearchQuery): Promise<string | null> {
    const typed = words(query.text)
    if (!typed.length) return null

    const names = await db
      .from('product_translations')
      .join('products', 'products.id', 'product_translations.product_id')
      .where('product_translations.locale', query.locale)
      .where('products.enabled', true)
      .where('products.visible', true)
      .select('product_translations.name')
    const vocabulary = new Map<string, { word: string; frequency: number }>()
    for (const { name } of names) {
      for (const word of String(name)
        .toLowerCase()
        .match(/[\p{L}\p{N}]+/gu) ?? []) {
        const folded = foldText(word)
        const entry = vocabulary.get(folded) ?? { word, frequency: 0 }
        entry.frequency++
        vocabulary.set(folded, entry)
      }
    }

    let changed = false
    const corrected = typed.map((word) => {
      if ([...vocabulary.keys()].some((candidate) => candidate.startsWith(word))) return word
      const closest = this.closest(word, vocabulary)
      if (closest) changed = true
      return closest ?? word
    })
    return changed ? corrected.join(' ') : null
  }

  private closest(word: string, vocabulary: Map<string, { word: string; frequency: number }>) {
    const tolerance = word.length <= 4 ? 1 : 2
    let best: { word: string; distance: number; frequency: number } | null = null
    for (const [folded, entry] of vocabulary) {
      if (Math.abs(folded.length - word.length) > tolerance) continue
      const distance = editDistance(word, folded)
      if (distance > tolerance) continue
      if (
        !best ||
        distance < best.distance ||
        (distance === best.distance && entry.frequency > best.frequency)
      ) {
        best = { word: entry.word, distance, frequency: entry.frequency }
      }
    }
    return best?.word ?? null
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
