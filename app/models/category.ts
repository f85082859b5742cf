import { belongsTo, hasMany, manyToMany, scope } from '@adonisjs/lucid/orm'
import type { BelongsTo, HasMany, ManyToMany } from '@adonisjs/lucid/types/relations'
import { CategorySchema } from '#database/schema'
import CategoryTranslation from '#models/category_translation'
import Product from '#models/product'

/**
 * A node of the category tree. `path` lists its ancestors and itself
 * ("/1/4/9/"), so its subtree is every category whose path starts with it.
 */
export default class Category extends CategorySchema {
  @belongsTo(() => Category, { foreignKey: 'parentId' })
  declare parent: BelongsTo<typeof Category>

  @hasMany(() => Category, { foreignKey: 'parentId' })
  declare children: HasMany<typeof Category>

  @hasMany(() => CategoryTranslation)
  declare translations: HasMany<typeof CategoryTranslation>

  @manyToMany(() => Product, { pivotTable: 'category_product', pivotColumns: ['position'] })
  declare products: ManyToMany<typeof Product>

  /**
   * A product's categories, the most specific first: the product page takes
   * the first for its breadcrumb, and the CSV export lists them in this order.
   */
  static mostSpecificFirst = scope((query) => {
    query.orderBy('categories.depth', 'desc').orderBy('categories.id')
  })

  translation(locale: string): CategoryTranslation | undefined {
    return this.translations.find((translation) => translation.locale === locale)
  }

  /**
   * Ids of the ancestors, root first, from the materialised path.
   */
  get ancestorIds(): number[] {
    return this.path.split('/').filter(Boolean).map(Number).slice(0, -1)
  }
}
