import db from '@adonisjs/lucid/services/db'
import Category from '#models/category'

/**
 * Categories as the storefront shows them.
 */
export default class CategoryCatalog {
  async findBySlug(locale: string, slug: string) {
    // Found from its translation's (locale, slug) key: an EXISTS on the translation would
    // make SQLite read every category to test each one.
    return Category.query()
      .where('enabled', true)
      .whereIn('id', db.from('category_translations').where({ locale, slug }).select('category_id'))
      .preload('translations')
      .firstOrFail()
  }

  /**
   * Enabled top-level categories and their children, for navigation, siblings
   * in the merchant's order.
   */
  async navigation(locale: string) {
    const categories = await Category.query()
      .where('enabled', true)
      .where('depth', '<=', 1)
      .whereHas('translations', (query) => query.where('locale', locale))
      .orderBy('position')
      .orderBy('id')
      .preload('translations', (query) => query.where('locale', locale))
    const roots = categories.filter((category) => category.parentId === null)
    return roots.map((root) => ({
      category: root,
      children: categories.filter((category) => category.parentId === root.id),
    }))
  }

  async children(category: Category, locale: string) {
    return Category.query()
      .where('parent_id', category.id)
      .where('enabled', true)
      .whereHas('translations', (query) => query.where('locale', locale))
      .orderBy('position')
      .orderBy('id')
      .preload('translations', (query) => query.where('locale', locale))
  }
}
