import app from '@adonisjs/core/services/app'
import type Cart from '#models/cart'
import CartLine from '#models/cart_line'
import type ProductImage from '#models/product_image'
import type { VatRate } from '#domain/vat'
import {
  effectiveWithdrawalException,
  type WithdrawalException,
} from '#domain/withdrawal_exceptions'
import { sellableStock } from '#services/cart/sellable_stock'
import EffectivePrices, { type PriceViewer } from '#services/pricing/effective_prices'
import type { AnnouncedReduction } from '#domain/pricing/effective_price'

/**
 * A cart line as the shopper sees it: live catalog price and stock.
 */
export interface CartItem {
  readonly variantId: number
  readonly productId: number
  readonly sku: string
  readonly name: string
  readonly slug: string
  /** "Taille : 39 · Couleur : noir", or null for a simple product. */
  readonly optionsLabel: string | null
  readonly image: ProductImage | null
  /** Tax included, minor units: the price charged now, reductions included. */
  readonly unitPrice: number
  /** The reduction announced on the line (prior price, percentage), if any. */
  readonly reduction: AnnouncedReduction | null
  readonly currency: string
  readonly quantity: number
  readonly vatRate: VatRate
  readonly weightGrams: number
  readonly withdrawalException: WithdrawalException
  /** Units that can be sold (shipped or collected). */
  readonly available: number
  /** Units at the locations that ship online orders. */
  readonly availableOnline: number
  /** False when the product or variant was withdrawn from sale since. */
  readonly purchasable: boolean
}

/**
 * Reads a cart's lines with what the storefront shows of each, in the
 * shopper's language, at the prices this shopper pays (their ventes privées).
 */
export async function cartItems(
  cart: Cart,
  locale: string,
  viewer: PriceViewer
): Promise<CartItem[]> {
  const lines = await CartLine.query()
    .where('cart_id', cart.id)
    .orderBy('id')
    .preload('variant', (variant) =>
      variant
        .preload('product', (product) =>
          product
            .preload('translations', (query) => query.where('locale', locale))
            .preload('images', (query) => query.orderBy('position'))
        )
        .preload('optionValues', (values) =>
          values.preload('option', (option) => option.preload('attribute'))
        )
    )
  const stock = await sellableStock(lines.map((line) => line.variantId))
  const pricing = await app.container.make(EffectivePrices)
  const prices = await pricing.forVariants(
    lines.map((line) => line.variantId),
    viewer
  )
  return lines.map((line) => {
    const { variant } = line
    const { product } = variant
    const translation = product.translation(locale)
    const image =
      product.images.find((candidate) => candidate.variantId === variant.id) ??
      product.images.find((candidate) => candidate.variantId === null) ??
      null
    const options = variant.optionValues.map(
      (value) =>
        `${value.option.attribute.labels[locale] ?? value.option.attribute.code} : ${value.option.labels[locale] ?? value.option.code}`
    )
    const sellable = stock(variant.id)
    const price = prices.get(variant.id)
    return {
      variantId: variant.id,
      productId: product.id,
      sku: variant.sku,
      name: translation?.name ?? variant.sku,
      slug: translation?.slug ?? '',
      optionsLabel: options.length ? options.join(' · ') : null,
      image,
      unitPrice: price?.price ?? variant.priceAmount,
      reduction: price?.reduction ?? null,
      currency: variant.currency,
      quantity: line.quantity,
      vatRate: product.vatRate,
      weightGrams: variant.weightGrams ?? product.weightGrams ?? 0,
      withdrawalException: effectiveWithdrawalException(
        product.withdrawalException,
        variant.withdrawalException
      ),
      available: sellable.total,
      availableOnline: sellable.online,
      purchasable: product.enabled && variant.enabled && Boolean(translation),
    }
  })
}
