import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { type Locale, localizedPath } from '#support/locale_paths'
import { safeRedirectPath } from '#support/safe_redirect'

/**
 * Sends a shopper who is already signed in past the login and registration
 * forms: to where they were going (`next`) or to their account.
 */
export default class CustomerGuestMiddleware {
  async handle(ctx: HttpContext, next: NextFn) {
    if (await ctx.auth.use('customer').check()) {
      const destination =
        safeRedirectPath(ctx.request.input('next')) ??
        localizedPath('/account', ctx.i18n.locale as Locale)
      return ctx.response.redirect(destination)
    }
    return next()
  }
}
