import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { isDeliveryLate, revisedDeliveryDate } from '#domain/late_delivery'
import { ORDER_STATUSES, awaitsShipment } from '#domain/order_status'
import SendOrderEmail from '#jobs/send_order_email'
import Order from '#models/order'
import { parisDate } from '#domain/paris_time'
import OrderTimeline, { SYSTEM } from '#services/orders/order_timeline'
import { lockForUpdate } from '#support/row_lock'

/** Statuses in which a passed delivery date makes an order late: not shipped yet. */
const NOT_SHIPPED = ORDER_STATUSES.filter(awaitsShipment)

/**
 * Orders past the last day of their delivery estimate (a Paris calendar day)
 * and not shipped yet, most overdue first: the back-office dashboard's list.
 * An order already announced late stays listed, with its revised date
 * (`revisedDeliveryTo`) and when the customer was told (`delayNotifiedAt`).
 */
export async function lateOrders(today = parisDate(new Date()), limit = 50): Promise<Order[]> {
  return Order.query()
    .whereIn('status', NOT_SHIPPED)
    .where('estimated_delivery_to', '<', today)
    .orderBy('estimated_delivery_to')
    .orderBy('id')
    .limit(limit)
}

/**
 * Late deliveries are announced, not discovered (LEGAL.md D-01): each order
 * that misses its date gets, once, a new estimate counted from today with its
 * delivery method's delay, a timeline entry and an e-mail to the customer.
 * Run every morning by the NotifyLateDeliveries job.
 */
@inject()
export default class LateDeliveries {
  constructor(protected timeline: OrderTimeline) {}

  /** Announces the orders late on `today` and not announced yet; returns their numbers. */
  async announce(today = parisDate(new Date())): Promise<string[]> {
    const due = await Order.query()
      .whereIn('status', NOT_SHIPPED)
      .where('estimated_delivery_to', '<', today)
      .whereNull('delay_notified_at')
      .orderBy('id')
      .select('id')
    const announced: string[] = []
    for (const { id } of due) {
      const order = await this.announceOne(id, today)
      if (order) announced.push(order.number)
    }
    return announced
  }

  /**
   * One order, re-read under its lock: shipped or announced meanwhile, it is
   * left alone. The e-mail is queued once the new date is committed.
   */
  private async announceOne(orderId: number, today: string): Promise<Order | null> {
    return db.transaction(async (trx) => {
      const order = await lockForUpdate(
        Order.query({ client: trx }).where('id', orderId),
        trx
      ).firstOrFail()
      const promised = order.estimatedDeliveryTo.toISODate()!
      if (!awaitsShipment(order.status) || order.delayNotifiedAt) return null
      if (!isDeliveryLate(promised, today)) return null

      const revised = revisedDeliveryDate(today, order.snapshot.shipping.delayDays)
      order.useTransaction(trx)
      order.revisedDeliveryTo = DateTime.fromISO(revised)
      order.delayNotifiedAt = DateTime.now()
      await order.save()
      await this.timeline.record(trx, order, {
        type: 'note',
        actor: SYSTEM,
        note: `delivery late (promised ${promised}): new estimate ${revised}`,
      })
      trx.after('commit', () =>
        SendOrderEmail.queue({ kind: 'delivery_delayed', orderId: order.id })
      )
      return order
    })
  }
}
