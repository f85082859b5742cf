import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type AdminUser from '#models/admin_user'
import AdminTwoFactorService, {
  type CodeRefusal,
} from '#services/two_factor/admin_two_factor_service'
import { twoFactorCodeValidator, twoFactorDisableValidator } from '#validators/admin_two_factor'
import { forgetRememberedDevice } from '#support/admin_two_factor_http'

/**
 * The signed-in member of staff's own security page: enrolling in 2FA (QR
 * code, then a first code), new recovery codes, switching 2FA off. Recovery
 * codes are rendered in the response that creates them and kept nowhere
 * readable.
 */
@inject()
export default class AccountSecurityController {
  constructor(protected twoFactor: AdminTwoFactorService) {}

  async show({ view, auth, response }: HttpContext) {
    noStore(response)
    return view.render('pages/admin/account_security/show', {
      twoFactor: await this.twoFactor.overview(auth.user as AdminUser),
    })
  }

  async startEnrolment({ auth, response }: HttpContext) {
    await this.twoFactor.startEnrolment(auth.user as AdminUser)
    return response.redirect().toRoute('admin.account.security.show')
  }

  async confirmEnrolment(ctx: HttpContext) {
    const { request, auth, view } = ctx
    const { code } = await request.validateUsing(twoFactorCodeValidator)
    const result = await this.twoFactor.confirmEnrolment(auth.user as AdminUser, code, request.ip())
    if (result.status !== 'enabled') return this.refused(ctx, result)
    forgetRememberedDevice(ctx)
    noStore(ctx.response)
    return view.render('pages/admin/account_security/recovery_codes', {
      codes: result.recoveryCodes,
      enrolled: true,
    })
  }

  async regenerateRecoveryCodes(ctx: HttpContext) {
    const { request, auth, view } = ctx
    const { code } = await request.validateUsing(twoFactorCodeValidator)
    const result = await this.twoFactor.regenerateRecoveryCodes(
      auth.user as AdminUser,
      code,
      request.ip()
    )
    if (result.status !== 'regenerated') return this.refused(ctx, result)
    noStore(ctx.response)
    return view.render('pages/admin/account_security/recovery_codes', {
      codes: result.recoveryCodes,
      enrolled: false,
    })
  }

  async disable(ctx: HttpContext) {
    const { request, auth, response, session, i18n } = ctx
    const { password, code } = await request.validateUsing(twoFactorDisableValidator)
    const result = await this.twoFactor.disable(
      auth.user as AdminUser,
      password,
      code,
      request.ip()
    )
    if (result.status !== 'disabled') return this.refused(ctx, result)
    forgetRememberedDevice(ctx)
    session.flash('success', i18n.t('admin_two_factor.security.disabled'))
    return response.redirect().toRoute('admin.account.security.show')
  }

  private refused({ session, response, i18n }: HttpContext, refusal: CodeRefusal) {
    session.flash(
      'error',
      i18n.t(`admin_two_factor.errors.${refusal.status}`, {
        minutes: 'retryAfterSeconds' in refusal ? Math.ceil(refusal.retryAfterSeconds / 60) : 0,
      })
    )
    return response.redirect().toRoute('admin.account.security.show')
  }
}

/** The TOTP secret and recovery codes are shown once: no copy in any cache (back button included). */
function noStore(response: HttpContext['response']) {
  response.header('cache-control', 'private, no-store')
}
