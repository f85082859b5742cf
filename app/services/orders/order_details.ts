import Order from '#models/order'
import OrderLine from '#models/order_line'
import Payment from '#models/payment'
import Shipment from '#models/shipment'

/**
 * An order with what its pages show: lines, the latest payment (with any
 * instructions the shopper follows) and the shipments with their lines.
 */
export async function orderDetails(number: string) {
  const order = await Order.findBy('number', number)
  if (!order) return null
  const [lines, payment, shipments] = await Promise.all([
    OrderLine.query().where('order_id', order.id).orderBy('position'),
    Payment.query().where('order_id', order.id).orderBy('id', 'desc').first(),
    Shipment.query().where('order_id', order.id).orderBy('shipped_at').preload('lines'),
  ])
  return { order, lines, payment, shipments }
}

export type OrderDetails = NonNullable<Awaited<ReturnType<typeof orderDetails>>>
