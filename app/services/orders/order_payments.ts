import { inject } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import type { Locale } from '@comptoir/contracts/commerce'
import type { PaymentStart } from '@comptoir/contracts/payment_provider'
import Customer from '#models/customer'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import { isOpenPayment } from '#domain/payment_status'
import OrderException from '#exceptions/order_exception'
import PaymentOptions from '#services/checkout/payment_options'
import CouponService from '#services/coupon_service'
import InvoiceService, { documentYear } from '#services/invoices/invoice_service'
import { prepareDocumentSequence } from '#services/orders/document_numbers'
import OrderTimeline, { type OrderActor } from '#services/orders/order_timeline'
import PaymentLedger from '#services/orders/payment_ledger'
import StockAllocation from '#services/orders/stock_allocation'
import { orderSnapshot } from '#services/orders/order_snapshot'
import { paymentUrls } from '#services/payments/payment_urls'
import { lockForUpdate, lockOrder } from '#support/row_lock'

export type PaidOutcome = 'paid' | 'already_paid'

/**
 * What happens to an order's money: starting a payment with its provider,
 * recording it as received, switching method, and cancelling an unpaid order
 * (its stock and coupon given back). Each operation locks the order row and
 * re-reads its state, so a replay or a concurrent call does nothing twice.
 */
@inject()
export default class OrderPayments {
  constructor(
    protected paymentOptions: PaymentOptions,
    protected ledger: PaymentLedger,
    protected timeline: OrderTimeline,
    protected stock: StockAllocation,
    protected coupons: CouponService,
    protected invoices: InvoiceService
  ) {}

  /**
   * Asks the order's payment provider how the shopper pays. Instructions are
   * kept on the payment (for the confirmation, the tracking page and e-mails)
   * and so is the provider's reference for the attempt; an immediate capture
   * marks the order paid. Null when the provider is gone or failed: the order
   * waits, and the shopper can choose another method.
   */
  async start(order: Order, locale: Locale): Promise<PaymentStart | null> {
    const provider = await this.paymentOptions.provider(order.paymentMethodCode)
    const payment = await this.openPayment(order)
    if (!provider || !payment) return null
    const lines = await OrderLine.query().where('order_id', order.id).orderBy('position')
    const customer = order.customerId ? await Customer.find(order.customerId) : null
    let start: PaymentStart
    try {
      start = await provider.start(
        orderSnapshot(order, lines),
        locale,
        paymentUrls(order.number, provider.code, locale),
        {
          idempotencyKey: `payment-${payment.id}`,
          customer: customer ? { id: customer.id, email: customer.email } : null,
        }
      )
    } catch (error) {
      await this.fail(order, payment.id, `provider:${provider.code}`, String(error))
      return null
    }
    if (start.kind === 'instructions') payment.instructions = start.lines
    if ((start.kind === 'redirect' || start.kind === 'form') && start.reference) {
      payment.reference = start.reference
    }
    await payment.save()
    if (start.kind === 'captured') {
      await this.markPaid(
        order.id,
        { label: `provider:${provider.code}` },
        {
          transactionId: start.transactionId,
        }
      )
    }
    return start
  }

  /**
   * Records the order's open payment as received and the order as paid. A
   * second call (a replayed notification, a double click) changes nothing.
   */
  async markPaid(
    orderId: number,
    actor: OrderActor,
    details: { transactionId?: string; eventId?: string } = {}
  ): Promise<PaidOutcome> {
    await prepareDocumentSequence('FA', documentYear())
    return db.transaction(async (trx) => {
      const order = await lockOrder(trx, orderId)
      if (order.paidAt) return 'already_paid'
      const payment = await this.openPayment(order, trx)
      if (!payment) throw OrderException.noOpenPayment(order.number)
      await this.recordPaid(trx, order, payment, actor, { amount: payment.amount, ...details })
      return 'paid'
    })
  }

  /**
   * The money of an open payment received: the payment captured, the order
   * paid and invoiced, `order:paid` (and its one e-mail) after commit. For a
   * caller holding the order's lock that checked it is unpaid; run
   * `prepareDocumentSequence('FA', …)` before the transaction.
   */
  async recordPaid(
    trx: TransactionClientContract,
    order: Order,
    payment: Payment,
    actor: OrderActor,
    details: { amount: number; transactionId?: string; eventId?: string }
  ) {
    await this.ledger.move(trx, order, payment, 'captured', { actor, ...details })
    order.paidAt = DateTime.now()
    await this.timeline.move(trx, order, 'paid', actor)
    await this.invoices.issueForOrder(trx, order)
    const lines = await OrderLine.query({ client: trx }).where('order_id', order.id)
    trx.after('commit', () => emitter.emit('order:paid', { order: orderSnapshot(order, lines) }))
  }

  /**
   * Moves an unpaid order to another payment method: the open payment is
   * cancelled and a new one opened; the caller then starts it.
   */
  async switchMethod(orderId: number, methodCode: string, label: string, actor: OrderActor) {
    return db.transaction(async (trx) => {
      const order = await lockOrder(trx, orderId)
      if (order.status !== 'pending_payment') throw OrderException.noOpenPayment(order.number)
      const open = await this.openPayment(order, trx)
      if (open) await this.ledger.move(trx, order, open, 'cancelled', { actor })
      order.paymentMethodCode = methodCode
      order.paymentMethodLabel = label
      await this.ledger.open(trx, order, methodCode, actor)
      return order
    })
  }

  /**
   * Cancels an order not yet paid: open payments cancelled, stock put back
   * where it was taken, the coupon use given back. Returns false when the
   * order had already moved on (paid meanwhile, or cancelled).
   */
  async cancelUnpaid(orderId: number, actor: OrderActor, reason: string): Promise<boolean> {
    return db.transaction(async (trx) => {
      const order = await lockOrder(trx, orderId)
      return this.cancelLocked(trx, order, actor, reason)
    })
  }

  /**
   * `cancelUnpaid` for a caller holding the order's lock; the open payment
   * ends `cancelled`, or `failed` when the provider refused it.
   */
  async cancelLocked(
    trx: TransactionClientContract,
    order: Order,
    actor: OrderActor,
    reason: string,
    paymentEnd: 'cancelled' | 'failed' = 'cancelled',
    eventId?: string
  ): Promise<boolean> {
    if (order.status !== 'pending_payment' && order.status !== 'on_hold') return false
    if (order.paidAt) return false
    const open = await this.openPayment(order, trx)
    if (open) await this.ledger.move(trx, order, open, paymentEnd, { actor, eventId })
    await this.stock.releaseOrder(trx, order)
    await this.coupons.release(trx, order.id)
    order.cancelledAt = DateTime.now()
    await this.timeline.move(trx, order, 'cancelled', actor)
    await this.timeline.record(trx, order, { type: 'note', actor, note: reason })
    const lines = await OrderLine.query({ client: trx }).where('order_id', order.id)
    trx.after('commit', () =>
      emitter.emit('order:cancelled', { order: orderSnapshot(order, lines), reason })
    )
    return true
  }

  /** Records that the provider could not start the payment; the order keeps waiting. */
  private async fail(order: Order, paymentId: number, actor: string, reason: string) {
    await db.transaction(async (trx) => {
      const locked = await lockOrder(trx, order.id)
      const payment = await Payment.query({ client: trx }).where('id', paymentId).firstOrFail()
      if (!isOpenPayment(payment.status)) return
      await this.ledger.move(trx, locked, payment, 'failed', { actor: { label: actor } })
      await this.timeline.record(trx, locked, {
        type: 'payment',
        actor: { label: actor },
        note: reason,
      })
    })
  }

  /** The payment still waiting for money, locked when read in a transaction. */
  async openPayment(order: Order, trx?: TransactionClientContract) {
    const query = Payment.query(trx ? { client: trx } : {})
      .where('order_id', order.id)
      .whereIn('status', ['pending', 'authorized'])
      .orderBy('id', 'desc')
    return (trx ? lockForUpdate(query, trx) : query).first()
  }
}
