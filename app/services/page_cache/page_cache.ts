import cache from '@adonisjs/cache/services/main'
import logger from '@adonisjs/core/services/logger'
import env from '#start/env'

/** A storefront page as every anonymous visitor gets it, before their own bits are filled in. */
export interface CachedPage {
  /** The HTML with markers where visitor-specific bits go (#services/page_cache/visitor_bits). */
  body: string
  /** Response headers to replay (content type, CSP and the other security headers). */
  headers: Record<string, string>
  /** Changes whenever the page does: the ETag's first half. */
  version: string
  productId: number | null
  consentPurposes: string[]
}

/** An hour at most; a page also expires at the next scheduled change. */
const MAX_TTL_MS = 60 * 60 * 1000

/** A purge is remembered longer than any page takes to render (see put). */
const PURGE_REMEMBERED_MS = 60 * 1000

/** When a tag was last purged (page keys start with the plugins' stamp, never with this). */
function purgeKey(tag: string) {
  return `purged:${tag}`
}

/**
 * The shared store of cached storefront pages (config/cache.ts: one process's
 * memory, or Redis shared by every process). A cache that fails is skipped,
 * never an error for the shopper: the page is rendered as if it were a miss.
 */
export default class PageCache {
  static enabled = env.get('PAGE_CACHE', true)

  protected get pages() {
    return cache.namespace('pages')
  }

  async get(key: string): Promise<CachedPage | undefined> {
    try {
      return await this.pages.get<CachedPage>({ key })
    } catch (error) {
      logger.warn({ err: error }, 'page cache unavailable: page rendered instead')
      return undefined
    }
  }

  /**
   * Keeps a page rendered from `renderedFrom` on. A page one of whose tags was
   * purged meanwhile may show rows read before that change committed: it is
   * not kept, or it would outlive the purge meant to remove it.
   */
  async put(
    key: string,
    page: CachedPage,
    tags: Iterable<string>,
    expiresAt: Date | null,
    renderedFrom: number
  ) {
    const ttl = Math.min(MAX_TTL_MS, (expiresAt?.getTime() ?? Infinity) - Date.now())
    if (ttl <= 0) return
    try {
      const purgedAt = await Promise.all(
        [...tags].map((tag) => this.pages.get<number>({ key: purgeKey(tag) }))
      )
      if (purgedAt.some((at) => at !== undefined && at > renderedFrom)) return
      await this.pages.set({ key, value: page, ttl, tags: [...tags] })
    } catch (error) {
      logger.warn({ err: error }, 'page not cached')
    }
  }

  /** Forgets every page carrying one of these tags, in every process. */
  async purge(tags: string[]) {
    if (tags.length === 0) return
    // Remembered for pages still rendering from the old rows (put); never in the purge's way.
    const now = Date.now()
    await Promise.allSettled(
      tags.map((tag) =>
        this.pages.set({ key: purgeKey(tag), value: now, ttl: PURGE_REMEMBERED_MS })
      )
    )
    try {
      await this.pages.deleteByTag({ tags })
    } catch (error) {
      logger.error({ err: error, tags }, 'page cache purge failed')
    }
  }
}
