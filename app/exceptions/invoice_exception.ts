import { Exception } from '@adonisjs/core/exceptions'
import type { CreditRefusal } from '#domain/invoices'
import type { DocumentSeries } from '#services/orders/document_numbers'

/**
 * Refusals of the invoicing services, with stable codes. Invoices are legal
 * documents: when one cannot be issued as the law wants it, nothing is issued
 * and the message says what to fix.
 */
export default class InvoiceException extends Exception {
  static status = 409

  /** I-02: no invoice without the seller's name, address, SIREN and VAT number. */
  static sellerIdentityMissing(orderNumber: string) {
    return new InvoiceException(
      `Cannot invoice order ${orderNumber}: the seller's legal identity (name, address, SIREN, ` +
        `VAT number) is not filled in. Fill in Settings › Legal identity, then record the payment again.`,
      { code: 'E_INVOICE_SELLER_IDENTITY_MISSING' }
    )
  }

  static orderNotPaid(orderNumber: string) {
    return new InvoiceException(`Order ${orderNumber} is not paid: it has no invoice yet`, {
      code: 'E_INVOICE_ORDER_NOT_PAID',
    })
  }

  /**
   * The order's lines no longer add up to what it charged: an invoice would
   * not say what the shopper paid.
   */
  static totalsMismatch(orderNumber: string, invoiced: number, charged: number) {
    return new InvoiceException(
      `Order ${orderNumber}: its lines and delivery add up to ${invoiced}, not the ${charged} charged`,
      { code: 'E_INVOICE_TOTALS_MISMATCH', status: 500 }
    )
  }

  /** prepareDocumentSequence(series, year) must run before the transaction opens. */
  static sequenceNotPrepared(series: DocumentSeries, year: number) {
    return new InvoiceException(
      `The ${series} numbering of ${year} is not prepared: call prepareDocumentSequence first`,
      { code: 'E_INVOICE_SEQUENCE_NOT_PREPARED', status: 500 }
    )
  }

  static immutable(number: string) {
    return new InvoiceException(
      `${number} is issued: it cannot be changed or deleted, issue a credit note instead`,
      { code: 'E_INVOICE_IMMUTABLE', status: 500 }
    )
  }

  static notACreditableInvoice(number: string) {
    return new InvoiceException(`${number} is not an invoice: only invoices can be credited`, {
      code: 'E_INVOICE_NOT_CREDITABLE',
    })
  }

  /** What was asked is more than the invoice still has, or nothing at all. */
  static creditRefused(number: string, reason: CreditRefusal) {
    return new InvoiceException(`Cannot credit invoice ${number}: ${reason.replace(/_/g, ' ')}`, {
      code: `E_CREDIT_NOTE_${reason.toUpperCase()}`,
      status: 422,
    })
  }

  /** A stored PDF is gone or its bytes no longer match the SHA-256 recorded at issue. */
  static pdfAltered(number: string, key: string) {
    return new InvoiceException(
      `The stored PDF of ${number} ("${key}") is missing or was altered`,
      {
        code: 'E_INVOICE_PDF_ALTERED',
        status: 500,
      }
    )
  }

  /** Unknown, or not the requester's: both look the same from outside. */
  static notFound() {
    return new InvoiceException('Invoice not found', { code: 'E_INVOICE_NOT_FOUND', status: 404 })
  }
}
