import app from '@adonisjs/core/services/app'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import OrderPayments from '#services/orders/order_payments'

/**
 * Cancels the orders still unpaid when their payment method's window ends
 * (a bank transfer that never came), which puts their stock back on sale.
 */
export default class CancelUnpaidOrders extends Job<Record<string, never>> {
  static options: JobOptions = { maxRetries: 3 }

  async execute() {
    const payments = await app.container.make(OrderPayments)
    await payments.cancelOverdue()
  }
}
