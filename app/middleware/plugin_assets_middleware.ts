import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import { SVG_HEADERS, assetRequest } from '#plugin_kernel/plugin_asset_rules'
import { IMMUTABLE, sendStaticFile } from '#support/static_file_response'

/**
 * Serves enabled plugins' logos at `/plugins/<name>/assets/logos/<file>.svg`.
 * Server middleware, like static files, so a response meant for shared caches
 * carries no session cookie and costs no session, CSRF or page work; it runs
 * before maintenance mode so the maintenance page's footer shows its logos.
 */
export default class PluginAssetsMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { request, response } = ctx
    const asset = ['GET', 'HEAD'].includes(request.method()) ? assetRequest(request.url()) : null
    if (!asset) return next()

    const kernel = await ctx.containerResolver.make(PluginKernel)
    const file = asset.file ? await kernel.assets.file(asset.plugin, asset.file) : null
    if (!file) {
      response.header('content-type', 'text/plain; charset=utf-8')
      return response.notFound('Not found')
    }

    for (const [name, value] of Object.entries(SVG_HEADERS)) response.header(name, value)
    // Only the address a page links to, with the current hash, may be kept for a year.
    const cacheControl = request.qs().v === file.version ? IMMUTABLE : 'no-cache'
    const svg = { body: file.body, type: SVG_HEADERS['content-type'], version: file.version }
    return sendStaticFile(ctx, svg, cacheControl)
  }
}
