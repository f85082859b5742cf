import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import OrderEvent from '#models/order_event'
import type Order from '#models/order'
import { canMoveOrder, type OrderStatus } from '#domain/order_status'
import OrderException from '#exceptions/order_exception'

/**
 * Who did something to an order: the shopper, the shop itself (a scheduled
 * cancellation), a member of staff, or a payment provider's notification.
 */
export interface OrderActor {
  readonly label: string
  readonly adminUserId?: number | null
}

export const SHOPPER: OrderActor = { label: 'customer' }
export const SYSTEM: OrderActor = { label: 'system' }

export type OrderEventType = 'placed' | 'status' | 'payment' | 'shipment' | 'note' | 'email'

/**
 * The order's timeline, and the one place its status changes: every move is
 * checked against the lifecycle and written with who made it and when.
 */
export default class OrderTimeline {
  async record(
    trx: TransactionClientContract,
    order: Order,
    event: {
      type: OrderEventType
      actor: OrderActor
      from?: string | null
      to?: string | null
      note?: string | null
    }
  ) {
    await OrderEvent.create(
      {
        orderId: order.id,
        type: event.type,
        fromState: event.from ?? null,
        toState: event.to ?? null,
        actor: event.actor.label,
        adminUserId: event.actor.adminUserId ?? null,
        note: event.note ?? null,
      },
      { client: trx }
    )
  }

  async move(trx: TransactionClientContract, order: Order, to: OrderStatus, actor: OrderActor) {
    const from = order.status
    if (!canMoveOrder(from, to)) throw OrderException.invalidTransition(order.number, from, to)
    order.useTransaction(trx)
    order.status = to
    await order.save()
    await this.record(trx, order, { type: 'status', actor, from, to })
  }
}
