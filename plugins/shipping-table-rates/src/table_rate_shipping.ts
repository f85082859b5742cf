import type { Address, CartSnapshot, Locale } from '@comptoir/contracts/commerce'
import type { Labels } from '@comptoir/contracts/plugin_manifest'
import { ShippingMethod, type ShippingQuote } from '@comptoir/contracts/shipping_method'
import RateService from '#src/rate_service'
import { type TableRateOptions, quoteTableRate } from '#src/table_rates'

/**
 * Home delivery priced by the rate table: reads the rows that may apply in
 * one query, and lets the pure rules pick one.
 */
export default class TableRateShipping extends ShippingMethod {
  readonly code = 'table-rates'

  constructor(
    protected labels: Labels,
    protected options: TableRateOptions,
    protected rates = new RateService()
  ) {
    super()
  }

  label(locale: Locale) {
    return this.labels[locale]
  }

  async quote(cart: CartSnapshot, destination: Address): Promise<ShippingQuote | null> {
    const rows = await this.rates.candidates(cart.currency, destination.countryCode)
    return quoteTableRate(rows, cart, destination, this.options)
  }
}
