import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import Category from '#models/category'
import AdminProductGrid, { CATEGORY_PAGE_SIZE } from '#services/catalog/admin_product_grid'
import CategoryService from '#services/catalog/category_service'
import { manualPositionValidator, pageValidator } from '#validators/admin_catalog'
import { adminActor } from '#support/admin_actor'

/**
 * The products filed directly in a category, in the order its page shows
 * them, which the merchant sets by hand.
 */
@inject()
export default class CategoryProductsController {
  constructor(
    protected grid: AdminProductGrid,
    protected categories: CategoryService
  ) {}

  async index({ params, request, view, i18n }: HttpContext) {
    const { page } = await request.validateUsing(pageValidator, { data: request.qs() })
    const category = await Category.query()
      .where('id', params.id)
      .preload('translations')
      .firstOrFail()
    const products = await this.grid.filedIn(category.id, page ?? 1, i18n.locale)
    products.baseUrl(request.url())
    return view.render('pages/admin/catalog/reference/category_products', { category, products })
  }

  /**
   * Moves a product in the category, then shows the page it landed on.
   */
  async move(ctx: HttpContext) {
    const { params, request, response, session, i18n } = ctx
    const { position } = await request.validateUsing(manualPositionValidator)
    const category = await Category.findOrFail(params.id)
    const result = await this.categories.moveProduct(
      category.id,
      Number(params.productId),
      position,
      adminActor(ctx)
    )
    if (result.status === 'not_filed') {
      session.flash('error', i18n.t('admin.catalog.order.not_filed'))
      return response.redirect().toRoute('admin.catalog_categories.products.index', {
        id: category.id,
      })
    }
    session.flash('success', i18n.t('admin.catalog.order.product_moved'))
    const page = Math.ceil(result.position / CATEGORY_PAGE_SIZE)
    return response
      .redirect()
      .withQs(page > 1 ? { page } : {})
      .toRoute('admin.catalog_categories.products.index', { id: category.id })
  }
}
