import vine, { errors } from '@vinejs/vine'
import type { I18n } from '@adonisjs/i18n'
import { AMOUNT_PATTERN, RATE_CURRENCIES, type RateCurrency, parseAmount } from '#src/amounts'
import { ANY_COUNTRY, normalizePostcode } from '#src/table_rates'

/**
 * One validation for a rate, whether it comes from the admin form or from a
 * line of an imported CSV file: both use the same field names and the same
 * text formats (amounts typed as "4,90" or "4.90").
 */

/** What is written to the table for one rate. */
export interface RateInput {
  countryCode: string
  postcodePrefix: string | null
  minWeightGrams: number
  maxWeightGrams: number | null
  minItems: number
  maxItems: number | null
  minSubtotal: number
  maxSubtotal: number | null
  price: number
  currency: RateCurrency
  delayMinDays: number
  delayMaxDays: number
  label: string | null
}

export const RATE_FIELDS = [
  'country_code',
  'postcode_prefix',
  'min_weight_grams',
  'max_weight_grams',
  'min_items',
  'max_items',
  'min_subtotal',
  'max_subtotal',
  'price',
  'currency',
  'delay_min_days',
  'delay_max_days',
  'label',
] as const

export type RateField = (typeof RATE_FIELDS)[number]

export interface RateError {
  field: RateField
  rule: string
  message: string
}

export type RateValidation =
  { valid: true; rate: RateInput } | { valid: false; errors: RateError[] }

/** Database integers are 32-bit signed. */
const whole = (max: number) => vine.number().withoutDecimals().min(0).max(max)
const amount = () =>
  vine
    .string()
    .trim()
    .regex(AMOUNT_PATTERN)
    .transform((value) => parseAmount(value)!)

const rateSchema = vine.create({
  country_code: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-Z]{2}|\*)$/),
  postcode_prefix: vine
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9 -]{0,9}$/)
    .optional(),
  min_weight_grams: whole(10_000_000).optional(),
  max_weight_grams: whole(10_000_000).optional(),
  min_items: whole(100_000).optional(),
  max_items: whole(100_000).optional(),
  min_subtotal: amount().optional(),
  max_subtotal: amount().optional(),
  price: amount(),
  currency: vine.enum(RATE_CURRENCIES),
  delay_min_days: whole(365),
  delay_max_days: whole(365),
  label: vine.string().trim().maxLength(120).optional(),
})

const PREFIX = 'shipping-table-rates.validator'

/**
 * Validates raw values (strings from a form or a CSV line; empty means
 * absent), with messages in the admin's language.
 */
export async function validateRate(
  raw: Record<string, unknown>,
  i18n: I18n
): Promise<RateValidation> {
  const data = Object.fromEntries(
    RATE_FIELDS.map((field) => [field, raw[field] === '' ? undefined : (raw[field] ?? undefined)])
  )
  let values: Awaited<ReturnType<typeof rateSchema.validate>>
  try {
    values = await rateSchema.validate(data, {
      messagesProvider: i18n.createMessagesProvider(PREFIX),
    })
  } catch (error) {
    if (!(error instanceof errors.E_VALIDATION_ERROR)) throw error
    return { valid: false, errors: error.messages as RateError[] }
  }

  const rate: RateInput = {
    countryCode: values.country_code,
    postcodePrefix: values.postcode_prefix ? normalizePostcode(values.postcode_prefix) : null,
    minWeightGrams: values.min_weight_grams ?? 0,
    maxWeightGrams: values.max_weight_grams ?? null,
    minItems: values.min_items ?? 0,
    maxItems: values.max_items ?? null,
    minSubtotal: values.min_subtotal ?? 0,
    maxSubtotal: values.max_subtotal ?? null,
    price: values.price,
    currency: values.currency,
    delayMinDays: values.delay_min_days,
    delayMaxDays: values.delay_max_days,
    label: values.label ?? null,
  }
  const problems = crossFieldProblems(rate)
  if (!problems.length) return { valid: true, rate }
  return {
    valid: false,
    errors: problems.map(({ field, rule }) => ({
      field,
      rule,
      message: i18n.t(`${PREFIX}.messages.${rule}`, {
        field: i18n.t(`${PREFIX}.fields.${field}`),
      }),
    })),
  }
}

/** Rules between fields: each band's max above its min, delays in order. */
export function crossFieldProblems(rate: RateInput): { field: RateField; rule: string }[] {
  const problems: { field: RateField; rule: string }[] = []
  const bands: [RateField, number, number | null][] = [
    ['max_weight_grams', rate.minWeightGrams, rate.maxWeightGrams],
    ['max_items', rate.minItems, rate.maxItems],
    ['max_subtotal', rate.minSubtotal, rate.maxSubtotal],
  ]
  for (const [field, min, max] of bands) {
    if (max !== null && max <= min) problems.push({ field, rule: 'aboveMin' })
  }
  if (rate.delayMaxDays < rate.delayMinDays) {
    problems.push({ field: 'delay_max_days', rule: 'delayOrder' })
  }
  if (rate.postcodePrefix && rate.countryCode === ANY_COUNTRY) {
    problems.push({ field: 'postcode_prefix', rule: 'prefixNeedsCountry' })
  }
  return problems
}
