import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { SearchEngine } from '@comptoir/contracts/search_engine'
import CatalogListing from '#services/catalog/catalog_listing'
import StorefrontCatalog from '#services/catalog/storefront_catalog'
import { CATALOG_LISTINGS } from '#services/page_cache/page_tags'
import { SEARCH_SORTS, listingPages, listingParams } from '#support/listing_params'

@inject()
export default class SearchController {
  constructor(
    protected engine: SearchEngine,
    protected listing: CatalogListing,
    protected catalog: StorefrontCatalog
  ) {}

  /**
   * Search results, with the same facets as a category page, and a corrected
   * query to try when nothing matches.
   */
  async index({ request, view, i18n, pageRender }: HttpContext) {
    const q = String(request.input('q', '')).trim().slice(0, 200)
    const locale = i18n.locale
    const hits = q ? await this.engine.search({ text: q, locale }) : { productIds: [] }
    const query = {
      ...listingParams(request.qs(), SEARCH_SORTS),
      locale,
      rankedIds: hits.productIds,
    }
    const result = await this.listing.run(query)
    const suggested = q && !result.total ? await this.engine.suggest({ text: q, locale }) : null

    pageRender.keep([CATALOG_LISTINGS])
    return view.render('pages/storefront/search', {
      q,
      query,
      result,
      suggestion: suggested && {
        text: suggested,
        url: `${request.url()}?${new URLSearchParams({ q: suggested })}`,
      },
      sorts: SEARCH_SORTS,
      pages: listingPages(request.url(), request.qs(), query.page, result.total),
      products: await this.catalog.cards(result.productIds, locale),
    })
  }
}
