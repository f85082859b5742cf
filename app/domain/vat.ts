/**
 * French VAT rates in basis points (1/100 of a percent), so rates stay integers:
 * 2000 = 20 %, 1000 = 10 %, 550 = 5.5 %, 210 = 2.1 %.
 */
export const FRENCH_VAT_RATES = [2000, 1000, 550, 210] as const
export type VatRate = (typeof FRENCH_VAT_RATES)[number]

export function isVatRate(value: unknown): value is VatRate {
  return FRENCH_VAT_RATES.includes(value as VatRate)
}

/**
 * Splits a tax-included amount (minor units) into its net part and its VAT,
 * rounding the VAT to the nearest minor unit; net + vat always equals gross.
 */
export function splitTaxIncluded(gross: number, rate: VatRate): { net: number; vat: number } {
  const vat = Math.round((gross * rate) / (10_000 + rate))
  return { net: gross - vat, vat }
}

/**
 * "20 %", "5,5 %" in French; "20%", "5.5%" in English.
 */
export function formatVatRate(rate: VatRate, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
    rate / 10_000
  )
}
