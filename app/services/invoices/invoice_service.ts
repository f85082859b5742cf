import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import i18nManager from '@adonisjs/i18n/services/main'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import Invoice from '#models/invoice'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import SettingsService from '#services/settings_service'
import {
  creditBalance,
  invoiceAmounts,
  requestedCredit,
  type CreditBalance,
  type CreditOutcome,
  type CreditRequest,
  type DocumentAmounts,
  type InvoiceKind,
  type InvoiceRecord,
} from '#domain/invoices'
import InvoiceException from '#exceptions/invoice_exception'
import { renderInvoicePdf } from '#services/invoices/invoice_pdf'
import { nextDocumentNumber, type DocumentSeries } from '#services/orders/document_numbers'
import OrderTimeline, { SYSTEM, type OrderActor } from '#services/orders/order_timeline'
import { sameAddress } from '#support/postal_address'
import { lockOrder } from '#support/row_lock'
import { readStoredPdf, sha256Hex, storePdf } from '#support/stored_pdfs'

export interface CreditNoteRequest extends CreditRequest {
  /** Printed on the credit note. */
  readonly reason: string
  readonly actor?: OrderActor
}

/**
 * The calendar year (Paris) a document issued now is numbered in. Callers
 * prepare its series with it before opening their transaction:
 * `prepareDocumentSequence('FA', documentYear())`.
 */
export function documentYear(at: DateTime = DateTime.now()): number {
  return at.setZone(SHOP_TIME_ZONE).year
}

/**
 * Invoices and credit notes (LEGAL.md I-01 to I-04). An invoice is issued in
 * the transaction that records an order as paid; credit notes in the
 * transaction of the refund or cancellation they document. Both are numbered
 * in their own gapless yearly series, frozen with everything they print, and
 * never changed afterwards: their PDF is rendered from that frozen record,
 * stored once with its SHA-256 and checked on every read.
 */
@inject()
export default class InvoiceService {
  constructor(
    protected timeline: OrderTimeline,
    protected settings: SettingsService
  ) {}

  /**
   * The order's invoice, issued now inside the caller's transaction (the
   * FA series of this year must be prepared first). Calling it again for the
   * same order returns the invoice already issued. Refuses, with the reason,
   * when the order is not paid or the seller's legal identity is missing.
   */
  async issueForOrder(trx: TransactionClientContract, order: Order): Promise<Invoice> {
    const locked = await lockOrder(trx, order.id)
    const existing = await Invoice.query({ client: trx })
      .where('order_id', locked.id)
      .where('kind', 'invoice')
      .first()
    if (existing) return existing
    if (!locked.paidAt) throw InvoiceException.orderNotPaid(locked.number)
    const seller = await this.settings.sellerIdentity(trx)
    if (!seller) throw InvoiceException.sellerIdentityMissing(locked.number)

    const i18n = i18nManager.locale(locked.locale)
    const lines = await OrderLine.query({ client: trx })
      .where('order_id', locked.id)
      .orderBy('position')
    const amounts = invoiceAmounts(
      lines.map((line) => ({
        orderLineId: line.id,
        designation: line.optionsLabel ? `${line.name} — ${line.optionsLabel}` : line.name,
        sku: line.sku,
        quantity: line.quantity,
        unitPrice: line.unitPrice,
        discount: line.discount,
        vatRate: line.vatRate,
      })),
      {
        designation: i18n.t('invoices.lines.shipping', { method: locked.shippingMethodLabel }),
        amount: locked.shippingTotal,
      }
    )
    if (amounts.totals.gross !== locked.total) {
      throw InvoiceException.totalsMismatch(locked.number, amounts.totals.gross, locked.total)
    }

    const delivery = locked.shippingAddress
    return this.issue(trx, locked, 'FA', {
      kind: 'invoice',
      invoiceId: null,
      record: {
        ...amounts,
        seller,
        buyer: { email: locked.email, address: locked.billingAddress },
        deliveryAddress:
          delivery && !sameAddress(delivery, locked.billingAddress) ? delivery : null,
        orderNumber: locked.number,
        saleDate: locked.placedAt.setZone(SHOP_TIME_ZONE).toISODate()!,
        paymentMethod: locked.paymentMethodLabel,
        paidAt: locked.paidAt.toUTC().toISO()!,
        creditNote: null,
      },
      note: 'invoice {number} issued',
      actor: SYSTEM,
    })
  }

  /**
   * A credit note against an invoice, issued inside the caller's transaction
   * (the AV series of this year must be prepared first): units of order
   * lines, the delivery, an amount, or the whole balance, never more than the
   * invoice still has un-credited (I-04).
   */
  async issueCreditNote(
    trx: TransactionClientContract,
    invoice: Invoice,
    request: CreditNoteRequest
  ): Promise<Invoice> {
    const order = await lockOrder(trx, invoice.orderId)
    const outcome = await this.creditOutcome(trx, invoice, request)
    if (outcome.kind === 'refused') {
      throw InvoiceException.creditRefused(invoice.number, outcome.reason)
    }
    return this.issueCredit(trx, order, invoice, outcome.amounts, request)
  }

  /**
   * What a credit note for this request would take back, or why none can be
   * issued, as of the caller's transaction; nothing is written.
   */
  async creditOutcome(
    trx: TransactionClientContract,
    invoice: Invoice,
    request: CreditRequest
  ): Promise<CreditOutcome> {
    if (invoice.kind !== 'invoice') throw InvoiceException.notACreditableInvoice(invoice.number)
    return requestedCredit(
      invoice.snapshot,
      await this.creditsOf(invoice, trx),
      request,
      this.creditLabels(invoice)
    )
  }

  /** What the invoice still has that credit notes may take back. */
  async creditable(invoice: Invoice): Promise<CreditBalance> {
    return creditBalance(invoice.snapshot, await this.creditsOf(invoice))
  }

  /**
   * The document's PDF, byte for byte as first stored: read back and checked
   * against its SHA-256; rendered from its frozen record and stored the first
   * time, should that not have happened after issue.
   */
  async pdf(invoice: Invoice): Promise<Buffer> {
    const stored = await this.storedPdf(invoice)
    if (stored.key) return this.readPdf(invoice, stored.key, stored.sha256)

    const bytes = await this.renderPdf(invoice)
    const { key, sha256 } = await storePdf(
      `invoices/${invoice.issuedAt.setZone(SHOP_TIME_ZONE).year}/${invoice.number}`,
      bytes,
      { private: true }
    )
    // The one write after issue: where the PDF is, recorded once.
    const recorded = await db
      .from('invoices')
      .where('id', invoice.id)
      .whereNull('pdf_key')
      .update({ pdf_key: key, pdf_checksum: sha256 })
    if (Number(recorded) === 1) return bytes
    // Stored meanwhile by another request: that one is the PDF.
    const winner = await this.storedPdf(invoice)
    return this.readPdf(invoice, winner.key ?? key, winner.sha256 ?? sha256)
  }

  /** The PDF as the document's data gives it, without storing it. */
  renderPdf(invoice: Invoice): Promise<Buffer> {
    return renderInvoicePdf({
      number: invoice.number,
      kind: invoice.kind,
      issuedAt: invoice.issuedAt.toJSDate(),
      currency: invoice.currency,
      record: invoice.snapshot,
      i18n: i18nManager.locale(invoice.locale),
    })
  }

  private async storedPdf(invoice: Invoice): Promise<{ key: string | null; sha256: string }> {
    const row = await db
      .from('invoices')
      .where('id', invoice.id)
      .select('pdf_key', 'pdf_checksum')
      .firstOrFail()
    return { key: row.pdf_key, sha256: row.pdf_checksum }
  }

  private async readPdf(invoice: Invoice, key: string, sha256: string) {
    const bytes = await readStoredPdf(key)
    if (!bytes || sha256Hex(bytes) !== sha256)
      throw InvoiceException.pdfAltered(invoice.number, key)
    return bytes
  }

  private async issueCredit(
    trx: TransactionClientContract,
    order: Order,
    invoice: Invoice,
    amounts: DocumentAmounts,
    request: { reason: string; actor?: OrderActor }
  ) {
    const seller = await this.settings.sellerIdentity(trx)
    if (!seller) throw InvoiceException.sellerIdentityMissing(order.number)
    return this.issue(trx, order, 'AV', {
      kind: 'credit_note',
      invoiceId: invoice.id,
      record: {
        // The buyer, addresses and sale as invoiced; the seller as of today.
        ...invoice.snapshot,
        ...amounts,
        seller,
        paidAt: null,
        creditNote: {
          invoiceNumber: invoice.number,
          invoiceIssuedAt: invoice.issuedAt.toUTC().toISO()!,
          reason: request.reason,
        },
      },
      note: `credit note {number} issued for invoice ${invoice.number}: ${request.reason}`,
      actor: request.actor ?? SYSTEM,
    })
  }

  /**
   * Numbers and writes a document. The number is taken under the series'
   * lock and the issue time read after it, so numbers follow issue times; a
   * rolled-back transaction gives its number back.
   */
  private async issue(
    trx: TransactionClientContract,
    order: Order,
    series: DocumentSeries,
    document: {
      kind: InvoiceKind
      invoiceId: number | null
      record: InvoiceRecord
      note: string
      actor: OrderActor
    }
  ) {
    const year = documentYear()
    const prepared = await trx.from('document_sequences').where({ series, year }).first()
    if (!prepared) throw InvoiceException.sequenceNotPrepared(series, year)
    const number = await nextDocumentNumber(trx, series, year)
    const invoice = await Invoice.create(
      {
        number,
        kind: document.kind,
        orderId: order.id,
        invoiceId: document.invoiceId,
        currency: order.currency,
        locale: order.locale,
        issuedAt: issueInstant(year),
        totalNet: document.record.totals.net,
        totalVat: document.record.totals.vat,
        totalGross: document.record.totals.gross,
        snapshot: document.record,
        pdfKey: null,
        pdfChecksum: null,
      },
      { client: trx }
    )
    await this.timeline.record(trx, order, {
      type: 'note',
      actor: document.actor,
      note: document.note.replace('{number}', number),
    })
    trx.after('commit', () => {
      this.pdf(invoice).catch((error) =>
        logger.error({ err: error, number }, 'invoice PDF not stored; it will be on first download')
      )
    })
    return invoice
  }

  private creditLabels(invoice: Invoice) {
    const i18n = i18nManager.locale(invoice.locale)
    return {
      adjustment: i18n.t('invoices.lines.adjustment', { invoice: invoice.number }),
      balance: i18n.t('invoices.lines.balance', { invoice: invoice.number }),
    }
  }

  private async creditsOf(invoice: Invoice, trx?: TransactionClientContract) {
    const credits = await Invoice.query(trx ? { client: trx } : {})
      .where('invoice_id', invoice.id)
      .orderBy('id')
    return credits.map((credit) => credit.snapshot)
  }
}

/**
 * Now, to the second (as both databases store it, so a PDF rendered later
 * from the row is the same), kept within the series' year at midnight on
 * New Year's Eve.
 */
function issueInstant(year: number): DateTime {
  const now = DateTime.now().startOf('second')
  const endOfYear = DateTime.fromObject({ year }, { zone: SHOP_TIME_ZONE }).endOf('year')
  return now > endOfYear ? endOfYear.startOf('second').toUTC() : now.toUTC()
}
