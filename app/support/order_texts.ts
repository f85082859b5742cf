import type { I18n } from '@adonisjs/i18n'
import type { OrderRefusal } from '#services/orders/back_office_orders'

const has = (i18n: I18n, key: string) => i18n.hasMessage(key) || i18n.hasFallbackMessage(key)

/**
 * A refusal of the order services in the merchant's language: each known
 * code has its sentence; a code added later reads as a generic refusal that
 * still names it, rather than as a crash.
 */
export function refusalMessage(
  i18n: I18n,
  reason: OrderRefusal,
  number: string,
  detail = ''
): string {
  const key = `admin_orders.refusals.${reason}`
  return has(i18n, key)
    ? i18n.t(key, { number, detail })
    : i18n.t('admin_orders.refusals.other', { number, code: reason })
}

/**
 * Who an order event or payment transition names: a member of staff by
 * name, or the shopper, the shop itself, a payment provider (OrderActor labels).
 */
export function actorName(i18n: I18n, label: string): string {
  if (label.startsWith('provider:')) {
    return i18n.t('admin_orders.actors.provider', { code: label.slice('provider:'.length) })
  }
  return label === 'customer' || label === 'system' ? i18n.t(`admin_orders.actors.${label}`) : label
}
