import type { Address, CartSnapshot, Locale } from '@comptoir/contracts/commerce'
import type { Labels } from '@comptoir/contracts/plugin_manifest'
import { ShippingMethod, type ShippingQuote } from '@comptoir/contracts/shipping_method'
import {
  CLICK_AND_COLLECT_CODE,
  type QuoteOptions,
  quoteClickCollect,
} from '#src/click_collect_quote'
import StoreDirectory from '#src/store_directory'

/**
 * Pickup in the merchant's stores: reads the stores and their stock of the
 * cart's variants (three queries), and lets the pure rules decide.
 */
export default class ClickCollectShipping extends ShippingMethod {
  readonly code = CLICK_AND_COLLECT_CODE

  constructor(
    protected labels: Labels,
    protected options: QuoteOptions,
    protected stores = new StoreDirectory(),
    protected clock = () => new Date()
  ) {
    super()
  }

  label(locale: Locale) {
    return this.labels[locale]
  }

  async quote(cart: CartSnapshot, destination: Address): Promise<ShippingQuote | null> {
    if (!cart.lines.length) return null
    const variantIds = [...new Set(cart.lines.map((line) => line.variantId))]
    const [stores, levels] = await Promise.all([
      this.stores.pickupStores(),
      this.stores.levels(variantIds),
    ])
    return quoteClickCollect(stores, levels, cart, destination, this.options, this.clock())
  }
}
