import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import type { CaptureResult } from '@comptoir/contracts/payment_provider'
import Order from '#models/order'
import Payment from '#models/payment'
import PaymentOptions from '#services/checkout/payment_options'
import type { OrderActor } from '#services/orders/order_timeline'
import { paymentAttempt } from '#services/payments/payment_attempt'
import PaymentCompletion, { type CompletionOutcome } from '#services/payments/payment_completion'

export type CaptureOutcome =
  | { kind: 'captured'; outcome: CompletionOutcome }
  | {
      kind: 'refused'
      reason: 'not_authorized' | 'capture_unsupported' | 'capture_failed' | 'capture_unavailable'
      detail?: string
    }

/**
 * Takes the money of a card payment the shopper authorized (manual capture):
 * the provider captures under a key of this payment, so a double click or a
 * retry captures once, and its answer goes through the one completion path
 * like any notification (amount checked, order paid and invoiced once).
 */
@inject()
export default class PaymentCapture {
  constructor(
    protected paymentOptions: PaymentOptions,
    protected completion: PaymentCompletion
  ) {}

  async capture(orderId: number, actor: OrderActor): Promise<CaptureOutcome> {
    const order = await Order.findOrFail(orderId)
    const payment = await Payment.query()
      .where('order_id', order.id)
      .where('status', 'authorized')
      .orderBy('id', 'desc')
      .first()
    if (!payment) return { kind: 'refused', reason: 'not_authorized' }
    const provider = await this.paymentOptions.provider(payment.methodCode)
    if (!provider) return { kind: 'refused', reason: 'capture_unavailable' }
    let result: CaptureResult
    try {
      result = await provider.capture(
        await paymentAttempt(payment, order),
        { amount: payment.amount, currency: payment.currency },
        `capture-${payment.id}`
      )
    } catch (error) {
      logger.error({ err: error, order: order.number }, 'payment provider failed to capture')
      result = { kind: 'failed', reason: error instanceof Error ? error.message : String(error) }
    }
    if (result.kind === 'unsupported') return { kind: 'refused', reason: 'capture_unsupported' }
    if (result.kind === 'failed') {
      return { kind: 'refused', reason: 'capture_failed', detail: result.reason }
    }
    const outcome = await this.completion.apply(
      provider.code,
      {
        kind: 'captured',
        orderReference: order.number,
        eventId: null,
        transactionId: result.transactionId,
        amount: result.amount,
      },
      actor
    )
    return { kind: 'captured', outcome }
  }
}
