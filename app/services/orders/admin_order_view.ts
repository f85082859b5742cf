import { inject } from '@adonisjs/core'
import { isOpenPayment } from '#domain/payment_status'
import { orderActions, resendableEmails } from '#domain/order_actions'
import Customer from '#models/customer'
import LegalDocumentVersion from '#models/legal_document_version'
import Order from '#models/order'
import OrderEvent from '#models/order_event'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import Shipment from '#models/shipment'
import ShipmentService from '#services/orders/shipment_service'
import { orderDocuments } from '#services/invoices/order_documents'

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
  constructor(protected shipments: ShipmentService) {}

  async load(orderId: number) {
    const order = await Order.findOrFail(orderId)
    const [lines, events, payments, shipments, remaining, terms, customer, documents] =
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
      ])
    const open = payments.find((payment) => isOpenPayment(payment.status)) ?? null
    const unitsLeft = [...remaining.values()].reduce((sum, left) => sum + left, 0)
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
      }),
    }
  }
}

export type AdminOrderPage = Awaited<ReturnType<AdminOrderView['load']>>
