import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SettingsService from '#services/settings_service'
import { shopSettingsValidator } from '#validators/settings'

@inject()
export default class SettingsController {
  constructor(protected settings: SettingsService) {}

  async edit({ view }: HttpContext) {
    return view.render('pages/admin/settings', { settings: await this.settings.all() })
  }

  async update({ request, response, session, auth, i18n }: HttpContext) {
    const { shopName } = await request.validateUsing(shopSettingsValidator)
    await this.settings.update({ 'shop.name': shopName }, auth.user!, request.ip())
    session.flash('success', i18n.t('admin.settings.saved'))
    return response.redirect().toRoute('admin.settings.edit')
  }
}
