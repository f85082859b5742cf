import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import CategoryCatalog from '#services/catalog/category_catalog'
import { shareCookieConsent } from '#support/cookie_banner'
import { keepStorefrontPagePrivate } from '#support/storefront_cache_control'

/**
 * Shares the category menu with storefront pages, the signed-in shopper if
 * any, for the header's "Mon compte" / "Se connecter" link, and the cookie
 * consent banner's state; then gives the page its default cache policy.
 */
@inject()
export default class ShareStorefrontNavigationMiddleware {
  constructor(protected categories: CategoryCatalog) {}

  async handle(ctx: HttpContext, next: NextFn) {
    const customerGuard = ctx.auth.use('customer')
    ctx.view.share({
      categoryNavigation: await this.categories.navigation(ctx.i18n.locale),
      signedInCustomer: (await customerGuard.check()) ? customerGuard.user : null,
    })
    await shareCookieConsent(ctx)
    await next()
    keepStorefrontPagePrivate(ctx.response)
  }
}
