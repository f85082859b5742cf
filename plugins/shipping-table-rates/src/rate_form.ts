import { RATE_CURRENCIES, formatAmount } from '#src/amounts'
import type { RateField } from '#src/rate_validator'
import type { TableRate } from '#src/table_rates'

export type RateFormValues = Partial<Record<RateField, string>>

/** The starting values of a new rate. */
const NEW_RATE: RateFormValues = {
  country_code: 'FR',
  currency: RATE_CURRENCIES[0],
  min_weight_grams: '0',
  min_items: '0',
}

/** A rate as the admin form shows it, amounts as the merchant types them. */
export function rateFormValues(rate: TableRate | null, locale: 'fr' | 'en'): RateFormValues {
  if (!rate) return NEW_RATE
  const text = (value: number | string | null) => (value === null ? '' : String(value))
  const money = (value: number | null) => (value === null ? '' : formatAmount(value, locale))
  return {
    country_code: rate.countryCode,
    postcode_prefix: text(rate.postcodePrefix),
    min_weight_grams: text(rate.minWeightGrams),
    max_weight_grams: text(rate.maxWeightGrams),
    min_items: text(rate.minItems),
    max_items: text(rate.maxItems),
    // An empty minimum reads better than "0,00" for the usual "any amount".
    min_subtotal: rate.minSubtotal ? money(rate.minSubtotal) : '',
    max_subtotal: money(rate.maxSubtotal),
    price: money(rate.price),
    currency: rate.currency,
    delay_min_days: text(rate.delayMinDays),
    delay_max_days: text(rate.delayMaxDays),
    label: text(rate.label),
  }
}
