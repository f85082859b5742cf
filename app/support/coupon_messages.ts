import type { I18n } from '@adonisjs/i18n'
import { DateTime } from 'luxon'
import { timeZone } from '#config/app'
import { Money } from '#domain/money'
import { type CouponKind, type CouponRefusal, formatPercentage } from '#domain/coupons'

/**
 * What the shopper reads when a code does not apply, in the request's
 * language: "Ce code est valable à partir de 50,00 € d'achats : il manque
 * 12,00 €.", "Ce code a expiré le 3 février 2026.". For the cart and checkout.
 */
export function refusalMessage(i18n: I18n, refusal: CouponRefusal): string {
  const key = `coupons.refusals.${refusal.reason}`
  switch (refusal.reason) {
    case 'not_started':
      return i18n.t(key, { date: moment(i18n, refusal.startsAt, 'start') })
    case 'expired':
      return i18n.t(key, { date: moment(i18n, refusal.endsAt, 'end') })
    case 'minimum_not_reached':
      return i18n.t(key, {
        minimum: Money.of(refusal.minimum, refusal.currency).format(i18n.locale),
        missing: Money.of(refusal.missing, refusal.currency).format(i18n.locale),
      })
    case 'usage_limit_reached':
    case 'customer_limit_reached':
      return i18n.t(key, { limit: refusal.limit })
    case 'currency_mismatch':
      return i18n.t(key, { currency: refusal.currency })
    default:
      return i18n.t(key)
  }
}

/**
 * What a coupon gives, for lists: "10 %", "15,00 €", "Livraison offerte".
 */
export function couponValueText(
  i18n: I18n,
  coupon: { kind: CouponKind; value: number; currency: string | null }
): string {
  if (coupon.kind === 'percentage') return formatPercentage(coupon.value, i18n.locale)
  if (coupon.kind === 'fixed_amount') {
    return Money.of(coupon.value, coupon.currency ?? 'EUR').format(i18n.locale)
  }
  return i18n.t('coupons.kinds.free_shipping')
}

/**
 * When a coupon works, for lists: "du 1 mars 2026 au 31 mars 2026", both days included.
 */
export function couponValidityText(
  i18n: I18n,
  coupon: { startsAt: DateTime | null; endsAt: DateTime | null }
): string {
  const from = coupon.startsAt ? moment(i18n, coupon.startsAt.toJSDate(), 'start') : null
  const until = coupon.endsAt ? moment(i18n, coupon.endsAt.toJSDate(), 'end') : null
  if (from && until) return i18n.t('coupons.validity.between', { from, until })
  if (from) return i18n.t('coupons.validity.from', { from })
  if (until) return i18n.t('coupons.validity.until', { until })
  return i18n.t('coupons.validity.always')
}

/**
 * A validity bound in Paris time. Bounds set by the back office fall at
 * midnight and read as days; an end is exclusive, so it reads as the day
 * before (valid until 3 February included, stored as 4 February 00:00).
 */
function moment(i18n: I18n, instant: Date, bound: 'start' | 'end'): string {
  const paris = DateTime.fromJSDate(instant, { zone: timeZone })
  if (paris.equals(paris.startOf('day'))) {
    const day = bound === 'end' ? paris.minus({ days: 1 }) : paris
    return i18n.formatDate(day.toJSDate(), { dateStyle: 'long', timeZone })
  }
  return i18n.formatDate(instant, { dateStyle: 'long', timeStyle: 'short', timeZone })
}
