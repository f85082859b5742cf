import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { parisDate } from '#domain/paris_time'
import { openAdvisories } from '#domain/security_advisories'
import AdvisoryFeed from '#services/security/advisory_feed'
import SecurityAudit from '#services/security/security_audit'

@inject()
export default class SecurityController {
  constructor(
    protected audit: SecurityAudit,
    protected feed: AdvisoryFeed
  ) {}

  /** The components, the open advisories with their due dates and remedies, the feed's state. */
  async show({ view }: HttpContext) {
    const report = await this.audit.report()
    return view.render('pages/admin/security/show', {
      report,
      open: openAdvisories(report.components),
      today: parisDate(new Date()),
      closed: report.components
        .flatMap((component) => component.advisories)
        .filter((entry) => entry.state !== 'unpatched'),
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
