import type { Amount, Locale } from './commerce.js'

/** Where the shop is: dates shown to shoppers are French time whatever the server's zone. */
export const SHOP_TIME_ZONE = 'Europe/Paris'

/**
 * An amount in minor units for display: 4590 EUR is "45,90 €" in French and
 * "€45.90" in English. Intl gets an exact decimal string, never a float.
 */
export function formatAmount({ amount, currency }: Amount, locale: Locale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency })
  const exponent = format.resolvedOptions().maximumFractionDigits ?? 2
  const digits = Math.abs(amount)
    .toString()
    .padStart(exponent + 1, '0')
  const units = exponent === 0 ? digits : `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`
  return format.format(`${amount < 0 ? '-' : ''}${units}` as Intl.StringNumericLiteral)
}

/** A date and time in the shop's time zone: "27 octobre 2026 à 11:00". */
export function formatShopDateTime(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: SHOP_TIME_ZONE,
  }).format(date)
}
