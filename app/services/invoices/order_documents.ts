import type { DateTime } from 'luxon'
import Invoice from '#models/invoice'
import type Order from '#models/order'
import type { InvoiceKind } from '#domain/invoices'
import type { Locale } from '#support/locale_paths'
import { adminInvoiceUrl, storefrontInvoiceUrl } from '#support/invoice_links'

/** An invoice or credit note as order pages list it. */
export interface OrderDocument {
  id: number
  number: string
  kind: InvoiceKind
  issuedAt: DateTime
  /** Tax included, minor units; what the document charges or credits. */
  totalGross: number
  currency: string
  /** Credit notes: the invoice they correct, and why. */
  invoiceNumber: string | null
  reason: string | null
  /** Where its PDF downloads from. */
  url: string
}

/**
 * The order's invoice and credit notes, in the order they were issued, with
 * their back-office download links (for the admin order page).
 */
export async function orderDocuments(orderId: number): Promise<OrderDocument[]> {
  const documents = await Invoice.query().where('order_id', orderId).orderBy('id')
  return documents.map((invoice) => documentOf(invoice, adminInvoiceUrl(invoice)))
}

/**
 * The same for the shopper's order page, with links a guest holding no
 * session may follow (signed).
 */
export async function storefrontOrderDocuments(
  order: Pick<Order, 'id' | 'number'>,
  locale: Locale
): Promise<OrderDocument[]> {
  const documents = await Invoice.query().where('order_id', order.id).orderBy('id')
  return documents.map((invoice) =>
    documentOf(invoice, storefrontInvoiceUrl(order, invoice, locale))
  )
}

function documentOf(invoice: Invoice, url: string): OrderDocument {
  const { creditNote } = invoice.snapshot
  return {
    id: invoice.id,
    number: invoice.number,
    kind: invoice.kind,
    issuedAt: invoice.issuedAt,
    totalGross: invoice.totalGross,
    currency: invoice.currency,
    invoiceNumber: creditNote?.invoiceNumber ?? null,
    reason: creditNote?.reason ?? null,
    url,
  }
}
