import { errors } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import PluginKernel from '#plugin_kernel/plugin_kernel'

/**
 * A plugin's pages answer 404 while the plugin is not enabled.
 */
export default class PluginEnabledMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { name: string }) {
    const kernel = await ctx.containerResolver.make(PluginKernel)
    if (!(await kernel.registry.isActive(options.name))) {
      throw new errors.E_ROUTE_NOT_FOUND([ctx.request.method(), ctx.request.url()])
    }
    return next()
  }
}
