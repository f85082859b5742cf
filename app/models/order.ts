import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { OrderSchema } from '#database/schema'
import OrderLine from '#models/order_line'
import OrderEvent from '#models/order_event'
import Payment from '#models/payment'
import Shipment from '#models/shipment'
import type { OrderStatus } from '#domain/order_status'
import type { PaymentStatus } from '#domain/payment_status'
import type { ShippingService } from '#services/checkout/shipping_offers'

/**
 * An order as placed: its columns and lines are what the shopper accepted
 * (prices, taxes, addresses, CGV version) and never change; its status,
 * payments and shipments move on through the order services only.
 */
export default class Order extends OrderSchema {
  @column()
  declare status: OrderStatus

  @column()
  declare paymentStatus: PaymentStatus

  @column()
  declare shippingService: ShippingService

  @hasMany(() => OrderLine)
  declare lines: HasMany<typeof OrderLine>

  @hasMany(() => OrderEvent)
  declare events: HasMany<typeof OrderEvent>

  @hasMany(() => Payment)
  declare payments: HasMany<typeof Payment>

  @hasMany(() => Shipment)
  declare shipments: HasMany<typeof Shipment>
}
