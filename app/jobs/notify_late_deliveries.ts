import app from '@adonisjs/core/services/app'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import LateDeliveries from '#services/orders/late_deliveries'

/**
 * Tells each customer whose order missed its delivery date, before they have
 * to ask: a new estimate, once per order (LEGAL.md D-01).
 */
export default class NotifyLateDeliveries extends Job<Record<string, never>> {
  static options: JobOptions = { maxRetries: 3 }

  async execute() {
    const lateDeliveries = await app.container.make(LateDeliveries)
    await lateDeliveries.announce()
  }
}
