import { randomUUID } from 'node:crypto'
import { inject } from '@adonisjs/core'
import { isOpenPayment } from '#domain/payment_status'
import { orderActions, resendableEmails } from '#domain/order_actions'
import { refundableAmount } from '#domain/refunds'
import Customer from '#models/customer'
import LegalDocumentVersion from '#models/legal_document_version'
import Order from '#models/order'
import OrderEvent from '#models/order_event'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import Refund from '#models/refund'
import Shipment from '#models/shipment'
import ShipmentService from '#services/orders/shipment_service'
import OrderRefunds from '#services/orders/order_refunds'
import InvoiceService from '#services/invoices/invoice_service'
import { orderDocuments } from '#services/invoices/order_documents'
import Invoice from '#models/invoice'

/** A tracking URL is typed by staff or set by a plugin: only a web address becomes a link. */
function webLink(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null
}

/**
 * Everything the back-office order page shows: the order as placed, its
 * lines with what is left to ship, the timeline newest first, every payment
 * with its transitions, the parcels, the invoices and credit notes, the CGV
 * version accepted, and the actions its state allows.
 */
@inject()
export default class AdminOrderView {
  constructor(
    protected shipments: ShipmentService,
    protected invoices: InvoiceService,
    protected refundsService: OrderRefunds
  ) {}

  async load(orderId: number) {
    const order = await Order.findOrFail(orderId)
    const [lines, events, payments, shipments, remaining, terms, customer, documents, refunds] =
      await Promise.all([
        OrderLine.query().where('order_id', order.id).orderBy('position'),
        OrderEvent.query()
          .where('order_id', order.id)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc'),
        Payment.query()
          .where('order_id', order.id)
          .orderBy('id', 'desc')
          .preload('transitions', (query) => query.orderBy('created_at').orderBy('id')),
        Shipment.query()
          .where('order_id', order.id)
          .orderBy('shipped_at')
          .orderBy('id')
          .preload('lines'),
        this.shipments.remaining(order.id),
        LegalDocumentVersion.find(order.termsVersionId),
        order.customerId ? Customer.find(order.customerId) : null,
        orderDocuments(order.id),
        Refund.query().where('order_id', order.id).orderBy('id', 'desc'),
      ])
    const open = payments.find((payment) => isOpenPayment(payment.status)) ?? null
    const captured =
      payments.find((payment) => ['captured', 'partially_refunded'].includes(payment.status)) ??
      null
    const unitsLeft = [...remaining.values()].reduce((sum, left) => sum + left, 0)
    const refundModes = captured ? await this.refundsService.modesFor(captured) : []
    const invoice = captured
      ? await Invoice.query().where('order_id', order.id).where('kind', 'invoice').first()
      : null
    const creditable = invoice ? await this.invoices.creditable(invoice) : null
    return {
      order,
      lines,
      /** Units not shipped yet, by order line id. */
      remaining: Object.fromEntries(remaining) as Record<number, number>,
      unitsLeft,
      linesById: Object.fromEntries(lines.map((line) => [line.id, line])) as Record<
        number,
        OrderLine
      >,
      events,
      payments,
      shipments,
      /** Tracking links to follow, by shipment id: web addresses only. */
      trackingLinks: Object.fromEntries(
        shipments.map((shipment) => [shipment.id, webLink(shipment.trackingUrl)])
      ) as Record<number, string | null>,
      terms,
      customer,
      /** Invoices and credit notes (the invoicing service's), with their PDF links. */
      documents,
      refunds,
      /** Name each refund form of this page view: a form sent twice refunds once. */
      refundRequestKeys: { refund: randomUUID(), cancelPaid: randomUUID() },
      /** Money that can still be given back. */
      refundable: captured ? refundableAmount(captured) : 0,
      /** Units of each line and delivery no credit note took back yet: what a refund may take. */
      refundableUnits: Object.fromEntries(creditable?.quantities ?? []) as Record<number, number>,
      refundableShipping: [...(creditable?.shipping.values() ?? [])].reduce((a, b) => a + b, 0),
      emails: resendableEmails({
        paid: order.paidAt !== null,
        shipped: shipments.length > 0,
        delivered: shipments.some((shipment) => shipment.deliveredAt !== null),
      }),
      actions: orderActions({
        status: order.status,
        paid: order.paidAt !== null,
        openPayment: open
          ? { status: open.status, hasInstructions: open.instructions !== null }
          : null,
        unitsLeft,
        shipped: shipments.length > 0,
        refund: captured
          ? {
              amount: refundableAmount(captured),
              modes: refundModes,
              pending: refunds.some((refund) => refund.status === 'pending'),
            }
          : null,
      }),
    }
  }
}

export type AdminOrderPage = Awaited<ReturnType<AdminOrderView['load']>>
