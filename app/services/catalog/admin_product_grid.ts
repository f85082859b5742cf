import db from '@adonisjs/lucid/services/db'
import Product from '#models/product'

export interface ProductGridQuery {
  q?: string
  categoryId?: number
  brandId?: number
  status?: 'enabled' | 'disabled'
  stock?: 'in_stock' | 'out_of_stock'
  sort: 'newest' | 'name' | 'price'
  page: number
}

export const GRID_PAGE_SIZE = 25
export const CATEGORY_PAGE_SIZE = 50

/**
 * The back office's product list: search by name or SKU, filters, sort and
 * pagination, with a fixed number of queries per page.
 */
export default class AdminProductGrid {
  async run(query: ProductGridQuery, locale: string) {
    const builder = Product.query()
      .preload('translations', (translations) => translations.where('locale', locale))
      .preload('brand')
      .withCount('variants')

    if (query.q) {
      const like = `%${query.q}%`
      builder.where((where) =>
        where
          .whereIn(
            'id',
            db.from('product_translations').where('name', 'like', like).select('product_id')
          )
          .orWhereIn('id', db.from('variants').where('sku', 'like', like).select('product_id'))
      )
    }
    if (query.categoryId) {
      builder.whereIn(
        'id',
        db.from('category_product').where('category_id', query.categoryId).select('product_id')
      )
    }
    if (query.brandId) builder.where('brand_id', query.brandId)
    if (query.status) builder.where('enabled', query.status === 'enabled')
    if (query.stock) builder.where('in_stock', query.stock === 'in_stock')

    if (query.sort === 'name') {
      builder.orderBy(
        db
          .from('product_translations')
          .whereColumn('product_translations.product_id', 'products.id')
          .where('locale', locale)
          .select('name'),
        'asc'
      )
    } else if (query.sort === 'price') {
      builder.orderBy('price_min', 'asc')
    } else {
      builder.orderBy('created_at', 'desc')
    }
    return builder.orderBy('id', 'desc').paginate(query.page, GRID_PAGE_SIZE)
  }

  /**
   * The products filed directly in a category, in the merchant's order (the
   * order CategoryService.moveProduct keeps and the category page shows).
   */
  async filedIn(categoryId: number, page: number, locale: string) {
    return Product.query()
      .join('category_product', 'category_product.product_id', 'products.id')
      .where('category_product.category_id', categoryId)
      .preload('translations', (translations) => translations.where('locale', locale))
      .orderBy('category_product.position')
      .orderBy('category_product.product_id')
      .select('products.*')
      .paginate(page, CATEGORY_PAGE_SIZE)
  }
}
