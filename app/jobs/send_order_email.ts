import app from '@adonisjs/core/services/app'
import logger from '@adonisjs/core/services/logger'
import router from '@adonisjs/core/services/router'
import { Job, exponentialBackoff } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import OrderEmails, { type OrderEmailRequest } from '#services/orders/order_emails'

/**
 * How long after the event an order e-mail leaves. The shopper's request
 * starts the payment right after placing the order, and the bank details the
 * confirmation repeats are stored then; with the sync queue driver, a delayed
 * job also runs outside the request instead of inside it.
 */
export const ORDER_EMAIL_DELAY = '5s'

/**
 * Renders and sends one order e-mail (OrderEmails). A mail server that is
 * down is retried for about an hour; once retries are spent the order's
 * timeline says the e-mail was not sent.
 */
export default class SendOrderEmail extends Job<OrderEmailRequest> {
  static options: JobOptions = {
    maxRetries: 6,
    retry: { backoff: exponentialBackoff({ baseDelay: '1m', maxDelay: '30m' }) },
  }

  /**
   * Queues an e-mail. Called from event listeners after a commit: a failure to
   * queue is logged and never reaches the request that changed the order.
   */
  static async queue(request: OrderEmailRequest): Promise<void> {
    try {
      await SendOrderEmail.dispatch(request).in(ORDER_EMAIL_DELAY)
    } catch (error) {
      logger.error({ err: error, ...request }, 'order e-mail not queued')
    }
  }

  async execute() {
    // A worker started by `node ace queue:work` has no HTTP server, which is
    // what commits the routes; the links in the e-mail need them.
    router.commit()
    const emails = await app.container.make(OrderEmails)
    await emails.send(this.payload)
  }

  async failed(error: Error) {
    const emails = await app.container.make(OrderEmails)
    await emails.recordFailure(this.payload, error)
  }
}
