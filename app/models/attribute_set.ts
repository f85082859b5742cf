import { manyToMany } from '@adonisjs/lucid/orm'
import type { ManyToMany } from '@adonisjs/lucid/types/relations'
import { AttributeSetSchema } from '#database/schema'
import Attribute from '#models/attribute'

/**
 * The attributes a kind of product is described with (footwear: size, colour,
 * material; care products: volume, use).
 */
export default class AttributeSet extends AttributeSetSchema {
  @manyToMany(() => Attribute, {
    pivotTable: 'attribute_set_attributes',
    pivotColumns: ['position'],
  })
  declare attributes: ManyToMany<typeof Attribute>
}
