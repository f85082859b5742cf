import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import { COUPON_CODE_PATTERN, COUPON_KINDS, parsePercentage } from '#domain/coupons'
import { translatedMessages } from '#validators/translated_messages'
import { euroAmount } from '#validators/rules'

/** Coupon amounts are typed and stored in the shop's currency. */
export const COUPON_CURRENCY = 'EUR'

/**
 * SKUs typed in a textarea, one per line or separated by commas.
 */
export function parseSkuList(value: string | null | undefined): string[] {
  return [
    ...new Set(
      (value ?? '')
        .split(/[\s,;]+/)
        .map((sku) => sku.trim().toUpperCase())
        .filter(Boolean)
    ),
  ]
}

export const percentage = vine.createRule((value, _options, field) => {
  if (typeof value === 'string' && parsePercentage(value) === null) {
    field.report('Percentage', 'percentageFormat', field)
  }
})

/**
 * Every SKU must be one of a product's variants; the error names the others.
 */
export const knownSkus = vine.createRule(
  async (value, _options, field) => {
    if (typeof value !== 'string') return
    const skus = parseSkuList(value)
    if (!skus.length) return
    const rows = await db.from('variants').whereIn('sku', skus).select('sku')
    const known = new Set(rows.map((row) => String(row.sku)))
    const unknown = skus.filter((sku) => !known.has(sku))
    if (unknown.length) {
      field.report('Unknown SKUs: {{ skus }}', 'knownSkus', field, { skus: unknown.join(', ') })
    }
  },
  { isAsync: true }
)

const limit = () => vine.number().withoutDecimals().range([1, 1_000_000]).optional()

/**
 * The back-office coupon form. The value is typed as a percentage ("12,5") or
 * an amount in euros ("15,00") depending on the kind; the dates are calendar
 * days in Europe/Paris, both included.
 */
export const couponValidator = vine.withMetaData<{ couponId: number | null }>().compile(
  vine.object({
    code: vine
      .string()
      .trim()
      .toUpperCase()
      .regex(COUPON_CODE_PATTERN)
      .unique({
        table: 'coupons',
        column: 'code',
        filter: (query, _value, field) => {
          if (field.meta.couponId) query.whereNot('id', field.meta.couponId)
        },
      }),
    kind: vine.enum(COUPON_KINDS),
    percentage: vine
      .string()
      .trim()
      .use(percentage())
      .optional()
      .requiredWhen('kind', '=', 'percentage'),
    amount: vine
      .string()
      .trim()
      .use(euroAmount())
      .optional()
      .requiredWhen('kind', '=', 'fixed_amount'),
    min_subtotal: vine.string().trim().use(euroAmount()).optional(),
    starts_on: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
    ends_on: vine
      .date({ formats: ['YYYY-MM-DD'] })
      .afterOrSameAs('starts_on')
      .optional(),
    usage_limit: limit(),
    per_customer_limit: limit(),
    active: vine.boolean().optional(),
    label: vine.string().trim().maxLength(160).optional(),
    notes: vine.string().trim().maxLength(2000).optional(),
    product_skus: vine.string().maxLength(5000).use(knownSkus()).optional(),
    category_ids: vine
      .array(
        vine.number().positive().withoutDecimals().exists({ table: 'categories', column: 'id' })
      )
      .maxLength(500)
      .optional(),
  })
)

export const couponGridValidator = vine.create({
  q: vine.string().trim().maxLength(100).optional(),
  status: vine.enum(['active', 'inactive']).optional(),
  page: vine.number().positive().withoutDecimals().max(10_000).optional(),
})

/** Messages of the coupon form (coupons.validator), then the shared ones. */
export function couponMessages(i18n: I18n): MessagesProviderContact {
  return translatedMessages(i18n, 'coupons.validator')
}
