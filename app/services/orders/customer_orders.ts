import Order from '#models/order'

/** A customer's orders, newest first, for their account page. */
export function customerOrders(customerId: number, limit = 20) {
  return Order.query()
    .where('customer_id', customerId)
    .orderBy('placed_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .select('id', 'number', 'status', 'total', 'currency', 'placed_at')
}
