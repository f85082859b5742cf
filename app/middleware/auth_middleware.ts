import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import type { Authenticators } from '@adonisjs/auth/types'
import type AdminUser from '#models/admin_user'
import AdminTwoFactorService from '#services/two_factor/admin_two_factor_service'

/** What staff who must still enrol in 2FA may reach: their security page and sign-out. */
const OPEN_BEFORE_ENROLMENT = /^admin\.(account\.security\.|logout$)/

/**
 * Lets only signed-in staff through; others go to the back-office login page.
 * When the owner requires 2FA, staff without it reach nothing but the
 * enrolment page.
 */
export default class AuthMiddleware {
  redirectTo = '/admin/login'

  async handle(
    ctx: HttpContext,
    next: NextFn,
    options: { guards?: (keyof Authenticators)[] } = {}
  ) {
    await ctx.auth.authenticateUsing(options.guards, { loginRoute: this.redirectTo })
    if (
      ctx.auth.authenticatedViaGuard === 'admin' &&
      !OPEN_BEFORE_ENROLMENT.test(ctx.route?.name ?? '')
    ) {
      const twoFactor = await ctx.containerResolver.make(AdminTwoFactorService)
      if (await twoFactor.mustEnrol((ctx.auth.user as AdminUser).id)) {
        return ctx.response.redirect().toRoute('admin.account.security.show')
      }
    }
    return next()
  }
}
