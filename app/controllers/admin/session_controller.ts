import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { adminLoginValidator } from '#validators/admin_session'
import AdminLoginService from '#services/admin_login_service'
import AdminSsoService from '#services/sso/admin_sso_service'
import { ADMIN_SSO_SESSION_KEY, PROVIDER_LOGOUT_FLASH } from '#support/sso_flow'
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
  async store(ctx: HttpContext, login: AdminLoginService, adminSso: AdminSsoService) {
    const { request, response, session, auth, i18n } = ctx
    const { email, password } = await request.validateUsing(adminLoginValidator)
    // SSO made mandatory by an owner: the password form is the break-glass account's only.
    if (!(await adminSso.passwordAllowed(email))) {
      session.flashExcept(['password'])
      session.flash('error', i18n.t('sso.errors.password_disabled'))
      return response.redirect().toRoute('admin.login')
    }
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

  /**
   * After an SSO sign-in, the login page offers to sign out at the provider
   * too (a link: the CSP's form-action keeps this form's redirects on site).
   */
  @inject()
  async destroy({ auth, response, session }: HttpContext, adminSso: AdminSsoService) {
    const providerLogout = await adminSso.signOutUrl(session.pull(ADMIN_SSO_SESSION_KEY, null))
    await auth.use('admin').logout()
    if (providerLogout) session.flash(PROVIDER_LOGOUT_FLASH, providerLogout)
    return response.redirect().toRoute('admin.login')
  }
}
