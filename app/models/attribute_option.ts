import { belongsTo } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { AttributeOptionSchema } from '#database/schema'
import Attribute from '#models/attribute'

export default class AttributeOption extends AttributeOptionSchema {
  @belongsTo(() => Attribute)
  declare attribute: BelongsTo<typeof Attribute>
}
