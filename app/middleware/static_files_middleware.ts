import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import StaticMiddleware from '@adonisjs/static/static_middleware'

/** A file name ends with an extension; pages (`/p/sabot-anna`, `/c/sabots?…`) do not. */
const FILE_PATH = /\/[^/]*\.[a-z0-9]+$/i

/**
 * Files of resources/public through @adonisjs/static, which looks on disk
 * for every URL it sees: pages, which are never files, skip that look-up.
 */
@inject()
export default class StaticFilesMiddleware {
  constructor(protected files: StaticMiddleware) {}

  handle(ctx: HttpContext, next: NextFn) {
    if (!FILE_PATH.test(ctx.request.url())) return next()
    return this.files.handle(ctx, next)
  }
}
