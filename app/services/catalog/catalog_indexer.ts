import { inject } from '@adonisjs/core'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import PagePurge from '#services/page_cache/page_purge'
import { searchTerms, skuTerms } from '#domain/search_terms'
import { LOCALES } from '#support/locale_paths'

/**
 * Search weights by the field a term comes from: a word of the name counts
 * more than a word of the long description.
 */
const WEIGHTS = {
  name: 10,
  sku: 8,
  brand: 6,
  attribute: 4,
  category: 3,
  shortDescription: 3,
  description: 1,
} as const

const CHUNK = 400

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = []
  for (let index = 0; index < items.length; index += size)
    result.push(items.slice(index, index + size))
  return result
}

/**
 * Keeps the catalog's read-side indexes in step with the products: the listing
 * columns on products (lowest and highest price, online availability), the
 * facet values and the search terms. Every catalog write calls it, inside the
 * write's transaction, for the products it touched, and the cached pages
 * showing them are purged once it commits.
 */
@inject()
export default class CatalogIndexer {
  constructor(protected pagePurge: PagePurge) {}

  async reindex(productIds: number[], client: QueryClientContract) {
    const ids = [...new Set(productIds)]
    for (const batch of chunks(ids)) {
      await this.indexListing(batch, client)
      await this.indexFacets(batch, client)
      await this.indexSearchTerms(batch, client)
    }
    await this.pagePurge.products(ids, client)
  }

  /**
   * A stock change: only the listing's "in stock" can change. Pages are
   * purged when what they say about stock changes (#listeners in start/events.ts),
   * not on every sale.
   */
  async refreshAvailability(productIds: number[], client: QueryClientContract) {
    for (const batch of chunks([...new Set(productIds)])) await this.indexListing(batch, client)
  }

  /**
   * Lowest and highest price of the enabled variants, and whether any of them
   * has stock at a location that ships online orders. One UPDATE with
   * correlated subqueries, so the values come from the rows as they are when
   * it runs, not from an earlier read (two concurrent sales of different
   * variants cannot leave a sold-out product "in stock").
   */
  private async indexListing(ids: number[], client: QueryClientContract) {
    const enabledVariants =
      'FROM variants WHERE variants.product_id = products.id AND variants.enabled = ?'
    await client
      .from('products')
      .whereIn('id', ids)
      .update({
        price_min: client.raw(`(SELECT MIN(price_amount) ${enabledVariants})`, [true]),
        price_max: client.raw(`(SELECT MAX(price_amount) ${enabledVariants})`, [true]),
        in_stock: client.raw(
          `CASE WHEN EXISTS (
             SELECT 1 FROM stock_levels
             JOIN variants ON variants.id = stock_levels.variant_id
             JOIN stock_locations ON stock_locations.id = stock_levels.stock_location_id
             WHERE variants.product_id = products.id AND variants.enabled = ?
               AND stock_locations.fulfils_online = ? AND stock_levels.quantity > 0
           ) THEN ? ELSE ? END`,
          [true, true, true, false]
        ),
      })
  }

  /**
   * Option values a product can be filtered by: its own select values and the
   * option values of its enabled variants.
   */
  private async indexFacets(ids: number[], client: QueryClientContract) {
    await client.from('product_facet_values').whereIn('product_id', ids).delete()

    const productValues = await client
      .from('product_attribute_values')
      .whereIn('product_id', ids)
      .whereNotNull('attribute_option_id')
      .select('product_id', 'attribute_id', 'attribute_option_id')
    const variantValues = await client
      .from('variant_option_values')
      .join('variants', 'variants.id', 'variant_option_values.variant_id')
      .whereIn('variants.product_id', ids)
      .where('variants.enabled', true)
      .select(
        'variants.product_id',
        'variant_option_values.attribute_id',
        'variant_option_values.attribute_option_id'
      )

    const rows = new Map<
      string,
      { product_id: number; attribute_id: number; attribute_option_id: number }
    >()
    for (const row of [...productValues, ...variantValues]) {
      const value = {
        product_id: Number(row.product_id),
        attribute_id: Number(row.attribute_id),
        attribute_option_id: Number(row.attribute_option_id),
      }
      rows.set(`${value.product_id}:${value.attribute_id}:${value.attribute_option_id}`, value)
    }
    for (const batch of chunks([...rows.values()], 300)) {
      await client.table('product_facet_values').multiInsert(batch)
    }
  }

  /**
   * The built-in search engine's terms, per locale, each with the weight of the
   * most important field it appears in.
   */
  private async indexSearchTerms(ids: number[], client: QueryClientContract) {
    await client.from('product_search_terms').whereIn('product_id', ids).delete()

    const [translations, skus, brands, options, categories] = await Promise.all([
      client.from('product_translations').whereIn('product_id', ids).select('*'),
      client.from('variants').whereIn('product_id', ids).select('product_id', 'sku'),
      client
        .from('products')
        .join('brands', 'brands.id', 'products.brand_id')
        .whereIn('products.id', ids)
        .select('products.id as product_id', 'brands.name'),
      client
        .from('product_facet_values')
        .join('attributes', 'attributes.id', 'product_facet_values.attribute_id')
        .join(
          'attribute_options',
          'attribute_options.id',
          'product_facet_values.attribute_option_id'
        )
        .whereIn('product_facet_values.product_id', ids)
        .where('attributes.searchable', true)
        .select('product_facet_values.product_id', 'attribute_options.labels'),
      client
        .from('category_product')
        .join(
          'category_translations',
          'category_translations.category_id',
          'category_product.category_id'
        )
        .whereIn('category_product.product_id', ids)
        .select(
          'category_product.product_id',
          'category_translations.locale',
          'category_translations.name'
        ),
    ])

    const weights = new Map<string, number>()
    const add = (productId: number, locale: string, terms: string[], weight: number) => {
      for (const term of terms) {
        const key = `${productId}\u0000${locale}\u0000${term}`
        weights.set(key, Math.max(weights.get(key) ?? 0, weight))
      }
    }
    const everyLocale = (productId: number, terms: string[], weight: number) => {
      for (const locale of LOCALES) add(productId, locale, terms, weight)
    }

    for (const row of translations) {
      const productId = Number(row.product_id)
      add(productId, row.locale, searchTerms(row.name), WEIGHTS.name)
      add(productId, row.locale, searchTerms(row.short_description ?? ''), WEIGHTS.shortDescription)
      add(productId, row.locale, searchTerms(row.description ?? ''), WEIGHTS.description)
    }
    for (const row of skus) everyLocale(Number(row.product_id), skuTerms(row.sku), WEIGHTS.sku)
    for (const row of brands)
      everyLocale(Number(row.product_id), searchTerms(row.name), WEIGHTS.brand)
    for (const row of options) {
      const labels = typeof row.labels === 'string' ? JSON.parse(row.labels) : row.labels
      for (const locale of LOCALES) {
        add(Number(row.product_id), locale, searchTerms(labels[locale] ?? ''), WEIGHTS.attribute)
      }
    }
    for (const row of categories) {
      add(Number(row.product_id), row.locale, searchTerms(row.name), WEIGHTS.category)
    }

    const rows = [...weights].map(([key, weight]) => {
      const [productId, locale, term] = key.split('\u0000')
      return { product_id: Number(productId), locale, term, weight }
    })
    for (const batch of chunks(rows, 300)) {
      await client.table('product_search_terms').multiInsert(batch)
    }
  }
}
