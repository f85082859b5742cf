import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { errors as lucidErrors } from '@adonisjs/lucid'
import StorefrontCatalog from '#services/catalog/storefront_catalog'
import { alternateUrls, localizedPath, type Locale } from '#support/locale_paths'
import { renderMarkdown } from '#support/markdown'
import { productJsonLd } from '#support/product_json_ld'
import { attributeRows } from '#support/attribute_rows'
import { keepMembersPricesPrivate } from '#support/members_prices'
import { shopperOf } from '#support/shopper'
import { productTags } from '#services/page_cache/page_tags'
import type { ViewSlots } from '@comptoir/contracts/view_slots'

@inject()
export default class ProductsController {
  constructor(protected catalog: StorefrontCatalog) {}

  /**
   * The product page. An old slug answers with a permanent redirect to the
   * current one; variant choices come from the query string, so choosing a
   * size works without JavaScript.
   */
  async show(ctx: HttpContext) {
    const { params, request, response, view, i18n } = ctx
    const locale = i18n.locale as Locale
    const found = await this.catalog.findBySlug(locale, params.slug)
    if (found && 'redirectTo' in found) {
      const query = request.parsedUrl.query ? `?${request.parsedUrl.query}` : ''
      return response
        .status(301)
        .redirect(`${localizedPath(`/p/${found.redirectTo}`, locale)}${query}`)
    }

    const selection = Object.fromEntries(
      Object.entries(request.qs()).filter(([, value]) => typeof value === 'string')
    ) as Record<string, string>
    const viewer = await shopperOf(ctx)
    const page = found
      ? await this.catalog.productPage(found.productId, locale, selection, viewer)
      : null
    if (!page) throw new lucidErrors.E_ROW_NOT_FOUND()

    view.share({ alternates: alternateUrls(page.product.translations, (slug) => `/p/${slug}`) })
    keepMembersPricesPrivate(response, [page.price, ...page.related])
    // Related products' cards show their names and prices too.
    ctx.pageRender.keep(productTags([page.product.id, ...page.related.map((card) => card.id)]))
    ctx.pageRender.productId = page.product.id
    return view.render('pages/storefront/product', {
      ...page,
      attributes: attributeRows(page.attributes, i18n),
      canonicalPath: localizedPath(`/p/${page.translation.slug}`, locale),
      description: renderMarkdown(page.translation.description),
      jsonLd: productJsonLd(page, locale),
      priceSlot: {
        locale,
        product: { id: page.product.id, name: page.translation.name },
        variant: {
          id: page.variant.id,
          sku: page.variant.sku,
          price: { amount: page.price.price, currency: page.price.currency },
          weightGrams: page.variant.weightGrams ?? page.product.weightGrams ?? 0,
        },
      } satisfies ViewSlots['product.price.after'],
    })
  }
}
