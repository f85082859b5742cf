import type { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { OpeningHours } from '#src/opening_hours'

/**
 * The click & collect details of one core stock location. Columns are declared
 * here: the core's generated schema does not cover plugin tables.
 */
export default class StoreDetails extends BaseModel {
  static table = 'shipping_click_collect_stores'
  // Keyed by the core's location id, not by an id of its own.
  static selfAssignPrimaryKey = true

  @column({ isPrimary: true })
  declare stockLocationId: number

  @column({ columnName: 'address_line1' })
  declare addressLine1: string

  @column({ columnName: 'address_line2' })
  declare addressLine2: string | null

  @column()
  declare postcode: string

  @column()
  declare city: string

  @column({ consume: (value) => (value === null ? null : Number(value)) })
  declare latitude: number | null

  @column({ consume: (value) => (value === null ? null : Number(value)) })
  declare longitude: number | null

  // A text column on every database: drivers disagree on what JSON columns return.
  @column({
    prepare: (value: OpeningHours) => JSON.stringify(value),
    consume: (value: string) => JSON.parse(value) as OpeningHours,
  })
  declare openingHours: OpeningHours

  @column()
  declare preparationHours: number

  @column()
  declare slotMinutes: number

  @column()
  declare slotCapacity: number

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
