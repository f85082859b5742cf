import { signedUrlFor } from '@adonisjs/core/services/url_builder'
import { appUrl } from '#config/app'
import type MarketingConsent from '#models/marketing_consent'
import type Order from '#models/order'
import type { Locale } from '#support/locale_paths'
import { ORDER_TRACKING_PURPOSE } from '#support/order_access'

/** The purpose the unsubscribe links are signed for, and nothing else. */
export const UNSUBSCRIBE_PURPOSE = 'marketing_unsubscribe'

/**
 * The link at the foot of every marketing e-mail (LEGAL.md R-01): signed, it
 * never expires and needs no sign-in; one click withdraws the consent.
 */
export function unsubscribeUrl(consent: Pick<MarketingConsent, 'id'>, locale: Locale): string {
  const params = { id: consent.id }
  const options = { purpose: UNSUBSCRIBE_PURPOSE, prefixUrl: appUrl.replace(/\/$/, '') }
  return locale === 'en'
    ? signedUrlFor('en.newsletter.unsubscribe', params, options)
    : signedUrlFor('fr.newsletter.unsubscribe', params, options)
}

/**
 * An archived contract's PDF (P-09), signed like the order's tracking link so
 * a guest holding it needs no account.
 */
export function contractUrl(order: Pick<Order, 'number'>, locale: Locale): string {
  const params = { number: order.number }
  const options = { purpose: ORDER_TRACKING_PURPOSE }
  return locale === 'en'
    ? signedUrlFor('en.orders.contract', params, options)
    : signedUrlFor('fr.orders.contract', params, options)
}
