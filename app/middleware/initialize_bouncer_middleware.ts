import * as abilities from '#abilities/main'
import { policies } from '#generated/policies'
import { Bouncer } from '@adonisjs/bouncer'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type AdminUser from '#models/admin_user'

/**
 * Creates the request's Bouncer for the signed-in staff member and shares its
 * helpers (@can) with templates. Only the "admin" guard's user is ever
 * authorized: a signed-in shopper is nobody to the back office.
 */
export default class InitializeBouncerMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    ctx.bouncer = new Bouncer(
      () => ctx.auth.use('admin').user || null,
      abilities,
      policies
    ).setContainerResolver(ctx.containerResolver)

    ctx.view.share(ctx.bouncer.edgeHelpers)
    return next()
  }
}

declare module '@adonisjs/core/http' {
  export interface HttpContext {
    bouncer: Bouncer<AdminUser, typeof abilities, typeof policies>
  }
}
