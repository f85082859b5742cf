/*
|--------------------------------------------------------------------------
| Application event listeners
|--------------------------------------------------------------------------
*/

import app from '@adonisjs/core/services/app'
import emitter from '@adonisjs/core/services/emitter'
import logger from '@adonisjs/core/services/logger'
import SendOrderEmail from '#jobs/send_order_email'
import Shipment from '#models/shipment'
import ContractArchives from '#services/privacy/contract_archives'
import { madeReadyForPickup } from '#services/orders/order_pickups'
import PagePurge from '#services/page_cache/page_purge'

declare module '@adonisjs/core/types' {
  interface EventsList {
    /** A parcel reached the customer (ShipmentService.markDelivered), after commit. */
    'order:delivered': { orderId: number; shipmentId: number }
  }
}

/**
 * Order e-mails. The events fire once the order's transaction has committed;
 * each listener only queues a job (SendOrderEmail renders, sends and retries),
 * so a mail server that is slow or down never holds up nor fails the request.
 */
emitter.on('order:placed', ({ order }) =>
  SendOrderEmail.queue({ kind: 'order_confirmation', orderId: order.id })
)

emitter.on('order:paid', ({ order }) =>
  SendOrderEmail.queue({ kind: 'payment_received', orderId: order.id })
)

emitter.on('order:shipped', async ({ order }) => {
  // A click & collect order made ready got its pickup code e-mailed instead.
  if (await madeReadyForPickup(order.id).catch(() => false)) return
  // The event names no parcel: the one just committed is the order's latest.
  const shipment = await Shipment.query()
    .where('order_id', order.id)
    .orderBy('id', 'desc')
    .select('id')
    .first()
    .catch(() => null)
  await SendOrderEmail.queue({
    kind: 'order_shipped',
    orderId: order.id,
    ...(shipment ? { shipmentId: shipment.id } : {}),
  })
})

emitter.on('order:delivered', ({ orderId, shipmentId }) =>
  SendOrderEmail.queue({ kind: 'order_delivered', orderId, shipmentId })
)

/**
 * Contracts of €120 or more are archived for ten years (LEGAL.md P-09), and
 * their ten years run from the delivery when it comes later. A failure here
 * is caught up by the daily retention job.
 */
emitter.on('order:placed', async ({ order }) => {
  const archives = await app.container.make(ContractArchives)
  await archives
    .archive(order.id)
    .catch((error) => logger.error({ err: error, orderId: order.id }, 'contract not archived'))
})

emitter.on('order:delivered', async ({ orderId }) => {
  const archives = await app.container.make(ContractArchives)
  await archives
    .deliveredOn(orderId)
    .catch((error) => logger.error({ err: error, orderId }, 'contract archive not extended'))
})

/**
 * Cached product pages say "only 3 left" or "out of stock": a committed stock
 * change that alters what they say purges them (the sale itself is done).
 */
emitter.on('stock:changed', async (change) => {
  const purge = await app.container.make(PagePurge)
  await purge
    .stockChanged(change)
    .catch((error) => logger.error({ err: error, change }, 'stock change not purged from pages'))
})
