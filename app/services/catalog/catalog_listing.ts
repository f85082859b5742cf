import db from '@adonisjs/lucid/services/db'
import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import Attribute from '#models/attribute'
import AttributeOption from '#models/attribute_option'
import Brand from '#models/brand'
import { subtreePathRange } from '#domain/category_tree'

/**
 * `selection` is the merchant's order of a category page; `relevance` the
 * search engine's ranking of a search.
 */
export type ListingSort = 'selection' | 'relevance' | 'price_asc' | 'price_desc' | 'newest'

/**
 * What a category or search page asks for. Filters are option codes per
 * attribute code (OR within an attribute, AND across attributes).
 */
export interface ListingQuery {
  /** Products are listed only where they are translated. */
  locale: string
  /** The category page's category: its subtree is listed. */
  category?: { id: number; path: string }
  /** Search hits, most relevant first; undefined when not searching. */
  rankedIds?: number[]
  filters: Record<string, string[]>
  brands: string[]
  priceMin?: number
  priceMax?: number
  inStock: boolean
  sort: ListingSort
  page: number
  perPage: number
}

export interface FacetOption {
  code: string
  labels: Record<string, string | undefined>
  count: number
  selected: boolean
}

export interface Facet {
  code: string
  labels: Record<string, string | undefined>
  options: FacetOption[]
}

export interface ListingResult {
  productIds: number[]
  total: number
  facets: Facet[]
  brands: FacetOption[]
  inStockCount: number
  priceRange: { min: number; max: number } | null
}

type Exclude = 'price' | 'brand' | 'stock' | `attribute:${string}`

/**
 * Products a shopper can see in a locale: enabled, visible, translated in that
 * locale and with at least one enabled variant (so a price).
 */
export function listableProducts(locale: string) {
  return db
    .from('products')
    .where('products.enabled', true)
    .where('products.visible', true)
    .whereNotNull('products.price_min')
    .whereExists((query) =>
      query
        .from('product_translations')
        .whereColumn('product_translations.product_id', 'products.id')
        .where('product_translations.locale', locale)
    )
}

/**
 * Category and search listings with faceted navigation. Each facet's counts
 * apply every other active filter but its own (so a shopper sees how many
 * products each extra choice would give), and the number of queries does not
 * depend on how many products are shown.
 */
export default class CatalogListing {
  async run(query: ListingQuery): Promise<ListingResult> {
    const attributes = await Attribute.query()
      .where('filterable', true)
      .whereIn('type', ['select', 'multiselect'])
      .orderBy('position')
    const activeFilters = await this.resolveFilters(query, attributes)
    const brandIds = await this.resolveBrands(query.brands)

    const base = (exclude?: Exclude) => this.filtered(query, activeFilters, brandIds, exclude)

    const [page, total] = await Promise.all([this.page(query, base()), this.count(base())])
    const [facets, brands, inStockCount, priceRange] = await Promise.all([
      this.attributeFacets(attributes, activeFilters, base),
      this.brandFacet(brandIds, base('brand')),
      this.count(base('stock').where('products.in_stock', true)),
      this.priceRange(base('price')),
    ])
    return { productIds: page, total, facets, brands, inStockCount, priceRange }
  }

  /**
   * Active attribute filters as option ids, ignoring unknown codes.
   */
  private async resolveFilters(query: ListingQuery, attributes: Attribute[]) {
    const active = new Map<number, number[]>()
    const wanted = attributes.filter((attribute) => query.filters[attribute.code]?.length)
    if (!wanted.length) return active
    const options = await AttributeOption.query().whereIn(
      'attribute_id',
      wanted.map((attribute) => attribute.id)
    )
    for (const attribute of wanted) {
      const codes = new Set(query.filters[attribute.code])
      const ids = options
        .filter((option) => option.attributeId === attribute.id && codes.has(option.code))
        .map((option) => option.id)
      if (ids.length) active.set(attribute.id, ids)
    }
    return active
  }

  private async resolveBrands(slugs: string[]) {
    if (!slugs.length) return []
    const brands = await Brand.query().whereIn('slug', slugs).select('id')
    return brands.map((brand) => brand.id)
  }

  /**
   * Enabled, visible products matching the query, leaving out one facet's own
   * filter when counting that facet.
   */
  private filtered(
    query: ListingQuery,
    activeFilters: Map<number, number[]>,
    brandIds: number[],
    exclude?: Exclude
  ): DatabaseQueryBuilderContract {
    const builder = listableProducts(query.locale)

    if (query.category) {
      // A range, not LIKE 'path%': SQLite's LIKE cannot use the path index.
      const subtree = subtreePathRange(query.category.path)
      builder.whereIn(
        'products.id',
        db
          .from('category_product')
          .join('categories', 'categories.id', 'category_product.category_id')
          .where('categories.path', '>=', subtree.from)
          .where('categories.path', '<', subtree.to)
          .where('categories.enabled', true)
          .select('category_product.product_id')
      )
    }
    if (query.rankedIds) {
      builder.whereIn('products.id', query.rankedIds.length ? query.rankedIds : [0])
    }
    for (const [attributeId, optionIds] of activeFilters) {
      if (exclude === `attribute:${attributeId}`) continue
      builder.whereIn(
        'products.id',
        db
          .from('product_facet_values')
          .where('attribute_id', attributeId)
          .whereIn('attribute_option_id', optionIds)
          .select('product_id')
      )
    }
    if (brandIds.length && exclude !== 'brand') builder.whereIn('products.brand_id', brandIds)
    if (query.inStock && exclude !== 'stock') builder.where('products.in_stock', true)
    if (exclude !== 'price') {
      if (query.priceMin !== undefined) builder.where('products.price_min', '>=', query.priceMin)
      if (query.priceMax !== undefined) builder.where('products.price_min', '<=', query.priceMax)
    }
    return builder
  }

  private async count(builder: DatabaseQueryBuilderContract) {
    const row = await builder.count('* as total').first()
    return Number(row?.total ?? 0)
  }

  private async page(query: ListingQuery, builder: DatabaseQueryBuilderContract) {
    const offset = (query.page - 1) * query.perPage

    if (query.rankedIds && query.sort === 'relevance') {
      const rows = await builder.select('products.id')
      const matching = new Set(rows.map((row) => Number(row.id)))
      return query.rankedIds.filter((id) => matching.has(id)).slice(offset, offset + query.perPage)
    }

    switch (query.sort) {
      case 'price_asc':
        builder.orderBy('products.price_min', 'asc')
        break
      case 'price_desc':
        builder.orderBy('products.price_min', 'desc')
        break
      case 'selection':
        if (query.category) this.orderBySelection(builder, query.category.id)
        builder.orderBy('products.created_at', 'desc')
        break
      default:
        builder.orderBy('products.created_at', 'desc')
    }
    const rows = await builder
      .orderBy('products.id', 'desc')
      .offset(offset)
      .limit(query.perPage)
      .select('products.id')
    return rows.map((row) => Number(row.id))
  }

  /**
   * The merchant's order: products filed directly in the category by their
   * rank there (ties by id, as in the back office), then those of its
   * subcategories, which have no rank in it (the caller orders them next).
   */
  private orderBySelection(builder: DatabaseQueryBuilderContract, categoryId: number) {
    builder
      .leftJoin('category_product as selection', (join) =>
        join
          .on('selection.product_id', '=', 'products.id')
          .andOnVal('selection.category_id', '=', categoryId)
      )
      .orderByRaw('selection.position is null')
      .orderBy('selection.position', 'asc')
      .orderBy('selection.product_id', 'asc')
  }

  /**
   * Option counts for every filterable attribute: one grouped query for the
   * attributes with no active filter, one more per attribute that has one.
   */
  private async attributeFacets(
    attributes: Attribute[],
    activeFilters: Map<number, number[]>,
    base: (exclude?: Exclude) => DatabaseQueryBuilderContract
  ): Promise<Facet[]> {
    if (!attributes.length) return []
    const counted = (attributeIds: number[], exclude?: Exclude) =>
      db
        .from('product_facet_values')
        .whereIn('attribute_id', attributeIds)
        .whereIn('product_id', base(exclude).select('products.id'))
        .groupBy('attribute_id', 'attribute_option_id')
        .select('attribute_id', 'attribute_option_id')
        .count('* as total')

    const inactive = attributes.filter((attribute) => !activeFilters.has(attribute.id))
    const groups = await Promise.all([
      inactive.length ? counted(inactive.map((attribute) => attribute.id)) : Promise.resolve([]),
      ...[...activeFilters.keys()].map((attributeId) =>
        counted([attributeId], `attribute:${attributeId}`)
      ),
    ])
    const counts = new Map<number, number>()
    for (const row of groups.flat()) {
      counts.set(Number(row.attribute_option_id), Number(row.total))
    }

    const options = await AttributeOption.query()
      .whereIn(
        'attribute_id',
        attributes.map((attribute) => attribute.id)
      )
      .orderBy('position')
    return attributes
      .map((attribute) => ({
        code: attribute.code,
        labels: attribute.labels,
        options: options
          .filter((option) => option.attributeId === attribute.id)
          .map((option) => ({
            code: option.code,
            labels: option.labels,
            count: counts.get(option.id) ?? 0,
            selected: activeFilters.get(attribute.id)?.includes(option.id) ?? false,
          }))
          .filter((option) => option.count > 0 || option.selected),
      }))
      .filter((facet) => facet.options.length > 0)
  }

  private async brandFacet(
    selectedIds: number[],
    builder: DatabaseQueryBuilderContract
  ): Promise<FacetOption[]> {
    const rows = await builder
      .join('brands', 'brands.id', 'products.brand_id')
      .groupBy('brands.id', 'brands.name', 'brands.slug')
      .select('brands.id', 'brands.name', 'brands.slug')
      .count('* as total')
      .orderBy('brands.name')
    return rows.map((row) => ({
      code: row.slug,
      labels: { fr: row.name, en: row.name },
      count: Number(row.total),
      selected: selectedIds.includes(Number(row.id)),
    }))
  }

  private async priceRange(builder: DatabaseQueryBuilderContract) {
    const row = await builder
      .min('products.price_min as min')
      .max('products.price_min as max')
      .first()
    return row?.min === null || row?.min === undefined
      ? null
      : { min: Number(row.min), max: Number(row.max) }
  }
}
