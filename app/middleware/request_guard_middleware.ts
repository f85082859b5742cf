import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import type { NextFn } from '@adonisjs/core/types/http'
import type { GuardedRequest } from '@comptoir/contracts/maintenance_hook'
import PluginKernel from '#plugin_kernel/plugin_kernel'

/**
 * Blocks requests that match a security hot-fix's guard, before anything else
 * runs (static files, routing, body parsing, sessions). With no hot-fix in
 * effect it costs a cached lookup. When the guards cannot be read (the
 * database is down), requests go on: a guard is a stop-gap, never a reason to
 * close the shop.
 */
export default class RequestGuardMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const kernel = await ctx.containerResolver.make(PluginKernel)
    const guards = await kernel.guards.active().catch((error) => {
      logger.error({ err: error }, 'request guards unavailable')
      return []
    })
    if (!guards.length) return next()

    const { request, response } = ctx
    const guarded: GuardedRequest = {
      method: request.method(),
      path: request.url(),
      queryString: request.parsedUrl.query ?? '',
      query: request.qs(),
      header: (name) => request.header(name),
    }
    const blocking = kernel.guards.blocking(guards, guarded)
    if (!blocking) return next()

    const { guard, plugin } = blocking
    logger.warn(
      { plugin, guard: guard.id, patch: guard.patch, path: guarded.path, ip: request.ip() },
      'request blocked by a security hot-fix'
    )
    response.header('content-type', 'text/plain; charset=utf-8')
    response.header('cache-control', 'no-store')
    return response.status(guard.respond.status).send(guard.respond.message)
  }
}
