import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { CartLineSchema } from '#database/schema'
import Variant from '#models/variant'

/** One variant and its quantity in a cart; prices are read live from the catalog. */
export default class CartLine extends CartLineSchema {
  @belongsTo(() => Variant)
  declare variant: BelongsTo<typeof Variant>
}
