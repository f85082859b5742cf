import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { ProductAttributeValueSchema } from '#database/schema'
import Attribute from '#models/attribute'
import AttributeOption from '#models/attribute_option'

export default class ProductAttributeValue extends ProductAttributeValueSchema {
  @belongsTo(() => Attribute)
  declare attribute: BelongsTo<typeof Attribute>

  @belongsTo(() => AttributeOption)
  declare option: BelongsTo<typeof AttributeOption>
}
