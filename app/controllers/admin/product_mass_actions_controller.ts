import { inject } from '@adonisjs/core'
import { adminActor } from '#support/admin_actor'
import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import Product from '#models/product'
import ProductService from '#services/catalog/product_service'
import { productMassActionValidator } from '#validators/admin_catalog'

/**
 * Actions on the products ticked in the grid. Deleting asks for confirmation
 * on a page that lists what will go.
 */
export default class ProductMassActionsController {
  @inject()
  async store(ctx: HttpContext, products: ProductService) {
    const { request, response, session, i18n, view } = ctx
    const { ids, action, category, confirm } = await request.validateUsing(
      productMassActionValidator
    )
    const actor = adminActor(ctx)

    if (action === 'delete' && !confirm) {
      const doomed = await Product.query()
        .whereIn('id', ids)
        .preload('translations', (query) => query.where('locale', i18n.locale))
      return view.render('pages/admin/catalog/confirm_delete', { products: doomed })
    }

    if (action === 'enable' || action === 'disable') {
      await products.setEnabled(ids, action === 'enable', actor)
    } else if (action === 'categorize') {
      await Category.findOrFail(category)
      await products.addToCategory(ids, category!, actor)
    } else {
      await products.delete(ids, actor)
    }
    session.flash('success', i18n.t(`admin.catalog.mass.done.${action}`, { count: ids.length }))
    return response.redirect().toRoute('admin.catalog')
  }
}
