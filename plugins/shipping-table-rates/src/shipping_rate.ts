import type { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import type { TableRate } from '#src/table_rates'

/**
 * A row of the rate table. Its columns are declared here: the core's generated
 * schema does not cover plugin tables.
 */
export default class ShippingRate extends BaseModel implements TableRate {
  static table = 'shipping_table_rates_rates'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare countryCode: string

  @column()
  declare postcodePrefix: string | null

  @column()
  declare minWeightGrams: number

  @column()
  declare maxWeightGrams: number | null

  @column()
  declare minItems: number

  @column()
  declare maxItems: number | null

  @column()
  declare minSubtotal: number

  @column()
  declare maxSubtotal: number | null

  @column()
  declare price: number

  @column()
  declare currency: string

  @column()
  declare delayMinDays: number

  @column()
  declare delayMaxDays: number

  @column()
  declare label: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
