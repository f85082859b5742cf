import { createHash } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { SessionCollection } from '@adonisjs/session'
import { SESSION_COOKIE } from '#config/session'
import PageCache, { type CachedPage } from '#services/page_cache/page_cache'
import { fillVisitorBits, hasVisitorBits } from '#services/page_cache/visitor_bits'
import { PUBLIC_VIEWER, type PriceViewer } from '#services/pricing/effective_prices'
import { nextScheduledChange } from '#services/page_cache/scheduled_changes'
import { shopperOf } from '#support/shopper'
import { STOREFRONT_CACHE_CONTROL } from '#support/storefront_cache_control'
import PluginKernel from '#plugin_kernel/plugin_kernel'

/** Headers that belong to one response, never replayed from a cached page. */
const OWN_HEADERS = new Set([
  'set-cookie',
  'etag',
  'last-modified',
  'content-length',
  'date',
  'x-page-cache',
  'cache-control',
])

/**
 * The full-page cache of anonymous storefront pages, and the one place every
 * HTML page gets its visitor's own bits (CSRF tokens, cart count, recently
 * viewed, consent banner state) filled in.
 *
 * A GET from a visitor without session data (nobody signed in, no flash
 * message waiting) is answered from the cache when the page is there. Else
 * the page is rendered; when its controller marked it the same for every
 * anonymous visitor (`ctx.pageRender.keep(tags)`), it is stored, tagged, under
 * its URL and the enabled plugins' state, until the next scheduled change at
 * most (#services/page_cache/scheduled_changes). `x-page-cache` says which:
 * hit, miss or bypass.
 */
export default class PageCacheMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const pages = await app.container.make(PageCache)
    const cacheable = PageCache.enabled && ['GET', 'HEAD'].includes(ctx.request.method())
    const anonymous = cacheable && (await this.hasNoSessionData(ctx))
    // Plugins render parts of every page: a page is kept for one set of them.
    const plugins = await app.container.make(PluginKernel)
    const key = `${await plugins.registry.stamp()}:${ctx.request.url(true)}`
    if (anonymous) {
      const page = await pages.get(key)
      if (page) return this.serve(ctx, page, 'hit', PUBLIC_VIEWER)
    }

    const renderedFrom = Date.now()
    await next()

    const body = ctx.response.hasContent ? ctx.response.getBody() : null
    if (typeof body !== 'string' || !hasVisitorBits(body)) return
    const render = ctx.pageRender
    const page: CachedPage = {
      body,
      headers: this.replayableHeaders(ctx),
      version: createHash('sha256').update(body).digest('base64url').slice(0, 16),
      productId: render.productId,
      consentPurposes: render.consentPurposes,
    }
    if (anonymous && render.cacheable && this.isStorable(ctx)) {
      await pages.put(key, page, render.tags, await nextScheduledChange(), renderedFrom)
      return this.serve(ctx, page, 'miss', PUBLIC_VIEWER)
    }
    const filled = await fillVisitorBits(ctx, body, page, await this.viewerOf(ctx))
    ctx.response.header('x-page-cache', 'bypass')
    ctx.response.send(filled.body, false)
  }

  protected async serve(ctx: HttpContext, page: CachedPage, outcome: string, viewer: PriceViewer) {
    const { request, response } = ctx
    const filled = await fillVisitorBits(ctx, page.body, page, viewer)
    for (const [name, value] of Object.entries(page.headers)) response.header(name, value)
    response.header('cache-control', STOREFRONT_CACHE_CONTROL)
    response.header('etag', `W/"${page.version}.${filled.fingerprint}"`)
    // No Last-Modified: a date cannot tell whether this visitor's bits changed, only the ETag can.
    response.header('x-page-cache', outcome)
    if (outcome === 'hit' && request.cookie(SESSION_COOKIE) !== undefined) {
      // Its session was empty or gone: later views need not look it up again.
      response.clearCookie(SESSION_COOKIE)
    }
    if (response.fresh()) return response.notModified()
    response.status(200).send(filled.body, false)
  }

  /** No signed-in shopper, no flash message, nothing else kept for this visitor. */
  protected async hasNoSessionData(ctx: HttpContext) {
    const sessionId = ctx.request.cookie(SESSION_COOKIE)
    if (typeof sessionId !== 'string') return true
    const sessions = await app.container.make(SessionCollection)
    const data = await sessions.get(sessionId)
    return !data || Object.keys(data).length === 0
  }

  protected isStorable({ response }: HttpContext) {
    const cacheControl = String(response.getHeader('cache-control') ?? '')
    return response.getStatus() === 200 && !cacheControl.includes('no-store')
  }

  protected replayableHeaders({ response }: HttpContext) {
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(response.getHeaders())) {
      if (!OWN_HEADERS.has(name.toLowerCase()) && value !== undefined) {
        headers[name] = Array.isArray(value) ? value.join(', ') : String(value)
      }
    }
    return headers
  }

  protected async viewerOf(ctx: HttpContext): Promise<PriceViewer> {
    return ctx.auth ? shopperOf(ctx) : PUBLIC_VIEWER
  }
}
