import type { PaymentAttempt } from '@comptoir/contracts/payment_provider'
import Order from '#models/order'
import OrderLine from '#models/order_line'
import type Payment from '#models/payment'
import { orderSnapshot } from '#services/orders/order_snapshot'

/** A recorded payment as its provider sees it on follow-up calls (return, capture, refund). */
export async function paymentAttempt(payment: Payment, order?: Order): Promise<PaymentAttempt> {
  const owner = order ?? (await Order.findOrFail(payment.orderId))
  const lines = await OrderLine.query().where('order_id', owner.id).orderBy('position')
  return {
    order: orderSnapshot(owner, lines),
    reference: payment.reference,
    transactionId: payment.transactionId,
  }
}
