import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SettingsService from '#services/settings_service'
import { adminActor } from '#support/admin_actor'
import { withdrawalFormMessages, withdrawalSettingsValidator } from '#validators/withdrawal'

/**
 * The withdrawal settings on the settings page: the holiday calendar (W-06),
 * who bears the return cost (W-16), delivery on a partial withdrawal (W-12)
 * and the legal interest rate of late refunds (W-15).
 */
@inject()
export default class WithdrawalSettingsController {
  constructor(protected settings: SettingsService) {}

  async update(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const [error, values] = await withdrawalSettingsValidator.tryValidate(request.all(), {
      messagesProvider: withdrawalFormMessages(i18n),
    })
    if (error) {
      session.flashValidationErrors(error)
      session.flash('error', i18n.t('withdrawals.settings.invalid'))
      return response.redirect().toRoute('admin.settings.edit')
    }
    const [units, cents = ''] = values.legal_interest_rate.split(/[.,]/)
    await this.settings.update(
      {
        'withdrawal.settings': {
          calendar: values.calendar,
          returnCost: values.return_cost,
          partialDelivery: values.partial_delivery,
          legalInterestRateBp: Number(units) * 100 + Number(cents.padEnd(2, '0')),
        },
      },
      adminActor(ctx).admin,
      request.ip()
    )
    session.flash('success', i18n.t('withdrawals.settings.saved'))
    return response.redirect().toRoute('admin.settings.edit')
  }
}
