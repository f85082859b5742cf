import type { HttpContext } from '@adonisjs/core/http'
import type { Locale } from '@comptoir/contracts/commerce'
import PluginException from '#exceptions/plugin_exception'
import { CORE_OWNER } from '#plugin_kernel/maintenance_journal'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import { adminPluginActor } from '#support/admin_actor'

/**
 * The Plugins page: every plugin with its state and problems, its settings
 * form built from its schema, its health and its pending patches.
 */
export default class PluginsController {
  async index({ view, containerResolver }: HttpContext) {
    const kernel = await containerResolver.make(PluginKernel)
    const { rows, broken } = await kernel.overview.rows()
    return view.render('pages/admin/plugins/index', { plugins: rows, broken })
  }

  async show({ params, view, i18n, containerResolver }: HttpContext) {
    const kernel = await containerResolver.make(PluginKernel)
    const { rows } = await kernel.overview.rows()
    const plugin = rows.find((row) => row.name === params.name)
    if (!plugin) throw PluginException.notFound(params.name)

    const details = plugin.installedVersion
      ? await kernel.overview.details(plugin.name, i18n.locale as Locale)
      : null
    return view.render('pages/admin/plugins/show', { plugin, ...details })
  }

  async updateSettings(ctx: HttpContext) {
    const kernel = await ctx.containerResolver.make(PluginKernel)
    const input = ctx.request.input('settings', {})
    const result = await kernel.lifecycle.saveSettings(
      ctx.params.name,
      input,
      ctx.i18n.locale as Locale,
      adminPluginActor(ctx)
    )
    if (!result.valid) {
      const errors = Object.fromEntries(
        Object.entries(result.errors).map(([field, messages]) => [`settings.${field}`, messages])
      )
      ctx.session.flash('inputErrorsBag', errors)
      // Typed secrets are not flashed back: they would sit in clear in the session store.
      ctx.session.flash('settings', await kernel.overview.withoutSecrets(ctx.params.name, input))
      return ctx.response.redirect().toRoute('admin.plugins.show', { name: ctx.params.name })
    }
    ctx.session.flash('success', ctx.i18n.t('admin.plugins.settings_saved'))
    return ctx.response.redirect().toRoute('admin.plugins.show', { name: ctx.params.name })
  }

  async enable(ctx: HttpContext) {
    return this.changeState(ctx, 'enable')
  }

  async disable(ctx: HttpContext) {
    return this.changeState(ctx, 'disable')
  }

  async applyPatch(ctx: HttpContext) {
    const kernel = await ctx.containerResolver.make(PluginKernel)
    const reference = String(ctx.request.input('patch', ''))
    const outcome = await kernel.patches
      .applyOne(reference, adminPluginActor(ctx))
      .catch((error) => {
        if (error instanceof PluginException) return error
        throw error
      })
    if (outcome instanceof PluginException) {
      ctx.session.flash(
        'error',
        ctx.i18n.t('admin.plugins.refused.other', { reason: outcome.message })
      )
    } else if (outcome === null || outcome === 'already_applied') {
      ctx.session.flash('error', ctx.i18n.t('admin.plugins.patch_unknown', { patch: reference }))
    } else if (outcome.outcome === 'failed') {
      ctx.session.flash(
        'error',
        ctx.i18n.t('admin.plugins.patch_failed', { patch: reference, error: outcome.error })
      )
    } else {
      ctx.session.flash('success', ctx.i18n.t('admin.plugins.patch_applied', { patch: reference }))
    }
    // Core patches are listed on the Maintenance page, a plugin's on its own page.
    const [owner] = reference.split('/')
    return owner === CORE_OWNER || !owner
      ? ctx.response.redirect().toRoute('admin.maintenance.show')
      : ctx.response.redirect().toRoute('admin.plugins.show', { name: owner })
  }

  private async changeState(ctx: HttpContext, change: 'enable' | 'disable') {
    const kernel = await ctx.containerResolver.make(PluginKernel)
    try {
      await kernel.lifecycle[change](ctx.params.name, adminPluginActor(ctx))
      ctx.session.flash('success', ctx.i18n.t(`admin.plugins.${change}d`))
    } catch (error) {
      if (!(error instanceof PluginException)) throw error
      const known = ['E_PLUGIN_SETTINGS', 'E_PLUGIN_INCOMPATIBLE'].includes(error.code ?? '')
      ctx.session.flash(
        'error',
        ctx.i18n.t(`admin.plugins.refused.${known ? error.code : 'other'}`, {
          reason: error.message,
        })
      )
    }
    return ctx.response.redirect().toRoute('admin.plugins.show', { name: ctx.params.name })
  }
}
