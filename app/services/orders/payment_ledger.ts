import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Payment from '#models/payment'
import PaymentTransition from '#models/payment_transition'
import type Order from '#models/order'
import { canMovePayment, type PaymentStatus } from '#domain/payment_status'
import OrderException from '#exceptions/order_exception'
import type { OrderActor } from '#services/orders/order_timeline'

/**
 * The payment state machine's only writer: opens payments and moves them,
 * recording every transition with who or which event, when and how much.
 * The order's own payment status mirrors its latest payment.
 */
export default class PaymentLedger {
  async open(trx: TransactionClientContract, order: Order, methodCode: string, actor: OrderActor) {
    const payment = await Payment.create(
      {
        orderId: order.id,
        methodCode,
        status: 'pending',
        amount: order.total,
        refundedAmount: 0,
        currency: order.currency,
      },
      { client: trx }
    )
    await this.recordTransition(trx, payment, null, 'pending', { actor })
    await this.mirror(trx, order, 'pending')
    return payment
  }

  async move(
    trx: TransactionClientContract,
    order: Order,
    payment: Payment,
    to: PaymentStatus,
    details: { actor: OrderActor; amount?: number; eventId?: string; transactionId?: string }
  ) {
    const from = payment.status
    if (!canMovePayment(from, to))
      throw OrderException.invalidPaymentTransition(payment.id, from, to)
    payment.useTransaction(trx)
    payment.status = to
    if (details.transactionId) payment.transactionId = details.transactionId
    await payment.save()
    await this.recordTransition(trx, payment, from, to, details)
    await this.mirror(trx, order, to)
  }

  private async recordTransition(
    trx: TransactionClientContract,
    payment: Payment,
    from: PaymentStatus | null,
    to: PaymentStatus,
    details: { actor: OrderActor; amount?: number; eventId?: string }
  ) {
    await PaymentTransition.create(
      {
        paymentId: payment.id,
        fromStatus: from,
        toStatus: to,
        amount: details.amount ?? null,
        actor: details.actor.label,
        eventId: details.eventId ?? null,
      },
      { client: trx }
    )
  }

  private async mirror(trx: TransactionClientContract, order: Order, status: PaymentStatus) {
    order.useTransaction(trx)
    order.paymentStatus = status
    await order.save()
  }
}
