import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { type Locale, localizedPath } from '#support/locale_paths'

/**
 * Lets only signed-in shoppers through to their account pages; others go to
 * the storefront login page, which brings them back here afterwards (page
 * views only: a form posted after the session ended cannot be replayed).
 */
export default class CustomerAuthMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    const login = localizedPath('/account/login', ctx.i18n.locale as Locale)
    const loginRoute =
      ctx.request.method() === 'GET'
        ? `${login}?${new URLSearchParams({ next: ctx.request.url(true) })}`
        : login
    await ctx.auth.authenticateUsing(['customer'], { loginRoute })
    return next()
  }
}
