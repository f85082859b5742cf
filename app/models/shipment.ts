import { hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { ShipmentSchema } from '#database/schema'
import ShipmentLine from '#models/shipment_line'

/** A parcel sent for an order, with what it holds and when it arrived. */
export default class Shipment extends ShipmentSchema {
  @hasMany(() => ShipmentLine)
  declare lines: HasMany<typeof ShipmentLine>
}
