import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import CategoryCatalog from '#services/catalog/category_catalog'

/**
 * Shares the category menu with storefront pages.
 */
@inject()
export default class ShareStorefrontNavigationMiddleware {
  constructor(protected categories: CategoryCatalog) {}

  async handle(ctx: HttpContext, next: NextFn) {
    ctx.view.share({ categoryNavigation: await this.categories.navigation(ctx.i18n.locale) })
    return next()
  }
}
