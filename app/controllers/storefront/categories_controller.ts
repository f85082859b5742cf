import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CatalogListing from '#services/catalog/catalog_listing'
import CategoryCatalog from '#services/catalog/category_catalog'
import StorefrontCatalog from '#services/catalog/storefront_catalog'
import { CATEGORY_SORTS, listingPages, listingParams } from '#support/listing_params'
import { renderMarkdown } from '#support/markdown'
import { alternateUrls } from '#support/locale_paths'
import { keepMembersPricesPrivate } from '#support/members_prices'
import { shopperOf } from '#support/shopper'
import { categoryTags } from '#services/page_cache/page_tags'

@inject()
export default class CategoriesController {
  constructor(
    protected categories: CategoryCatalog,
    protected listing: CatalogListing,
    protected catalog: StorefrontCatalog
  ) {}

  async show(ctx: HttpContext) {
    const { params, request, response, view, i18n } = ctx
    const locale = i18n.locale
    const category = await this.categories.findBySlug(locale, params.slug)

    view.share({ alternates: alternateUrls(category.translations, (slug) => `/c/${slug}`) })
    const query = {
      ...listingParams(request.qs(), CATEGORY_SORTS),
      locale,
      category: { id: category.id, path: category.path },
    }
    const result = await this.listing.run(query)
    const products = await this.catalog.cards(result.productIds, locale, await shopperOf(ctx))
    keepMembersPricesPrivate(response, products)
    // Any product of its subtree changing purges the category (#services/page_cache/page_purge).
    ctx.pageRender.keep(categoryTags([category.id]))
    return view.render('pages/storefront/category', {
      category,
      translation: category.translation(locale)!,
      description: renderMarkdown(category.translation(locale)?.description),
      subcategories: await this.categories.children(category, locale),
      breadcrumb: await this.catalog.breadcrumb(category, locale),
      query,
      result,
      sorts: CATEGORY_SORTS,
      pages: listingPages(request.url(), request.qs(), query.page, result.total),
      products,
    })
  }
}
