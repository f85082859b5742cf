import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SettingsService from '#services/settings_service'
import { twoFactorRequirementValidator } from '#validators/admin_two_factor'
import { adminActor } from '#support/admin_actor'

/**
 * The owner's switch making 2FA compulsory for every member of staff (the
 * settings pages are owner-only).
 */
export default class TwoFactorRequirementController {
  @inject()
  async update(ctx: HttpContext, settings: SettingsService) {
    const { request, response, session, i18n } = ctx
    const { required } = await request.validateUsing(twoFactorRequirementValidator)
    await settings.update(
      { 'admin.two_factor_required': required === true },
      adminActor(ctx).admin,
      request.ip()
    )
    session.flash(
      'success',
      i18n.t(required ? 'admin_two_factor.requirement.on' : 'admin_two_factor.requirement.off')
    )
    return response.redirect().toRoute('admin.settings.edit')
  }
}
