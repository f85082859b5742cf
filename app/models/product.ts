import { belongsTo, column, hasMany, manyToMany } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import { ProductSchema } from '#database/schema'
import Brand from '#models/brand'
import Category from '#models/category'
import ProductAttributeValue from '#models/product_attribute_value'
import ProductImage from '#models/product_image'
import ProductTranslation from '#models/product_translation'
import Variant from '#models/variant'
import type { VatRate } from '#domain/vat'
import type { QuantityUnit } from '#domain/unit_price'
import type { WithdrawalException } from '#domain/withdrawal_exceptions'

export type ProductType = 'simple' | 'configurable'

/**
 * A product as the merchant thinks of it. What is sold is always one of its
 * variants: a simple product has exactly one.
 */
export default class Product extends ProductSchema {
  @column()
  declare type: ProductType

  @column()
  declare vatRate: VatRate

  @column()
  declare netQuantityUnit: QuantityUnit | null

  @column()
  declare withdrawalException: WithdrawalException

  @belongsTo(() => Brand)
  declare brand: BelongsTo<typeof Brand>

  @hasMany(() => ProductTranslation)
  declare translations: HasMany<typeof ProductTranslation>

  @hasMany(() => Variant)
  declare variants: HasMany<typeof Variant>

  @hasMany(() => ProductImage)
  declare images: HasMany<typeof ProductImage>

  @hasMany(() => ProductAttributeValue)
  declare attributeValues: HasMany<typeof ProductAttributeValue>

  @manyToMany(() => Category, { pivotTable: 'category_product', pivotColumns: ['position'] })
  declare categories: ManyToMany<typeof Category>

  /**
   * The translation for a locale, from preloaded translations.
   */
  translation(locale: string): ProductTranslation | undefined {
    return this.translations.find((translation) => translation.locale === locale)
  }
}
