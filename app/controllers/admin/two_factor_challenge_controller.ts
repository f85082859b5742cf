import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import AdminLoginService from '#services/admin_login_service'
import { twoFactorChallengeValidator } from '#validators/admin_two_factor'
import { livePendingSignIn } from '#domain/two_factor'
import { PENDING_SIGN_IN_KEY, setRememberedDevice } from '#support/admin_two_factor_http'

/**
 * The second sign-in step, reached only with a fresh "password verified"
 * state in the session; without one, back to the password.
 */
export default class TwoFactorChallengeController {
  async show(ctx: HttpContext) {
    if (!this.pending(ctx)) return this.restart(ctx)
    return ctx.view.render('pages/admin/login_two_factor')
  }

  @inject()
  async store(ctx: HttpContext, login: AdminLoginService) {
    const { request, response, session, auth, i18n } = ctx
    const pending = this.pending(ctx)
    if (!pending) return this.restart(ctx)
    const { code, remember } = await request.validateUsing(twoFactorChallengeValidator)
    const result = await login.secondStep(pending.adminUserId, code, request.ip())

    if (result.status !== 'signed_in') {
      session.flash(
        'error',
        result.status === 'throttled'
          ? i18n.t('admin_two_factor.challenge.throttled', {
              minutes: Math.ceil(result.retryAfterSeconds / 60),
            })
          : i18n.t('admin_two_factor.challenge.invalid_code')
      )
      return response.redirect().toRoute('admin.login.two_factor')
    }

    session.forget(PENDING_SIGN_IN_KEY)
    await auth.use('admin').login(result.user)
    if (remember) {
      const claim = await login.deviceClaim(result.user)
      if (claim) setRememberedDevice(ctx, claim)
    }
    if (result.secondFactor === 'recovery_code') {
      session.flash('success', i18n.t('admin_two_factor.challenge.recovery_code_used'))
    }
    return response.redirect().toRoute('admin.dashboard')
  }

  private pending({ session }: HttpContext) {
    return livePendingSignIn(session.get(PENDING_SIGN_IN_KEY), Date.now())
  }

  private restart({ session, response, i18n }: HttpContext) {
    if (session.has(PENDING_SIGN_IN_KEY)) {
      session.forget(PENDING_SIGN_IN_KEY)
      session.flash('error', i18n.t('admin_two_factor.challenge.expired'))
    }
    return response.redirect().toRoute('admin.login')
  }
}
