import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DashboardService from '#services/dashboard_service'

export default class DashboardController {
  @inject()
  async show({ view, bouncer }: HttpContext, dashboard: DashboardService) {
    const showsActivity = await bouncer.allows('useBackOffice', 'audit_log.view')
    return view.render('pages/admin/dashboard', {
      counts: await dashboard.counts(),
      activity: showsActivity ? await dashboard.recentActivity() : null,
    })
  }
}
