import { DateTime } from 'luxon'
import type { PlaceStock } from '@comptoir/contracts/catalog_stock'
import type { Address, CartSnapshot } from '@comptoir/contracts/commerce'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import type { PickupPoint, ShippingQuote } from '@comptoir/contracts/shipping_method'
import { type Origin, type PickupStore, originOf, pickupForCart } from '#src/store_selection'

/**
 * The click & collect quote, free of any framework: null when no store holds
 * the whole cart; otherwise the price (free unless the merchant set one) and
 * the stores that can serve the cart, nearest first, each with when the order
 * would be ready there and how far it is.
 */

/** The code stored on orders; the pay-in-store plugin looks for exactly this one. */
export const CLICK_AND_COLLECT_CODE = 'click-collect'

export interface QuoteOptions {
  /** Minor units of the cart's currency; 0 for free. */
  priceCents: number
  /** Pickup points listed at most. */
  maxStores: number
}

/**
 * Where the shopper is, from the destination: postcodes are read as French
 * ones only for France and Monaco (a German 69115 is not in the Rhône).
 */
export function originForAddress(destination: Address): Origin | null {
  const country = destination.countryCode.toUpperCase()
  return country === 'FR' || country === 'MC' ? originOf(destination.postalCode) : null
}

/**
 * Calendar days from `now`'s day to `ready`'s day, in Paris. A reader taking
 * them as working days shows a date no earlier than the real one; the exact
 * time is each pickup point's `readyAt`.
 */
export function daysUntil(now: Date, ready: Date) {
  const day = (date: Date) => DateTime.fromJSDate(date).setZone(SHOP_TIME_ZONE).startOf('day')
  return Math.max(0, Math.round(day(ready).diff(day(now), 'days').days))
}

export function quoteClickCollect(
  stores: readonly PickupStore[],
  levels: readonly PlaceStock[],
  cart: CartSnapshot,
  destination: Address,
  options: QuoteOptions,
  now: Date
): ShippingQuote | null {
  const { proposals } = pickupForCart(
    stores,
    levels,
    cart.lines,
    originForAddress(destination),
    now
  )
  if (!proposals.length) return null
  const days = daysUntil(now, proposals[0].readyAt)
  return {
    price: { amount: options.priceCents, currency: cart.currency },
    delayDays: [days, days],
    pickupPoints: proposals
      .slice(0, options.maxStores)
      .map(({ store, readyAt, distanceKm }): PickupPoint => ({
        code: store.code,
        name: store.name,
        address: store.address,
        readyAt,
        stockPlaceId: store.id,
        ...(distanceKm === null ? {} : { distanceKm }),
      })),
  }
}
