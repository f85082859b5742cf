import { column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import { AttributeSchema } from '#database/schema'
import AttributeOption from '#models/attribute_option'
import type { AttributeType } from '#domain/attribute_types'

/**
 * A typed product characteristic (size, colour, material, heel height…).
 * Select attributes flagged as variant options define configurable variants.
 */
export default class Attribute extends AttributeSchema {
  @column()
  declare type: AttributeType

  @hasMany(() => AttributeOption)
  declare options: HasMany<typeof AttributeOption>
}
