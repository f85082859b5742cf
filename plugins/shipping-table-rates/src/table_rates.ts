import {
  type Address,
  type CartSnapshot,
  cartItemCount,
  cartWeightGrams,
} from '@comptoir/contracts/commerce'
import type { ShippingQuote } from '@comptoir/contracts/shipping_method'

/**
 * The table-rate rules, free of any framework: which row of the table prices a
 * cart for a destination.
 *
 * A row matches when all of these hold:
 * - its currency is the cart's (rows in another currency are never compared);
 * - its country is the destination's, or `*` for every country;
 * - its postcode prefix, when it has one, starts the destination's postcode
 *   (both compared upper-cased, without spaces);
 * - the cart's weight, item count and subtotal each fall in the row's band.
 *
 * Every band is half-open: `min` is included, `max` is excluded, and a null
 * `max` has no upper bound. Bands that follow each other (0–250, 250–500)
 * therefore never overlap: a 250 g parcel pays the 250–500 g row.
 *
 * Among the rows that match, the most specific wins: a country with the longest
 * postcode prefix, then a country without prefix, then `*`. Rows equally
 * specific are compared by price, the cheapest winning (so a row priced 0 with
 * a subtotal band is a per-destination free-shipping rule), then by delay,
 * then by id, so the choice never depends on database order.
 */

export const ANY_COUNTRY = '*'

/** One row of the table. Amounts are minor units of `currency`. */
export interface TableRate {
  readonly id: number
  /** ISO 3166-1 alpha-2 upper case, or `*`. */
  readonly countryCode: string
  readonly postcodePrefix: string | null
  readonly minWeightGrams: number
  readonly maxWeightGrams: number | null
  readonly minItems: number
  readonly maxItems: number | null
  readonly minSubtotal: number
  readonly maxSubtotal: number | null
  readonly price: number
  readonly currency: string
  readonly delayMinDays: number
  readonly delayMaxDays: number
  /** For the merchant only ("Colissimo 0–250 g"); shoppers see the method label. */
  readonly label: string | null
}

export interface TableRateOptions {
  /** Subtotal (minor units, tax included) from which shipping is free; null for never. */
  freeShippingThreshold: number | null
}

/** Postcodes and prefixes are compared upper-cased and without spaces. */
export function normalizePostcode(value: string) {
  return value.replace(/\s+/g, '').toUpperCase()
}

/** `min` included, `max` excluded, a null `max` unbounded. */
export function inBand(value: number, min: number, max: number | null) {
  return value >= min && (max === null || value < max)
}

interface CartMeasures {
  currency: string
  weightGrams: number
  items: number
  subtotal: number
}

function measure(cart: CartSnapshot): CartMeasures {
  return {
    currency: cart.currency,
    weightGrams: cartWeightGrams(cart),
    items: cartItemCount(cart),
    subtotal: cart.subtotal.amount,
  }
}

function matches(rate: TableRate, cart: CartMeasures, country: string, postcode: string) {
  if (rate.currency !== cart.currency) return false
  if (rate.countryCode !== ANY_COUNTRY && rate.countryCode !== country) return false
  if (rate.postcodePrefix && !postcode.startsWith(normalizePostcode(rate.postcodePrefix))) {
    return false
  }
  return (
    inBand(cart.weightGrams, rate.minWeightGrams, rate.maxWeightGrams) &&
    inBand(cart.items, rate.minItems, rate.maxItems) &&
    inBand(cart.subtotal, rate.minSubtotal, rate.maxSubtotal)
  )
}

/** Positive when `a` should win over `b`. */
function compare(a: TableRate, b: TableRate) {
  const prefix = (a.postcodePrefix?.length ?? 0) - (b.postcodePrefix?.length ?? 0)
  if (prefix) return prefix
  const country = Number(a.countryCode !== ANY_COUNTRY) - Number(b.countryCode !== ANY_COUNTRY)
  if (country) return country
  return b.price - a.price || b.delayMaxDays - a.delayMaxDays || b.id - a.id
}

/**
 * The row that prices this cart for this destination, or null when none
 * matches (the method is then unavailable). A cart whose subtotal is in
 * another currency than its own is refused rather than mixed.
 */
export function matchRate(
  rates: readonly TableRate[],
  cart: CartSnapshot,
  destination: Address
): TableRate | null {
  if (cart.subtotal.currency !== cart.currency) return null
  const measures = measure(cart)
  const country = destination.countryCode.toUpperCase()
  const postcode = normalizePostcode(destination.postalCode)
  let best: TableRate | null = null
  for (const rate of rates) {
    if (matches(rate, measures, country, postcode) && (!best || compare(rate, best) > 0)) {
      best = rate
    }
  }
  return best
}

/**
 * The quote of the matching row: its price, or zero from the free-shipping
 * threshold on (the delay stays the row's), or null when no row matches.
 */
export function quoteTableRate(
  rates: readonly TableRate[],
  cart: CartSnapshot,
  destination: Address,
  options: TableRateOptions
): ShippingQuote | null {
  const rate = matchRate(rates, cart, destination)
  if (!rate) return null
  const threshold = options.freeShippingThreshold
  const free = threshold !== null && cart.subtotal.amount >= threshold
  return {
    price: { amount: free ? 0 : rate.price, currency: rate.currency },
    delayDays: [rate.delayMinDays, rate.delayMaxDays],
  }
}
