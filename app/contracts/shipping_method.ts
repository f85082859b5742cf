import type { Address, Amount, CartSnapshot, Locale } from './commerce.js'

/**
 * A place where the shopper collects the order (a shop of the merchant, a
 * relay point).
 */
export interface PickupPoint {
  readonly code: string
  readonly name: string
  readonly address: Address
  /** When the order can be collected there, if known. */
  readonly readyAt?: Date
  /** Distance from the shopper's address in kilometres, if known. */
  readonly distanceKm?: number
  /**
   * The core stock place (`CatalogStock.places()`) the order is taken from when
   * the shopper collects here: a merchant's own shop. Relay points leave it out,
   * and the order takes stock like a home delivery.
   */
  readonly stockPlaceId?: number
}

/**
 * A price and a delivery delay for a cart and a destination.
 */
export interface ShippingQuote {
  /** Tax included. Zero for free shipping. */
  readonly price: Amount
  /** Working days from dispatch, as a range shown as estimated dates. */
  readonly delayDays: readonly [min: number, max: number]
  /** For pickup methods, the points that can serve this cart, best first. */
  readonly pickupPoints?: readonly PickupPoint[]
  /**
   * "express" marks a premium option. The core keeps the cheapest standard
   * (neither express nor pickup) price offered on the order, since a withdrawal
   * refunds delivery only up to it (LEGAL.md W-11). Defaults to "standard".
   */
  readonly service?: 'standard' | 'express'
}

/**
 * A way to ship or hand over an order.
 *
 * `quote` returns null when the method cannot serve this cart or destination:
 * that is an expected outcome, not an error. A thrown error is a plugin fault:
 * the core logs it, leaves the method out for that request and shows the
 * merchant the error.
 */
export abstract class ShippingMethod {
  /** Stable identifier stored on orders ("table-rates"); never change it. */
  abstract readonly code: string

  /** Name shown to shoppers in their language. */
  abstract label(locale: Locale): string

  abstract quote(cart: CartSnapshot, destination: Address): Promise<ShippingQuote | null>
}
