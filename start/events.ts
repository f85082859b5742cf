/*
|--------------------------------------------------------------------------
| Application event listeners
|--------------------------------------------------------------------------
*/

import emitter from '@adonisjs/core/services/emitter'
import SendOrderEmail from '#jobs/send_order_email'
import Shipment from '#models/shipment'

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
