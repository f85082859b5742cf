import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { parisDate } from '#domain/paris_time'
import { openAdvisories } from '#domain/security_advisories'
import AdvisoryFeed from '#services/security/advisory_feed'
import SecurityAudit from '#services/security/security_audit'
import { lastIntegrityCheck } from '#services/security/file_integrity'
import PluginKernel from '#plugin_kernel/plugin_kernel'

@inject()
export default class SecurityController {
  constructor(
    protected audit: SecurityAudit,
    protected feed: AdvisoryFeed
  ) {}

  /** The components, the open advisories with their due dates and remedies, the feed's state. */
  async show({ view, containerResolver }: HttpContext) {
    const report = await this.audit.report()
    const kernel = await containerResolver.make(PluginKernel)
    return view.render('pages/admin/security/show', {
      report,
      open: openAdvisories(report.components),
      today: parisDate(new Date()),
      closed: report.components
        .flatMap((component) => component.advisories)
        .filter((entry) => entry.state !== 'unpatched'),
      integrity: await lastIntegrityCheck(),
      hotfixes: await kernel.patches.hotfixes(),
    })
  }

  /** Fetches the feed now rather than at the next scheduled run. */
  async refresh({ response, session, i18n }: HttpContext) {
    const result = await this.feed.refresh()
    if (result.status === 'rejected') {
      session.flash('error', i18n.t('admin_security.refresh.rejected', { error: result.error }))
    } else {
      session.flash(
        'success',
        i18n.t(`admin_security.refresh.${result.status}`, {
          count: result.feed.advisories.length,
          added: result.status === 'updated' ? result.added.length : 0,
        })
      )
    }
    return response.redirect().toRoute('admin.security.show')
  }
}
