import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { StockLevelSchema } from '#database/schema'
import StockLocation from '#models/stock_location'

/**
 * Quantity of one variant at one location. Written only by StockService.
 */
export default class StockLevel extends StockLevelSchema {
  @belongsTo(() => StockLocation)
  declare location: BelongsTo<typeof StockLocation>
}
