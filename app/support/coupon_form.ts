import { DateTime } from 'luxon'
import { timeZone } from '#config/app'
import { Money } from '#domain/money'
import { parsePercentage, percentageInput } from '#domain/coupons'
import type Coupon from '#models/coupon'
import type { CouponInput } from '#services/coupon_admin_service'
import { COUPON_CURRENCY, type couponValidator, parseSkuList } from '#validators/coupon'

export type CouponFormValues = Awaited<ReturnType<typeof couponValidator.validate>>

/**
 * The form as it is shown: strings as typed, dates as calendar days.
 */
export interface CouponFormData {
  code: string
  kind: string
  percentage: string
  amount: string
  min_subtotal: string
  starts_on: string
  ends_on: string
  usage_limit: string
  per_customer_limit: string
  active: boolean
  label: string
  notes: string
  product_skus: string
  category_ids: number[]
}

/**
 * A calendar day typed in the form (a Date at local midnight, as VineJS reads
 * "2026-02-03") as the instant that day starts in Europe/Paris.
 */
function startOfParisDay(date: Date): DateTime {
  return DateTime.fromObject(
    { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() },
    { zone: timeZone }
  )
}

/**
 * The validated form as a coupon: the validity days become instants, the
 * first day from 00:00 in Paris and the last one until the next midnight
 * (stored exclusive).
 */
export function toCouponInput(values: CouponFormValues): CouponInput {
  const money = (input: string | undefined) =>
    input ? Money.parse(input, COUPON_CURRENCY)!.amount : null
  const minSubtotal = money(values.min_subtotal)
  const value =
    values.kind === 'percentage'
      ? parsePercentage(values.percentage!)!
      : values.kind === 'fixed_amount'
        ? money(values.amount)!
        : 0
  return {
    code: values.code,
    kind: values.kind,
    value,
    currency: values.kind === 'fixed_amount' || minSubtotal !== null ? COUPON_CURRENCY : null,
    minSubtotal,
    startsAt: values.starts_on ? startOfParisDay(values.starts_on) : null,
    endsAt: values.ends_on ? startOfParisDay(values.ends_on).plus({ days: 1 }) : null,
    usageLimit: values.usage_limit ?? null,
    perCustomerLimit: values.per_customer_limit ?? null,
    active: values.active ?? false,
    label: values.label || null,
    notes: values.notes || null,
    productSkus: parseSkuList(values.product_skus),
    categoryIds: values.category_ids ?? [],
  }
}

/**
 * A coupon as its edit form shows it (or an empty form for a new one).
 */
export function couponFormData(
  coupon: Coupon | null,
  productSkus: string[],
  locale: string
): CouponFormData {
  const amount = (value: number | null) =>
    value === null
      ? ''
      : Money.of(value, coupon?.currency ?? COUPON_CURRENCY)
          .toDecimalString()
          .replace('.', locale === 'fr' ? ',' : '.')
  const day = (instant: DateTime | null, exclusive: boolean) => {
    if (!instant) return ''
    const paris = instant.setZone(timeZone)
    // An end stored as the midnight after the last valid day shows that day.
    const last = exclusive && paris.equals(paris.startOf('day')) ? paris.minus({ days: 1 }) : paris
    return last.toISODate() ?? ''
  }
  return {
    code: coupon?.code ?? '',
    kind: coupon?.kind ?? 'percentage',
    percentage: coupon?.kind === 'percentage' ? percentageInput(coupon.value, locale) : '',
    amount: coupon?.kind === 'fixed_amount' ? amount(coupon.value) : '',
    min_subtotal: amount(coupon?.minSubtotal ?? null),
    starts_on: day(coupon?.startsAt ?? null, false),
    ends_on: day(coupon?.endsAt ?? null, true),
    usage_limit: coupon?.usageLimit?.toString() ?? '',
    per_customer_limit: coupon?.perCustomerLimit?.toString() ?? '',
    active: coupon?.active ?? true,
    label: coupon?.label ?? '',
    notes: coupon?.notes ?? '',
    product_skus: productSkus.join(', '),
    category_ids: coupon?.categories?.map((category) => category.id) ?? [],
  }
}

/**
 * The form as the merchant submitted it, shown again with its errors.
 */
export function couponFormFromSubmission(old: Record<string, unknown>): CouponFormData {
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  const ids = Array.isArray(old.category_ids) ? old.category_ids : []
  return {
    code: text(old.code),
    kind: text(old.kind),
    percentage: text(old.percentage),
    amount: text(old.amount),
    min_subtotal: text(old.min_subtotal),
    starts_on: text(old.starts_on),
    ends_on: text(old.ends_on),
    usage_limit: text(old.usage_limit),
    per_customer_limit: text(old.per_customer_limit),
    active: !!old.active,
    label: text(old.label),
    notes: text(old.notes),
    product_skus: text(old.product_skus),
    category_ids: ids.map(Number).filter(Number.isInteger),
  }
}
