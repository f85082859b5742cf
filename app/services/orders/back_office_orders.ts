import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { timeZone } from '#config/app'
import {
  deliveryDateProblem,
  isOfflinePayment,
  resendableEmails,
  type ResendableEmail,
} from '#domain/order_actions'
import SendOrderEmail from '#jobs/send_order_email'
import OrderException from '#exceptions/order_exception'
import Order from '#models/order'
import Payment from '#models/payment'
import Refund from '#models/refund'
import Shipment from '#models/shipment'
import OrderPayments from '#services/orders/order_payments'
import OrderRefunds, {
  type RefundOutcome,
  type RefundRequest,
} from '#services/orders/order_refunds'
import OrderTimeline, { type OrderActor } from '#services/orders/order_timeline'
import ShipmentService, { type ParcelInput } from '#services/orders/shipment_service'
import PaymentCapture from '#services/payments/payment_capture'

/**
 * Why the back office did not do what was asked: an OrderException code from
 * the order services (E_ORDER_NOT_SHIPPABLE…) or one of its own checks
 * (not_offline, already_paid, not_cancellable, already_delivered,
 * delivery_future, delivery_before_shipment, email_not_applicable, and the
 * capture refusals of PaymentCapture). Each has
 * a translation under admin_orders.refusals.
 */
export type OrderRefusal = string

export type OrderActionOutcome =
  { kind: 'done' } | { kind: 'refused'; reason: OrderRefusal; detail?: string }

export interface MassShipReport {
  readonly shipped: string[]
  readonly failed: { number: string; reason: OrderRefusal }[]
}

const DONE: OrderActionOutcome = { kind: 'done' }

/**
 * What staff do to orders from the back office, each write through the order
 * services (OrderPayments, ShipmentService, OrderTimeline), which lock the order
 * and check its state again. A refusal is an answer, not a crash: the page
 * says why in the merchant's language.
 */
@inject()
export default class BackOfficeOrders {
  constructor(
    protected payments: OrderPayments,
    protected refunds: OrderRefunds,
    protected shipments: ShipmentService,
    protected timeline: OrderTimeline,
    protected captures: PaymentCapture
  ) {}

  /** Money received outside the shop: a bank transfer arrived, paid at the counter. */
  async markPaid(orderId: number, actor: OrderActor): Promise<OrderActionOutcome> {
    const order = await Order.findOrFail(orderId)
    if (order.paidAt) return { kind: 'refused', reason: 'already_paid' }
    const open = await Payment.query()
      .where('order_id', order.id)
      .whereIn('status', ['pending', 'authorized'])
      .orderBy('id', 'desc')
      .first()
    const offline = isOfflinePayment(
      open ? { status: open.status, hasInstructions: open.instructions !== null } : null
    )
    if (!offline) return { kind: 'refused', reason: 'not_offline' }
    return this.refusing(async () => {
      const outcome = await this.payments.markPaid(order.id, actor)
      return outcome === 'paid' ? DONE : { kind: 'refused', reason: 'already_paid' }
    })
  }

  /** The money of an authorized card payment taken (manual capture). */
  async capture(orderId: number, actor: OrderActor): Promise<OrderActionOutcome> {
    const result = await this.captures.capture(orderId, actor)
    if (result.kind === 'refused') return result
    if (result.outcome === 'paid') return DONE
    return { kind: 'refused', reason: result.outcome === 'held' ? 'capture_held' : 'already_paid' }
  }

  /** An unpaid order given up: its stock and coupon go back (OrderPayments.cancelUnpaid). */
  async cancel(orderId: number, reason: string, actor: OrderActor): Promise<OrderActionOutcome> {
    const order = await Order.findOrFail(orderId)
    return this.refusing(async () =>
      (await this.payments.cancelUnpaid(order.id, actor, reason))
        ? DONE
        : { kind: 'refused', reason: 'not_cancellable' }
    )
  }

  /** Money given back with its credit note (OrderRefunds.refund). */
  async refund(
    orderId: number,
    request: RefundRequest,
    actor: OrderActor
  ): Promise<OrderActionOutcome> {
    return this.refunded(await this.refunds.refund(orderId, request, actor))
  }

  /** A paid order nothing of which shipped, cancelled and refunded in full. */
  async cancelPaid(
    orderId: number,
    request: Omit<RefundRequest, 'credit'>,
    actor: OrderActor
  ): Promise<OrderActionOutcome> {
    return this.refunded(await this.refunds.cancelPaid(orderId, request, actor))
  }

  /** Asks the provider again about a refund left pending (a crash, a timeout). */
  async settleRefund(orderId: number, refundId: number): Promise<OrderActionOutcome> {
    const refund = await Refund.query()
      .where('id', refundId)
      .where('order_id', orderId)
      .firstOrFail()
    return this.refunded(await this.refunds.settle(refund.id))
  }

  async ship(orderId: number, parcel: ParcelInput, actor: OrderActor): Promise<OrderActionOutcome> {
    const order = await Order.findOrFail(orderId)
    return this.refusing(async () => {
      await this.shipments.ship(order.id, parcel, actor)
      return DONE
    })
  }

  /**
   * A parcel reached the customer on a Paris calendar day, not after today
   * nor before it left. It is stored at noon that day (or now, today before
   * noon), so every time zone shows the same day.
   */
  async markDelivered(
    orderId: number,
    shipmentId: number,
    deliveredOn: string,
    actor: OrderActor
  ): Promise<OrderActionOutcome> {
    const shipment = await Shipment.query()
      .where('id', shipmentId)
      .where('order_id', orderId)
      .firstOrFail()
    if (shipment.deliveredAt) return { kind: 'refused', reason: 'already_delivered' }
    const now = DateTime.now().setZone(timeZone)
    const problem = deliveryDateProblem(
      deliveredOn,
      shipment.shippedAt.setZone(timeZone).toISODate()!,
      now.toISODate()!
    )
    if (problem) return { kind: 'refused', reason: `delivery_${problem}` }
    const noon = DateTime.fromISO(deliveredOn, { zone: timeZone }).set({ hour: 12 })
    return this.refusing(async () => {
      await this.shipments.markDelivered(shipment.id, noon < now ? noon : now, actor)
      return DONE
    })
  }

  /**
   * Queues one of the order's e-mails again (SendOrderEmail, which writes it
   * on the timeline once sent). Shipping and delivery e-mails are about the
   * latest parcel that left, or arrived.
   */
  async resendEmail(orderId: number, kind: ResendableEmail): Promise<OrderActionOutcome> {
    const order = await Order.findOrFail(orderId)
    const shipments = await Shipment.query().where('order_id', order.id).orderBy('id', 'desc')
    const delivered = shipments.find((shipment) => shipment.deliveredAt !== null)
    const allowed = resendableEmails({
      paid: order.paidAt !== null,
      shipped: shipments.length > 0,
      delivered: delivered !== undefined,
    })
    if (!allowed.includes(kind)) return { kind: 'refused', reason: 'email_not_applicable' }
    const shipmentId =
      kind === 'order_shipped' ? shipments[0].id : kind === 'order_delivered' ? delivered!.id : null
    await SendOrderEmail.queue({ kind, orderId: order.id, ...(shipmentId ? { shipmentId } : {}) })
    return DONE
  }

  /** A staff-only note on the order's timeline. */
  async addNote(orderId: number, note: string, actor: OrderActor) {
    await db.transaction(async (trx) => {
      const order = await Order.findOrFail(orderId, { client: trx })
      await this.timeline.record(trx, order, { type: 'note', actor, note })
    })
  }

  /**
   * Ships each order whole, in one parcel holding every unit left, and says
   * for each one that could not ship why not. Orders are shipped one at a
   * time: one refusal does not hold back the others.
   */
  async shipEverythingLeft(
    orderIds: readonly number[],
    parcel: Omit<ParcelInput, 'lines'>,
    actor: OrderActor
  ): Promise<MassShipReport> {
    const orders = await Order.query()
      .whereIn('id', [...orderIds])
      .orderBy('number')
      .select('id', 'number')
    const report: MassShipReport = { shipped: [], failed: [] }
    for (const order of orders) {
      const remaining = await this.shipments.remaining(order.id)
      const lines = [...remaining].map(([orderLineId, quantity]) => ({ orderLineId, quantity }))
      const outcome = await this.refusing(async () => {
        await this.shipments.ship(order.id, { ...parcel, lines }, actor)
        return DONE
      })
      if (outcome.kind === 'done') report.shipped.push(order.number)
      else report.failed.push({ number: order.number, reason: outcome.reason })
    }
    return report
  }

  private refunded(outcome: RefundOutcome): OrderActionOutcome {
    return outcome.kind === 'refunded' ? DONE : outcome
  }

  private async refusing(action: () => Promise<OrderActionOutcome>): Promise<OrderActionOutcome> {
    try {
      return await action()
    } catch (error) {
      if (error instanceof OrderException && error.code) {
        return { kind: 'refused', reason: error.code }
      }
      throw error
    }
  }
}
