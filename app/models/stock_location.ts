import { column } from '@adonisjs/lucid/orm'
import { StockLocationSchema } from '#database/schema'

export type StockLocationType = 'warehouse' | 'store'

/**
 * Where stock is held: the warehouse that ships online orders, and physical
 * stores (which click & collect will use).
 */
export default class StockLocation extends StockLocationSchema {
  @column()
  declare type: StockLocationType
}
