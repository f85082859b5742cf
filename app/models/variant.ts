import { belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { VariantSchema } from '#database/schema'
import Product from '#models/product'
import StockLevel from '#models/stock_level'
import PriceHistory from '#models/price_history'
import VariantOptionValue from '#models/variant_option_value'
import type { WithdrawalException } from '#domain/withdrawal_exceptions'

/**
 * What is sold: one SKU with its own price (tax included, minor units), weight,
 * stock and, for configurable products, option values (size 39, colour black).
 */
export default class Variant extends VariantSchema {
  @column()
  declare withdrawalException: WithdrawalException | null

  @belongsTo(() => Product)
  declare product: BelongsTo<typeof Product>

  @hasMany(() => VariantOptionValue)
  declare optionValues: HasMany<typeof VariantOptionValue>

  @hasMany(() => StockLevel)
  declare stockLevels: HasMany<typeof StockLevel>

  @hasMany(() => PriceHistory)
  declare priceHistory: HasMany<typeof PriceHistory>
}
