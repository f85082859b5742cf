import { inject } from '@adonisjs/core'
import logger from '@adonisjs/core/services/logger'
import { DateTime } from 'luxon'
import Order from '#models/order'
import PaymentOptions from '#services/checkout/payment_options'
import OrderPayments from '#services/orders/order_payments'
import { SYSTEM } from '#services/orders/order_timeline'
import { paymentAttempt } from '#services/payments/payment_attempt'
import PaymentCompletion from '#services/payments/payment_completion'
import { sqlTimestamp } from '#support/sql_timestamp'

const WINDOW_ENDED = 'payment window ended'

/**
 * Ends the orders still unpaid when their payment method's window closes (a
 * bank transfer that never came, a card page left open), which puts their
 * stock back on sale.
 */
@inject()
export default class PaymentWindow {
  constructor(
    protected payments: OrderPayments,
    protected paymentOptions: PaymentOptions,
    protected completion: PaymentCompletion
  ) {}

  /**
   * Cancels every order whose window has ended unpaid; returns the numbers of
   * those cancelled. A payment started at a provider (it has a reference) is
   * closed there first through the completion path: a card paid in the last
   * second is paid, not cancelled. A provider that cannot answer now leaves
   * its order for the next run. An authorized payment no longer waits for the
   * shopper (the merchant captures it) and is left alone.
   */
  async cancelOverdue(now = DateTime.now()): Promise<string[]> {
    const overdue = await Order.query()
      .where('status', 'pending_payment')
      .whereNot('payment_status', 'authorized')
      .whereNotNull('payment_due_at')
      .where('payment_due_at', '<', sqlTimestamp(now))
    const cancelled: string[] = []
    for (const order of overdue) {
      if (await this.close(order)) cancelled.push(order.number)
    }
    return cancelled
  }

  private async close(order: Order): Promise<boolean> {
    const payment = await this.payments.openPayment(order)
    const provider = payment?.reference
      ? await this.paymentOptions.provider(payment.methodCode)
      : null
    if (!payment || !provider) return this.payments.cancelUnpaid(order.id, SYSTEM, WINDOW_ENDED)
    try {
      const event = await provider.cancel(await paymentAttempt(payment, order))
      // Still in progress there (3-D Secure): it may yet be paid; next run.
      if (event.kind === 'pending') return false
      const outcome = await this.completion.apply(provider.code, event, SYSTEM)
      if (outcome === 'cancelled') return true
      // Money taken or reserved there, even if already recorded here (a
      // notification landed meanwhile): the order is no longer the window's.
      if (event.kind === 'authorized' || event.kind === 'captured') return false
      if (outcome !== 'ignored' && outcome !== 'duplicate') return false
    } catch (error) {
      logger.error(
        { err: error, order: order.number },
        'payment provider could not close a payment'
      )
      return false
    }
    return this.payments.cancelUnpaid(order.id, SYSTEM, WINDOW_ENDED)
  }
}
