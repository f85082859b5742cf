import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { VariantOptionValueSchema } from '#database/schema'
import AttributeOption from '#models/attribute_option'

export default class VariantOptionValue extends VariantOptionValueSchema {
  @belongsTo(() => AttributeOption)
  declare option: BelongsTo<typeof AttributeOption>
}
