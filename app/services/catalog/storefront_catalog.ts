import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import Category from '#models/category'
import Product from '#models/product'
import ProductSlugRedirect from '#models/product_slug_redirect'
import ProductTranslation from '#models/product_translation'
import Variant from '#models/variant'
import type ProductImage from '#models/product_image'
import { shopperStock } from '#domain/stock_status'
import { unitPriceAmount } from '#domain/unit_price'
import { effectiveWithdrawalException } from '#domain/withdrawal_exceptions'
import type { LocalizedText } from '#support/lucid_columns'
import { listableProducts } from '#services/catalog/catalog_listing'
import EffectivePrices, {
  PUBLIC_VIEWER,
  type PriceViewer,
  type ResolvedPrice,
} from '#services/pricing/effective_prices'
import type { AnnouncedReduction } from '#domain/pricing/effective_price'

/**
 * A product as listed on category, search and home pages.
 */
export interface ProductCard {
  id: number
  name: string
  slug: string
  brand: string | null
  /** What the viewer pays, reductions included. */
  priceMin: number
  priceMax: number
  /** The reduction announced on the cheapest variant, if any. */
  reduction: AnnouncedReduction | null
  /** A members' price is shown: the page is this shopper's only. */
  membersOnly: boolean
  currency: string
  unitPrice: number | null
  unitPriceUnit: string | null
  inStock: boolean
  image: Pick<ProductImage, 'originalKey' | 'width' | 'height' | 'alt' | 'derivatives'> | null
}

export interface VariantChoice {
  attributeCode: string
  labels: LocalizedText
  options: { code: string; labels: LocalizedText; selected: boolean; available: boolean }[]
}

const MAX_RELATED = 4

/**
 * Storefront reads of the catalog. Each method issues a fixed number of
 * queries whatever the number of products, variants or images involved.
 */
@inject()
export default class StorefrontCatalog {
  constructor(protected prices: EffectivePrices) {}

  /**
   * Cards for products, in the order of the ids given, at the prices the
   * viewer pays (everybody's unless a signed-in customer is given).
   */
  async cards(
    ids: number[],
    locale: string,
    viewer: PriceViewer = PUBLIC_VIEWER
  ): Promise<ProductCard[]> {
    if (!ids.length) return []
    // Only what a shopper may see: ids can come from a cookie the visitor controls.
    const products = await Product.query()
      .whereIn('id', ids)
      .where('enabled', true)
      .where('visible', true)
      .whereNotNull('price_min')
      .preload('translations', (query) => query.where('locale', locale))
      .preload('brand')
      .preload('images', (query) => query.orderBy('position'))
    const byId = new Map(products.map((product) => [product.id, product]))
    const prices = await this.productPrices(products, viewer)
    return ids.flatMap((id) => {
      const product = byId.get(id)
      const translation = product?.translation(locale)
      if (!product || !translation) return []
      const image = product.images[0]
      const variants = prices.get(product.id) ?? []
      const cheapest = variants[0]
      const priceMin = cheapest?.price ?? product.priceMin ?? 0
      return [
        {
          id: product.id,
          name: translation.name,
          slug: translation.slug,
          brand: product.brand?.name ?? null,
          priceMin,
          priceMax: variants.length
            ? Math.max(...variants.map((price) => price.price))
            : (product.priceMax ?? 0),
          reduction: cheapest?.reduction ?? null,
          membersOnly: variants.some((price) => price.membersOnly),
          currency: product.currency,
          unitPrice: unitPriceAmount(priceMin, product.netQuantity, product.netQuantityUnit),
          unitPriceUnit: product.netQuantityUnit,
          inStock: product.inStock,
          image: image ?? null,
        },
      ]
    })
  }

  /**
   * The effective prices of the products' enabled variants, cheapest first.
   */
  private async productPrices(products: Product[], viewer: PriceViewer) {
    const byProduct = new Map<number, ResolvedPrice[]>()
    if (!products.length) return byProduct
    const variants = await Variant.query()
      .whereIn(
        'product_id',
        products.map((product) => product.id)
      )
      .where('enabled', true)
      .select('id', 'product_id')
    const prices = await this.prices.forVariants(
      variants.map((variant) => variant.id),
      viewer
    )
    for (const variant of variants) {
      const price = prices.get(variant.id)
      if (!price) continue
      byProduct.set(variant.productId, [...(byProduct.get(variant.productId) ?? []), price])
    }
    for (const list of byProduct.values()) list.sort((a, b) => a.price - b.price)
    return byProduct
  }

  async featured(locale: string, limit = 8) {
    const rows = await this.listed(locale)
      .where('featured', true)
      .orderBy('id')
      .limit(limit)
      .select('products.id')
    return this.cards(this.ids(rows), locale)
  }

  async newest(locale: string, limit = 8) {
    const rows = await this.listed(locale)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .select('products.id')
    return this.cards(this.ids(rows), locale)
  }

  /**
   * The product a slug names in a locale, or where an old slug now points.
   */
  async findBySlug(locale: string, slug: string) {
    const translation = await ProductTranslation.query().where({ locale, slug }).first()
    if (translation) return { productId: translation.productId }
    const redirect = await ProductSlugRedirect.query().where({ locale, slug }).first()
    if (!redirect) return null
    const current = await ProductTranslation.query()
      .where({ locale, productId: redirect.productId })
      .first()
    return current ? { redirectTo: current.slug } : null
  }

  /**
   * Everything the product page shows, at the prices the viewer pays.
   * `selection` maps variant attribute codes to option codes from the query
   * string.
   */
  async productPage(
    productId: number,
    locale: string,
    selection: Record<string, string>,
    viewer: PriceViewer = PUBLIC_VIEWER
  ) {
    const product = await Product.query()
      .where('id', productId)
      .where('enabled', true)
      .preload('translations')
      .preload('brand')
      .preload('images', (query) => query.orderBy('position'))
      .preload('categories', (query) =>
        query
          .where('enabled', true)
          .withScopes((scopes) => scopes.mostSpecificFirst())
          .preload('translations')
      )
      .preload('attributeValues', (query) =>
        query.preload('attribute').preload('option').orderBy('id')
      )
      .preload('variants', (query) =>
        query
          .where('enabled', true)
          .orderBy('position')
          .preload('optionValues', (values) =>
            values.preload('option', (o) => o.preload('attribute'))
          )
          .preload('stockLevels', (levels) => levels.preload('location'))
      )
      .first()
    if (!product || !product.translation(locale) || !product.variants.length) return null

    const choices = this.variantChoices(product.variants, selection)
    const variant = this.selectedVariant(product.variants, selection)
    const category = product.categories[0] ?? null
    const breadcrumb = category ? await this.breadcrumb(category, locale) : []
    const prices = await this.prices.forVariants([variant.id], viewer)
    const price = prices.get(variant.id)!

    return {
      product,
      translation: product.translation(locale)!,
      variant,
      // The chosen variant's own images first, then those shared by all variants.
      images: [
        ...product.images.filter((image) => image.variantId === variant.id),
        ...product.images.filter((image) => image.variantId === null),
      ],
      choices,
      stock: this.onlineStock(variant),
      price,
      unitPrice: unitPriceAmount(price.price, product.netQuantity, product.netQuantityUnit),
      withdrawalException: effectiveWithdrawalException(
        product.withdrawalException,
        variant.withdrawalException
      ),
      attributes: product.attributeValues.filter((value) => value.attribute.visible),
      breadcrumb,
      related: await this.related(product, locale, viewer),
    }
  }

  /**
   * Variant attributes with their options; an option is available when some
   * enabled variant has it together with the other current choices.
   */
  private variantChoices(variants: Variant[], selection: Record<string, string>): VariantChoice[] {
    const choices = new Map<string, VariantChoice>()
    for (const variant of variants) {
      for (const value of variant.optionValues) {
        const attribute = value.option.attribute
        const choice = choices.get(attribute.code) ?? {
          attributeCode: attribute.code,
          labels: attribute.labels,
          options: [],
        }
        if (!choice.options.some((option) => option.code === value.option.code)) {
          choice.options.push({
            code: value.option.code,
            labels: value.option.labels,
            selected: false,
            available: false,
          })
        }
        choices.set(attribute.code, choice)
      }
    }
    const selected = this.selectedVariant(variants, selection)
    const selectedCodes = this.optionCodes(selected)
    for (const choice of choices.values()) {
      for (const option of choice.options) {
        option.selected = selectedCodes[choice.attributeCode] === option.code
        option.available = variants.some((variant) => {
          const codes = this.optionCodes(variant)
          return (
            codes[choice.attributeCode] === option.code &&
            Object.entries(selectedCodes).every(
              ([code, value]) => code === choice.attributeCode || codes[code] === value
            )
          )
        })
      }
    }
    return [...choices.values()]
  }

  private optionCodes(variant: Variant): Record<string, string> {
    return Object.fromEntries(
      variant.optionValues.map((value) => [value.option.attribute.code, value.option.code])
    )
  }

  /**
   * The variant matching the shopper's choices best: every chosen option when
   * possible, else as many as possible; the first variant when nothing is chosen.
   */
  private selectedVariant(variants: Variant[], selection: Record<string, string>): Variant {
    let best = variants[0]
    let bestScore = -1
    for (const variant of variants) {
      const codes = this.optionCodes(variant)
      const score = Object.entries(selection).filter(
        ([code, value]) => codes[code] === value
      ).length
      if (score > bestScore) {
        best = variant
        bestScore = score
      }
    }
    return best
  }

  /** What the shopper is told about the variant's stock (#domain/stock_status). */
  private onlineStock(variant: Variant) {
    return shopperStock(
      variant.stockLevels.map((level) => ({
        quantity: level.quantity,
        safetyThreshold: level.safetyThreshold,
        fulfilsOnline: level.location.fulfilsOnline,
        clickAndCollect: level.location.clickAndCollect,
      }))
    )
  }

  /**
   * The category's ancestors and itself, root first, translated.
   */
  async breadcrumb(category: Category, locale: string) {
    const ids = [...category.ancestorIds, category.id]
    const categories = await Category.query()
      .whereIn('id', ids)
      .preload('translations', (query) => query.where('locale', locale))
    return ids.flatMap((id) => {
      const translation = categories.find((candidate) => candidate.id === id)?.translation(locale)
      return translation ? [{ name: translation.name, slug: translation.slug }] : []
    })
  }

  /**
   * Products the merchant linked by hand first, then others of the same
   * category, up to four.
   */
  private async related(product: Product, locale: string, viewer: PriceViewer) {
    const manual = await db
      .from('related_products')
      .join('products', 'products.id', 'related_products.related_product_id')
      .where('related_products.product_id', product.id)
      .where('products.enabled', true)
      .where('products.visible', true)
      .orderBy('related_products.position')
      .limit(MAX_RELATED)
      .select('products.id')
    const ids = this.ids(manual)
    if (ids.length < MAX_RELATED && product.categories.length) {
      const sameCategory = await this.listed(locale)
        .whereIn(
          'products.id',
          db
            .from('category_product')
            .where('category_id', product.categories[0].id)
            .select('product_id')
        )
        .whereNotIn('products.id', [product.id, ...ids])
        .orderBy('products.id')
        .limit(MAX_RELATED - ids.length)
        .select('products.id')
      ids.push(...this.ids(sameCategory))
    }
    return this.cards(ids, locale, viewer)
  }

  private listed(locale: string) {
    return listableProducts(locale)
  }

  private ids(rows: { id: number }[]) {
    return rows.map((row) => Number(row.id))
  }
}
