import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import StorefrontCatalog from '#services/catalog/storefront_catalog'
import { CATALOG_LISTINGS } from '#services/page_cache/page_tags'

@inject()
export default class HomeController {
  constructor(protected catalog: StorefrontCatalog) {}

  async show({ view, i18n, pageRender }: HttpContext) {
    const [featured, newest] = await Promise.all([
      this.catalog.featured(i18n.locale),
      this.catalog.newest(i18n.locale),
    ])
    pageRender.keep([CATALOG_LISTINGS])
    return view.render('pages/storefront/home', { featured, newest })
  }
}
