import { HttpContext } from '@adonisjs/core/http'
import { EVERY_PAGE } from '#services/page_cache/page_tags'

/**
 * What the page being rendered tells the page cache: whether it may be kept
 * for every visitor, the tags that purge it, when its prices change next,
 * and the facts its visitor-specific parts are filled from when it is served.
 */
export class PageRender {
  cacheable = false
  readonly tags = new Set<string>([EVERY_PAGE])
  /** The product a product page shows: "recently viewed" remembers it. */
  productId: number | null = null
  /** Cookie-consent purposes the banner asks about (none: no banner). */
  consentPurposes: string[] = []

  /** Marks the page as the same for every anonymous visitor, shown with these tags. */
  keep(tags: Iterable<string>) {
    this.cacheable = true
    for (const tag of tags) this.tags.add(tag)
  }
}

declare module '@adonisjs/core/http' {
  interface HttpContext {
    pageRender: PageRender
  }
}

HttpContext.getter(
  'pageRender',
  function (this: HttpContext) {
    return new PageRender()
  },
  true
)
