import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { publicAssets } from '#services/assets/public_assets'
import { parseHashedUrl } from '#support/asset_urls'
import { IMMUTABLE, REVALIDATE, sendStaticFile } from '#support/static_file_response'

/**
 * Serves resources/public from memory, precompressed: at hashed addresses
 * (`/assets/css/app.3f2a9c1b0d.css`, what pages link) for a year, and at
 * plain ones (`/css/app.css`, for anything linking them directly) for a few
 * minutes then revalidated. Runs before @adonisjs/static, which keeps serving
 * what is not held in memory (files over 1 MB).
 */
export default class PublicAssetsMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const { request, response } = ctx
    if (!['GET', 'HEAD'].includes(request.method())) return next()

    const hashed = parseHashedUrl(request.url())
    if (!hashed) {
      const asset = publicAssets.find(request.url().slice(1))
      return asset ? sendStaticFile(ctx, asset, REVALIDATE) : next()
    }

    const asset = publicAssets.find(hashed.path)
    if (!asset) {
      response.header('content-type', 'text/plain; charset=utf-8')
      response.header('cache-control', 'no-cache')
      return response.notFound('Not found')
    }
    if (asset.version !== hashed.hash) {
      /**
       * A page cached before a deploy (in the shared page cache, a CDN, a
       * browser) names the previous version: a 404 would leave it unstyled
       * until it expires. The redirect is not stored, so no cache ever keeps
       * other bytes under a hashed address.
       */
      response.header('cache-control', 'no-cache')
      return response.redirect(asset.url)
    }
    return sendStaticFile(ctx, asset, IMMUTABLE)
  }
}
