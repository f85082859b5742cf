import type { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A shopper's request to hear when a variant is back in a store. */
export default class StockAlert extends BaseModel {
  static table = 'shipping_click_collect_stock_alerts'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare variantId: number

  @column()
  declare stockLocationId: number

  @column()
  declare email: string

  @column()
  declare locale: 'fr' | 'en'

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare notifiedAt: DateTime | null
}
