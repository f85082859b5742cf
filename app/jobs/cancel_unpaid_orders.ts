import app from '@adonisjs/core/services/app'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import PaymentWindow from '#services/payments/payment_window'

/**
 * Cancels the orders still unpaid when their payment method's window ends
 * (a bank transfer that never came, a card page left open), which puts their
 * stock back on sale.
 */
export default class CancelUnpaidOrders extends Job<Record<string, never>> {
  static options: JobOptions = { maxRetries: 3 }

  async execute() {
    const window = await app.container.make(PaymentWindow)
    await window.cancelOverdue()
  }
}
