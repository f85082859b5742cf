import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { adminLoginValidator } from '#validators/admin_session'
import AdminLoginService from '#services/admin_login_service'
import AdminUserService from '#services/admin_user_service'

export default class SessionController {
  async create({ view }: HttpContext) {
    return view.render('pages/admin/login')
  }

  /**
   * One generic message for a wrong email or password, so the form does not
   * reveal which staff accounts exist.
   */
  @inject()
  async store(ctx: HttpContext, login: AdminLoginService, adminUsers: AdminUserService) {
    const { request, response, session, auth, i18n } = ctx
    const { email, password } = await request.validateUsing(adminLoginValidator)
    const result = await login.attempt(email, password, request.ip())

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
    await adminUsers.recordSignIn(result.user, request.ip())
    return response.redirect().toRoute('admin.dashboard')
  }

  async destroy({ auth, response }: HttpContext) {
    await auth.use('admin').logout()
    return response.redirect().toRoute('admin.login')
  }
}
