import type { I18n } from '@adonisjs/i18n'
import { errors } from '@vinejs/vine'
import { DateTime } from 'luxon'
import { addDays } from '@comptoir/contracts/french_calendar'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import { Money } from '#domain/money'
import { parsePercentage, percentageInput } from '#domain/coupons'
import { parisDate, parisInstant } from '#domain/paris_time'
import type { RuleRefusal } from '#domain/pricing/promotion_rules'
import type { SoldesPeriod } from '#domain/pricing/soldes_periods'
import type PromotionRule from '#models/promotion_rule'
import type { PromotionInput } from '#services/pricing/promotion_admin_service'
import { formatCalendarDay } from '#support/calendar_days'
import { COUPON_CURRENCY, parseSkuList } from '#validators/coupon'
import type { promotionValidator } from '#validators/promotion'

export type PromotionFormValues = Awaited<ReturnType<typeof promotionValidator.validate>>

/** The form as it is shown: strings as typed, the start as "2026-01-07T08:00" Paris time. */
export interface PromotionFormData {
  name: string
  kind: string
  discount_type: string
  percentage: string
  amount: string
  starts_at: string
  ends_on: string
  customer_group_id: string
  campaign: string
  declaration_reference: string
  product_skus: string
  category_ids: number[]
  brand_ids: number[]
  option_ids: number[]
}

/** A day or date-time VineJS read (a Date holding the typed wall-clock time), as text. */
export function typedDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * The validated form as a rule: the start is Paris time, the last day lasts
 * until the next midnight in Paris (stored exclusive).
 */
export function toPromotionInput(values: PromotionFormValues): PromotionInput {
  const startsAt = parisInstant(
    typedDay(values.starts_at),
    values.starts_at.getHours(),
    values.starts_at.getMinutes()
  )
  const endsAt = values.ends_on ? parisInstant(addDays(typedDay(values.ends_on), 1)) : null
  const fixed = values.discount_type === 'fixed_amount'
  return {
    name: values.name,
    kind: values.kind,
    discountType: values.discount_type,
    value: fixed
      ? Money.parse(values.amount!, COUPON_CURRENCY)!.amount
      : parsePercentage(values.percentage!)!,
    currency: fixed ? COUPON_CURRENCY : null,
    startsAt: DateTime.fromJSDate(startsAt),
    endsAt: endsAt && DateTime.fromJSDate(endsAt),
    customerGroupId: values.customer_group_id ?? null,
    campaign: values.campaign || null,
    declarationReference: values.declaration_reference || null,
    productSkus: parseSkuList(values.product_skus),
    categoryIds: values.category_ids ?? [],
    brandIds: values.brand_ids ?? [],
    optionIds: values.option_ids ?? [],
  }
}

/** A rule as its edit form shows it, or an empty form starting now. */
export function promotionFormData(
  rule: PromotionRule | null,
  productSkus: string[],
  locale: string
): PromotionFormData {
  const ids = (type: string) =>
    rule?.targets.filter((target) => target.targetType === type).map((target) => target.targetId) ??
    []
  const start = (rule?.startsAt ?? DateTime.now().startOf('hour').plus({ hours: 1 })).setZone(
    SHOP_TIME_ZONE
  )
  // An end stored as the midnight after the last day shows that day.
  const end = rule?.endsAt ? addDays(parisDate(rule.endsAt.toJSDate()), -1) : ''
  return {
    name: rule?.name ?? '',
    kind: rule?.kind ?? 'promotion',
    discount_type: rule?.discountType ?? 'percentage',
    percentage: rule?.discountType === 'percentage' ? percentageInput(rule.value, locale) : '',
    amount:
      rule?.discountType === 'fixed_amount'
        ? Money.of(rule.value, rule.currency ?? COUPON_CURRENCY)
            .toDecimalString()
            .replace('.', locale === 'fr' ? ',' : '.')
        : '',
    starts_at: start.toFormat("yyyy-MM-dd'T'HH:mm"),
    ends_on: end,
    customer_group_id: rule?.customerGroupId?.toString() ?? '',
    campaign: rule?.campaign ?? '',
    declaration_reference: rule?.declarationReference ?? '',
    product_skus: productSkus.join(', '),
    category_ids: ids('category'),
    brand_ids: ids('brand'),
    option_ids: ids('attribute_option'),
  }
}

/** The form as the merchant submitted it, shown again with its errors. */
export function promotionFormFromSubmission(old: Record<string, unknown>): PromotionFormData {
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  const ids = (value: unknown) =>
    (Array.isArray(value) ? value : []).map(Number).filter(Number.isInteger)
  return {
    name: text(old.name),
    kind: text(old.kind),
    discount_type: text(old.discount_type),
    percentage: text(old.percentage),
    amount: text(old.amount),
    starts_at: text(old.starts_at),
    ends_on: text(old.ends_on),
    customer_group_id: text(old.customer_group_id),
    campaign: text(old.campaign),
    declaration_reference: text(old.declaration_reference),
    product_skus: text(old.product_skus),
    category_ids: ids(old.category_ids),
    brand_ids: ids(old.brand_ids),
    option_ids: ids(old.option_ids),
  }
}

/** "du mercredi 7 janvier 2026 à 08:00 au mardi 3 février 2026". */
export function periodText(i18n: I18n, period: SoldesPeriod): string {
  return i18n.t('promotions.soldes.period', {
    from: formatCalendarDay(period.firstDay, i18n.locale),
    time: DateTime.fromJSDate(period.startsAt).setZone(SHOP_TIME_ZONE).toFormat('HH:mm'),
    to: formatCalendarDay(period.lastDay, i18n.locale),
  })
}

/**
 * The pricing rules' refusals as validation errors on the form's fields,
 * each saying what the law asks (promotions.refusals).
 */
export function refusalErrors(i18n: I18n, refusals: RuleRefusal[]) {
  const day = (date: string) => formatCalendarDay(date, i18n.locale)
  const message = (refusal: RuleRefusal): string => {
    switch (refusal.reason) {
      case 'start_locked':
        return i18n.t('promotions.refusals.start_locked', {
          date: day(parisDate(refusal.startsAt)),
        })
      case 'end_required':
        return i18n.t(`promotions.refusals.end_required_${refusal.kind}`)
      case 'soldes_outside_period':
        return i18n.t('promotions.refusals.soldes_outside_period', {
          periods: refusal.periods
            .map((period) => periodText(i18n, period))
            .join(i18n.t('promotions.soldes.and')),
        })
      case 'soldes_offered_too_late':
        return i18n.t('promotions.refusals.soldes_offered_too_late', {
          date: day(refusal.latestOfferDay),
          skus: refusal.skus.join(', '),
        })
      case 'liquidation_too_long':
        return i18n.t('promotions.refusals.liquidation_too_long', { date: day(refusal.lastDay) })
      default:
        return i18n.t(`promotions.refusals.${refusal.reason}`)
    }
  }
  return new errors.E_VALIDATION_ERROR(
    refusals.map((refusal) => ({
      field: refusal.field,
      message: message(refusal),
      rule: refusal.reason,
    }))
  )
}
