import { inject } from '@adonisjs/core'
import emitter from '@adonisjs/core/services/emitter'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { DateTime } from 'luxon'
import OrderLine from '#models/order_line'
import Shipment from '#models/shipment'
import { awaitsShipment } from '#domain/order_status'
import OrderException from '#exceptions/order_exception'
import OrderTimeline, { type OrderActor } from '#services/orders/order_timeline'
import { orderSnapshot } from '#services/orders/order_snapshot'
import { lockOrder } from '#support/row_lock'

export interface ParcelInput {
  /** Units of each order line in the parcel; lines left out are not in it. */
  readonly lines: readonly { orderLineId: number; quantity: number }[]
  readonly carrier?: string | null
  readonly trackingNumber?: string | null
  readonly trackingUrl?: string | null
}

/**
 * Parcels: what each holds, its tracking, and when it arrived. The order
 * follows: partially shipped, shipped once every unit left, delivered once
 * every parcel arrived (the date the withdrawal period counts from, LEGAL.md
 * W-03/W-04).
 */
@inject()
export default class ShipmentService {
  constructor(protected timeline: OrderTimeline) {}

  /** Units of each line still to ship: not shipped yet, nor withdrawn before shipping. */
  async remaining(orderId: number, client: TransactionClientContract | null = null) {
    const connection = client ?? db.connection()
    const lines = await OrderLine.query(client ? { client } : {}).where('order_id', orderId)
    /** Units per order line of the order's `parents` (its parcels, its withdrawals). */
    const unitsByLine = async (parents: string, column: string) => {
      const children = `${parents.slice(0, -1)}_lines`
      const rows = await connection
        .from(children)
        .join(parents, `${parents}.id`, `${children}.${parents.slice(0, -1)}_id`)
        .where(`${parents}.order_id`, orderId)
        .groupBy(`${children}.order_line_id`)
        .select(`${children}.order_line_id`)
        .sum(`${children}.${column} as units`)
      return new Map(rows.map((row) => [Number(row.order_line_id), Number(row.units)]))
    }
    const shipped = await unitsByLine('shipments', 'quantity')
    // Units withdrawn before they shipped (LEGAL.md W-08) must never leave.
    const withdrawn = await unitsByLine('withdrawals', 'unshipped_quantity')
    return new Map(
      lines.map((line) => [
        line.id,
        line.quantity - (shipped.get(line.id) ?? 0) - (withdrawn.get(line.id) ?? 0),
      ])
    )
  }

  async ship(orderId: number, parcel: ParcelInput, actor: OrderActor) {
    const lines = parcel.lines.filter((line) => line.quantity > 0)
    return db.transaction(async (trx) => {
      const order = await lockOrder(trx, orderId)
      if (!awaitsShipment(order.status))
        throw OrderException.notShippable(order.number, order.status)
      const remaining = await this.remaining(order.id, trx)
      if (!lines.length) throw OrderException.emptyParcel(order.number)
      for (const line of lines) {
        if (line.quantity > (remaining.get(line.orderLineId) ?? 0)) {
          throw OrderException.tooManyShipped(order.number)
        }
      }
      const shipment = await Shipment.create(
        {
          orderId: order.id,
          carrier: parcel.carrier || null,
          trackingNumber: parcel.trackingNumber || null,
          trackingUrl: parcel.trackingUrl || null,
          shippedAt: DateTime.now(),
        },
        { client: trx }
      )
      await trx.table('shipment_lines').multiInsert(
        lines.map((line) => ({
          shipment_id: shipment.id,
          order_line_id: line.orderLineId,
          quantity: line.quantity,
        }))
      )
      const allShipped = [...remaining].every(([lineId, left]) => {
        const inParcel = lines.find((line) => line.orderLineId === lineId)?.quantity ?? 0
        return left - inParcel === 0
      })
      await this.timeline.record(trx, order, {
        type: 'shipment',
        actor,
        note: [parcel.carrier, parcel.trackingNumber].filter(Boolean).join(' ') || null,
      })
      await this.timeline.move(trx, order, allShipped ? 'shipped' : 'partially_shipped', actor)
      const orderLines = await OrderLine.query({ client: trx }).where('order_id', order.id)
      trx.after('commit', () =>
        emitter.emit('order:shipped', {
          order: orderSnapshot(order, orderLines),
          trackingUrl: shipment.trackingUrl,
        })
      )
      return shipment
    })
  }

  /**
   * Records when a parcel reached the customer. The order is delivered when
   * every unit has shipped and every parcel has arrived.
   */
  async markDelivered(shipmentId: number, deliveredAt: DateTime, actor: OrderActor) {
    return db.transaction(async (trx) => {
      const shipment = await Shipment.query({ client: trx }).where('id', shipmentId).firstOrFail()
      const order = await lockOrder(trx, shipment.orderId)
      if (shipment.deliveredAt) return order
      shipment.useTransaction(trx)
      shipment.deliveredAt = deliveredAt
      await shipment.save()
      await this.timeline.record(trx, order, {
        type: 'shipment',
        actor,
        note: `delivered ${deliveredAt.toISODate()}`,
      })
      const undelivered = await Shipment.query({ client: trx })
        .where('order_id', order.id)
        .whereNull('delivered_at')
      if (order.status === 'shipped' && !undelivered.length) {
        await this.timeline.move(trx, order, 'delivered', actor)
      }
      trx.after('commit', () =>
        emitter.emit('order:delivered', { orderId: order.id, shipmentId: shipment.id })
      )
      return order
    })
  }
}
