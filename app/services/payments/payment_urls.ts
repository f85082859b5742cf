import type { Locale } from '@comptoir/contracts/commerce'
import type { PaymentUrls } from '@comptoir/contracts/payment_provider'
import { appUrl } from '#config/app'

const base = () => appUrl.replace(/\/$/, '')

/** The address a provider posts its notifications to, one per method. */
export function notificationUrl(providerCode: string): string {
  return `${base()}/payments/${encodeURIComponent(providerCode)}/notifications`
}

/**
 * Where a provider sends the shopper back for this order, in the shopper's
 * language, and where it notifies the shop.
 */
export function paymentUrls(
  orderNumber: string,
  providerCode: string,
  locale: Locale
): PaymentUrls {
  const pages = `${base()}${locale === 'fr' ? '' : `/${locale}`}/checkout/payments/${encodeURIComponent(orderNumber)}`
  return {
    return: `${pages}/return`,
    cancel: `${pages}/cancel`,
    notify: notificationUrl(providerCode),
  }
}
