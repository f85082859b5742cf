import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Permission } from '#domain/admin_permissions'

/**
 * Guards a back-office route with a permission; a staff member whose role lacks
 * it gets the 403 page.
 */
export default class AuthorizeMiddleware {
  async handle(ctx: HttpContext, next: NextFn, options: { permission: Permission }) {
    await ctx.bouncer.authorize('useBackOffice', options.permission)
    return next()
  }
}
