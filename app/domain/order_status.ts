/**
 * The life of an order, and the only moves it can make. Payment has a machine
 * of its own (payment_status.ts); a partial refund shows there and does not
 * stop fulfilment, a full refund ends the order here.
 *
 *   pending_payment → paid → processing → partially_shipped → shipped → delivered → closed
 *   on_hold: set aside for the merchant (an amount mismatch, a fraud doubt)
 *   cancelled: before shipping; releases the stock
 */
export const ORDER_STATUSES = [
  'pending_payment',
  'paid',
  'processing',
  'partially_shipped',
  'shipped',
  'delivered',
  'closed',
  'on_hold',
  'cancelled',
  'refunded',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

const MOVES: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ['paid', 'on_hold', 'cancelled'],
  paid: ['processing', 'partially_shipped', 'shipped', 'on_hold', 'cancelled', 'refunded'],
  processing: ['partially_shipped', 'shipped', 'on_hold', 'cancelled', 'refunded'],
  partially_shipped: ['partially_shipped', 'shipped', 'on_hold', 'refunded'],
  shipped: ['delivered', 'refunded'],
  delivered: ['closed', 'refunded'],
  on_hold: ['pending_payment', 'paid', 'processing', 'cancelled', 'refunded'],
  closed: ['refunded'],
  cancelled: [],
  refunded: [],
}

export function isOrderStatus(value: unknown): value is OrderStatus {
  return ORDER_STATUSES.includes(value as OrderStatus)
}

export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return MOVES[from].includes(to)
}

/** States in which stock taken by the order is still held for it. */
export function holdsStock(status: OrderStatus): boolean {
  return status !== 'cancelled'
}

/** An order the merchant still has to ship (in whole or in part). */
export function awaitsShipment(status: OrderStatus): boolean {
  return status === 'paid' || status === 'processing' || status === 'partially_shipped'
}
