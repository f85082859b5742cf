import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { RETRY_AFTER } from '#domain/maintenance'
import MaintenanceService from '#services/maintenance_service'
import { CORE_OWNER } from '#plugin_kernel/maintenance_journal'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import { adminActor } from '#support/admin_actor'
import { maintenanceValidator } from '#validators/maintenance'

@inject()
export default class MaintenanceController {
  constructor(protected maintenance: MaintenanceService) {}

  /**
   * The mode and its options, then the patches: the core's pending ones and
   * the journal of every patch and plugin migration (what changed, when, by
   * whom), the evidence an assessor asks for.
   */
  async show({ view, request, containerResolver }: HttpContext) {
    const state = await this.maintenance.read()
    const kernel = await containerResolver.make(PluginKernel)
    return view.render('pages/admin/maintenance', {
      pendingPatches: await kernel.patches.pending(CORE_OWNER),
      journal: await kernel.journal.history({ limit: 200 }),
      maintenance: state,
      form: state.enabled
        ? { allowedIps: state.allowedIps.join('\n'), retryAfter: state.retryAfter }
        : { allowedIps: '', retryAfter: RETRY_AFTER.default },
      clientIp: request.ip(),
    })
  }

  async update(ctx: HttpContext) {
    const [error, options] = await maintenanceValidator.tryValidate(ctx.request.all(), {
      messagesProvider: ctx.i18n.createMessagesProvider(),
    })
    if (error) {
      // The secret is not flashed back with the other input: it would sit in clear in the session store.
      ctx.session.flashValidationErrors(error, false)
      ctx.session.flashExcept(['_csrf', '_method', 'secret'])
      return ctx.response.redirect().back()
    }
    const { outcome } = await this.maintenance.turnOn(options, adminActor(ctx))
    ctx.session.flash('success', ctx.i18n.t(`admin.maintenance.${outcome}`))
    return ctx.response.redirect().toRoute('admin.maintenance.show')
  }

  async destroy(ctx: HttpContext) {
    const { outcome } = await this.maintenance.turnOff(adminActor(ctx))
    const message = outcome === 'disabled' ? 'disabled' : 'already_off'
    ctx.session.flash('success', ctx.i18n.t(`admin.maintenance.${message}`))
    return ctx.response.redirect().toRoute('admin.maintenance.show')
  }
}
