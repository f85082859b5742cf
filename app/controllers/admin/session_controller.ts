import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { adminLoginValidator } from '#validators/admin_session'
import AdminLoginService from '#services/admin_login_service'
import { pendingSignIn } from '#domain/two_factor'
import { PENDING_SIGN_IN_KEY, readRememberedDevice } from '#support/admin_two_factor_http'

export default class SessionController {
  async create({ view }: HttpContext) {
    return view.render('pages/admin/login')
  }

  /**
   * One generic message for a wrong email or password, so the form does not
   * reveal which staff accounts exist. With 2FA on, a right password only
   * opens the code step: the session is not signed in yet.
   */
  @inject()
  async store(ctx: HttpContext, login: AdminLoginService) {
    const { request, response, session, auth, i18n } = ctx
    const { email, password } = await request.validateUsing(adminLoginValidator)
    const result = await login.attempt(email, password, request.ip(), readRememberedDevice(ctx))

    if (result.status === 'second_factor_required') {
      session.put(PENDING_SIGN_IN_KEY, pendingSignIn(result.user.id, Date.now()))
      return response.redirect().toRoute('admin.login.two_factor')
    }
    if (result.status !== 'signed_in') {
      session.flashExcept(['password'])
      session.flash(
        'error',
        result.status === 'throttled'
          ? i18n.t('admin.login.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) })
          : i18n.t('admin.login.invalid_credentials')
      )
      return response.redirect().toRoute('admin.login')
    }

    await auth.use('admin').login(result.user)
    return response.redirect().toRoute('admin.dashboard')
  }

  async destroy({ auth, response }: HttpContext) {
    await auth.use('admin').logout()
    return response.redirect().toRoute('admin.login')
  }
}
