import type { Address, Amount, CartSnapshot } from '@comptoir/contracts/commerce'
import type { ShippingMethod } from '@comptoir/contracts/shipping_method'
import type { ViewSlots } from '@comptoir/contracts/view_slots'
import { type FormattedWindow, deliveryWindow, formatDeliveryWindow } from '#src/delivery_dates'
import { type TableRateSettings, countryName } from '#src/settings'

export interface ProductEstimate {
  price: Amount
  free: boolean
  delivery: FormattedWindow
  country: string
}

/** The destination of the product-page estimate, from the settings. */
export function estimateDestination(
  settings: Pick<TableRateSettings, 'defaultCountry'> & { defaultPostcode?: string }
): Address {
  return {
    countryCode: settings.defaultCountry,
    postalCode: settings.defaultPostcode ?? '',
    city: '',
    lines: [],
  }
}

/**
 * What one unit of the variant costs to ship to the default destination and
 * when it would arrive if ordered at `now`, or null when no rate serves it.
 * The same for every visitor, so the page can be cached whole.
 */
export async function estimateForProduct(
  method: ShippingMethod,
  input: ViewSlots['product.price.after'],
  destination: Address,
  now: Date
): Promise<ProductEstimate | null> {
  const { product, variant, locale } = input
  const cart: CartSnapshot = {
    currency: variant.price.currency,
    locale,
    subtotal: variant.price,
    lines: [
      {
        variantId: variant.id,
        productId: product.id,
        sku: variant.sku,
        name: product.name,
        quantity: 1,
        unitPrice: variant.price,
        unitWeightGrams: variant.weightGrams,
      },
    ],
  }
  const quote = await method.quote(cart, destination)
  if (!quote) return null
  return {
    price: quote.price,
    free: quote.price.amount === 0,
    delivery: formatDeliveryWindow(deliveryWindow(now, quote.delayDays), locale),
    country: countryName(destination.countryCode, locale),
  }
}
