import type { HttpContext } from '@adonisjs/core/http'
import { signedUrlFor, urlFor } from '@adonisjs/core/services/url_builder'
import type Invoice from '#models/invoice'
import type Order from '#models/order'
import type { Locale } from '#support/locale_paths'
// A guest reading the order from the tracking link downloads its invoices
// through links signed for the same purpose, which canAccessOrder accepts.
import { ORDER_TRACKING_PURPOSE } from '#support/order_access'

/** The shopper's link to a document of their order: signed, it never expires. */
export function storefrontInvoiceUrl(
  order: Pick<Order, 'number'>,
  invoice: Pick<Invoice, 'number'>,
  locale: Locale
): string {
  const params = { number: order.number, invoiceNumber: invoice.number }
  const options = { purpose: ORDER_TRACKING_PURPOSE }
  return locale === 'en'
    ? signedUrlFor('en.orders.invoices.pdf', params, options)
    : signedUrlFor('fr.orders.invoices.pdf', params, options)
}

/** The back office's link to a document (permission orders.view). */
export function adminInvoiceUrl(invoice: Pick<Invoice, 'id' | 'orderId'>): string {
  return urlFor('admin.orders.invoices.pdf', { id: invoice.orderId, invoiceId: invoice.id })
}

/**
 * A document's PDF as stored. It holds personal data: browsers and proxies
 * keep no copy.
 */
export function sendInvoicePdf(response: HttpContext['response'], invoice: Invoice, bytes: Buffer) {
  response.header('content-type', 'application/pdf')
  response.header('content-disposition', `inline; filename="${invoice.number}.pdf"`)
  response.header('cache-control', 'private, no-store')
  return response.send(bytes)
}
