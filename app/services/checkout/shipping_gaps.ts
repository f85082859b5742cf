import { DateTime } from 'luxon'
import type { Address, CartSnapshot } from '@comptoir/contracts/commerce'
import { cartWeightGrams } from '@comptoir/contracts/commerce'
import ShippingGap from '#models/shipping_gap'
import { sqlTimestamp } from '#support/sql_timestamp'

/**
 * Destinations the shop could not serve. The shopper gets a contact path; the
 * merchant sees the most frequent gaps on the dashboard and adds a rate.
 */
export default class ShippingGaps {
  async record(cart: CartSnapshot, destination: Address) {
    await ShippingGap.create({
      countryCode: destination.countryCode,
      postalCode: destination.postalCode,
      weightGrams: cartWeightGrams(cart),
      subtotal: cart.subtotal.amount,
      currency: cart.currency,
    })
  }

  /** The last days' gaps, grouped by destination, most frequent first. */
  async recent(days = 30, limit = 10) {
    const rows = await ShippingGap.query()
      .where('created_at', '>=', sqlTimestamp(DateTime.now().minus({ days })))
      .groupBy('country_code', 'postal_code')
      .select('country_code', 'postal_code')
      .count('* as attempts')
      .max('created_at as last_at')
      .orderBy('attempts', 'desc')
      .limit(limit)
    return rows.map((row) => ({
      countryCode: row.countryCode,
      postalCode: row.postalCode,
      attempts: Number(row.$extras.attempts),
      lastAt: row.$extras.last_at,
    }))
  }
}
