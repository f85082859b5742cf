import { parse } from 'csv-parse/sync'
import { stringify } from 'csv-stringify/sync'
import type { I18n } from '@adonisjs/i18n'
import { formatAmount } from '#src/amounts'
import RateService from '#src/rate_service'
import { RATE_FIELDS, type RateField, type RateInput, validateRate } from '#src/rate_validator'
import type ShippingRate from '#src/shipping_rate'

/**
 * The rate table as CSV, one rate per line under a header of RATE_FIELDS.
 * Amounts (price, min_subtotal, max_subtotal) are decimal numbers in the
 * row's currency, written with a dot ("4.90"); a comma is read too. An empty
 * max means no upper bound. Files saved by a French spreadsheet, with ";"
 * between columns, are read as well.
 */

/** Columns an imported file must have; the others may be left out. */
const REQUIRED_COLUMNS: RateField[] = [
  'country_code',
  'price',
  'currency',
  'delay_min_days',
  'delay_max_days',
]

/** Past this many problems, the rest of the file is not read. */
const MAX_ERRORS = 100

export interface CsvLineError {
  /** Line in the file, the header being line 1. */
  line: number
  column: string | null
  message: string
}

export type CsvImportResult =
  { imported: true; count: number } | { imported: false; errors: CsvLineError[] }

const KEYS = 'shipping-table-rates.import.errors'

export default class RatesCsv {
  constructor(protected rates = new RateService()) {}

  async export(): Promise<string> {
    const rows = await this.rates.list()
    return stringify(
      rows.map((rate) => this.line(rate)),
      {
        header: true,
        columns: [...RATE_FIELDS],
        // Lets spreadsheets read accents in labels as UTF-8.
        bom: true,
      }
    )
  }

  /**
   * Checks every line, and only when all are valid replaces the whole table
   * with them; otherwise nothing changes and the problems are returned with
   * their line numbers, in the admin's language.
   */
  async import(csv: string, i18n: I18n): Promise<CsvImportResult> {
    const read = this.read(csv, i18n)
    if ('errors' in read) return { imported: false, errors: read.errors }

    const inputs: RateInput[] = []
    const errors: CsvLineError[] = []
    for (const { line, values } of read.records) {
      if (errors.length >= MAX_ERRORS) {
        const message = i18n.t(`${KEYS}.too_many_errors`, { max: MAX_ERRORS })
        errors.push({ line, column: null, message })
        break
      }
      const result = await validateRate(values, i18n)
      if (result.valid) inputs.push(result.rate)
      else
        errors.push(
          ...result.errors.map(({ field, message }) => ({ line, column: field, message }))
        )
    }
    if (errors.length) return { imported: false, errors }
    await this.rates.replaceAll(inputs)
    return { imported: true, count: inputs.length }
  }

  private line(rate: ShippingRate): Record<RateField, string> {
    const text = (value: number | string | null) => (value === null ? '' : String(value))
    const money = (value: number | null) => (value === null ? '' : formatAmount(value, 'en'))
    return {
      country_code: rate.countryCode,
      postcode_prefix: text(rate.postcodePrefix),
      min_weight_grams: text(rate.minWeightGrams),
      max_weight_grams: text(rate.maxWeightGrams),
      min_items: text(rate.minItems),
      max_items: text(rate.maxItems),
      min_subtotal: money(rate.minSubtotal),
      max_subtotal: money(rate.maxSubtotal),
      price: money(rate.price),
      currency: rate.currency,
      delay_min_days: text(rate.delayMinDays),
      delay_max_days: text(rate.delayMaxDays),
      label: text(rate.label),
    }
  }

  private read(csv: string, i18n: I18n) {
    const fail = (line: number, key: string, values?: Record<string, unknown>) => ({
      errors: [{ line, column: null, message: i18n.t(`${KEYS}.${key}`, values) }],
    })
    const text = csv.replace(/^\uFEFF/, '')
    const header = text.split(/\r?\n/, 1)[0]
    const delimiter = header.includes(';') && !header.includes(',') ? ';' : ','

    let columns: string[] = []
    let parsed: { record: Record<string, string>; info: { lines: number } }[]
    try {
      parsed = parse(text, {
        columns: (names: string[]) => (columns = names.map((name) => name.trim().toLowerCase())),
        delimiter,
        skip_empty_lines: true,
        info: true,
      })
    } catch (error) {
      const line = (error as { lines?: number }).lines ?? 1
      return fail(line, 'unreadable', { reason: (error as Error).message })
    }

    const unknown = columns.filter((name) => !(RATE_FIELDS as readonly string[]).includes(name))
    if (unknown.length) return fail(1, 'unknown_columns', { columns: unknown.join(', ') })
    const missing = REQUIRED_COLUMNS.filter((name) => !columns.includes(name))
    if (missing.length) return fail(1, 'missing_columns', { columns: missing.join(', ') })
    if (!parsed.length) return fail(1, 'empty')

    return { records: parsed.map(({ record, info }) => ({ line: info.lines, values: record })) }
  }
}
