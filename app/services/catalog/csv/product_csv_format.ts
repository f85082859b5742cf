import { Money } from '#domain/money'

/**
 * The catalog's CSV format: one line per variant; lines sharing a `handle`
 * (the product's French slug on export) form one product, whose product-level
 * columns are read from its first line. Lists use "|": categories by French
 * slug, characteristics and options as code=value, stock as
 * location=quantity:threshold. Booleans are 1 or 0, prices and quantities use a
 * dot as decimal separator.
 */
export const CSV_COLUMNS = [
  'handle',
  'type',
  'name_fr',
  'name_en',
  'slug_fr',
  'slug_en',
  'short_description_fr',
  'short_description_en',
  'description_fr',
  'description_en',
  'seo_title_fr',
  'seo_title_en',
  'seo_description_fr',
  'seo_description_en',
  'brand',
  'vat_rate',
  'weight_grams',
  'net_quantity',
  'net_quantity_unit',
  'withdrawal_exception',
  'enabled',
  'visible',
  'featured',
  'categories',
  'attributes',
  'sku',
  'price',
  'variant_withdrawal_exception',
  'options',
  'stock',
] as const

export type CsvColumn = (typeof CSV_COLUMNS)[number]
export type CsvRow = Record<CsvColumn, string>

/**
 * A problem found on a line of an imported file, as a translation key
 * (admin.catalog.import.errors.<code>) and its values, so it reads in the
 * language of whoever looks at the import.
 */
export interface CsvLineError {
  line: number
  code: string
  params?: Record<string, string | number>
}

export const VAT_RATES_BY_PERCENT: Record<string, number> = {
  '20': 2000,
  '10': 1000,
  '5.5': 550,
  '2.1': 210,
}

export function formatVatPercent(rate: number): string {
  return Object.entries(VAT_RATES_BY_PERCENT).find(([, value]) => value === rate)?.[0] ?? ''
}

export function formatPrice(amount: number, currency: string): string {
  return Money.of(amount, currency).toDecimalString()
}

/**
 * "size=38|colour=black" ⇄ [["size", "38"], ["colour", "black"]].
 */
export function joinPairs(pairs: [string, string][]): string {
  return pairs.map(([key, value]) => `${key}=${value}`).join('|')
}

export function splitPairs(value: string): [string, string][] | null {
  if (!value.trim()) return []
  const pairs: [string, string][] = []
  for (const part of value.split('|')) {
    const index = part.indexOf('=')
    if (index <= 0) return null
    pairs.push([part.slice(0, index).trim(), part.slice(index + 1).trim()])
  }
  return pairs
}

export function splitList(value: string): string[] {
  return value
    .split('|')
    .map((item) => item.trim())
    .filter(Boolean)
}

/**
 * Thousandths of a unit as the decimal the merchant reads: 250 → "0.25".
 */
export function formatThousandths(value: number | null): string {
  if (value === null) return ''
  return (value / 1000).toFixed(3).replace(/\.?0+$/, '')
}
