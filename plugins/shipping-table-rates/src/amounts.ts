/**
 * Amounts typed by the merchant ("4,90", "4.9", "1 250") to minor units and
 * back, for currencies with two decimals (every currency a rate may use, see
 * RATE_CURRENCIES). Digits are read as text, never through a float.
 */

export const RATE_CURRENCIES = ['EUR', 'CHF', 'GBP'] as const
export type RateCurrency = (typeof RATE_CURRENCIES)[number]

/** Up to six whole digits (a space between thousands allowed) and two decimals. */
export const AMOUNT_PATTERN = /^\d{1,3}(?:[ \u00a0\u202f]?\d{3})?(?:[.,]\d{1,2})?$/

/** Minor units of a typed amount, or null when it is not a plain positive amount. */
export function parseAmount(text: string): number | null {
  const trimmed = text.trim()
  if (!AMOUNT_PATTERN.test(trimmed)) return null
  const [whole, fraction = ''] = trimmed.replace(/[ \u00a0\u202f]/g, '').split(/[.,]/)
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
}

/** Minor units as the merchant types them: "4,90" in French, "4.90" in English. */
export function formatAmount(minor: number, locale: 'fr' | 'en'): string {
  const whole = Math.floor(minor / 100)
  const cents = String(minor % 100).padStart(2, '0')
  return `${whole}${locale === 'fr' ? ',' : '.'}${cents}`
}
