import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { appUrl } from '#config/app'
import SitemapService from '#services/catalog/sitemap_service'

export default class SeoController {
  @inject()
  async sitemap({ response }: HttpContext, sitemap: SitemapService) {
    response.header('content-type', 'application/xml; charset=utf-8')
    return sitemap.xml()
  }

  /**
   * Crawlers may index the catalog, not the back office, the cart or search
   * result pages (endless query combinations).
   */
  async robots({ response }: HttpContext) {
    response.header('content-type', 'text/plain; charset=utf-8')
    return [
      'User-agent: *',
      'Disallow: /admin',
      'Disallow: /cart',
      'Disallow: /search',
      'Disallow: /en/cart',
      'Disallow: /en/search',
      `Sitemap: ${appUrl.replace(/\/$/, '')}/sitemap.xml`,
      '',
    ].join('\n')
  }
}
