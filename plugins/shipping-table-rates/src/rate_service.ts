import db from '@adonisjs/lucid/services/db'
import ShippingRate from '#src/shipping_rate'
import { ANY_COUNTRY } from '#src/table_rates'
import type { RateInput } from '#src/rate_validator'

/**
 * Reads and writes the rate table. The table is the plugin's own; nothing
 * here touches a core table.
 */
export default class RateService {
  /**
   * Every rate in a stable reading order: by currency, country (`*` last),
   * postcode prefix, then bands. Export and the admin list share it.
   */
  list() {
    return ShippingRate.query()
      .orderBy('currency')
      .orderByRaw('CASE WHEN country_code = ? THEN 1 ELSE 0 END', [ANY_COUNTRY])
      .orderBy('country_code')
      .orderByRaw('COALESCE(postcode_prefix, ?)', [''])
      .orderBy('min_weight_grams')
      .orderBy('min_items')
      .orderBy('min_subtotal')
      .orderBy('id')
  }

  /** The rows that may price a cart in this currency for this country (one query). */
  candidates(currency: string, countryCode: string) {
    return ShippingRate.query()
      .where('currency', currency)
      .whereIn('country_code', [countryCode.toUpperCase(), ANY_COUNTRY])
  }

  async isEmpty() {
    return !(await ShippingRate.query().select('id').first())
  }

  find(id: number) {
    return ShippingRate.findOrFail(id)
  }

  create(input: RateInput) {
    return ShippingRate.create(input)
  }

  async update(id: number, input: RateInput) {
    const rate = await ShippingRate.findOrFail(id)
    return rate.merge(input).save()
  }

  async delete(id: number) {
    const rate = await ShippingRate.findOrFail(id)
    await rate.delete()
  }

  /** Replaces the whole table at once: either every new row is there, or the old table is. */
  async replaceAll(inputs: RateInput[]) {
    await db.transaction(async (trx) => {
      await ShippingRate.query({ client: trx }).delete()
      await ShippingRate.createMany(inputs, { client: trx })
    })
  }
}
