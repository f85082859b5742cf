import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import DashboardService from '#services/dashboard_service'

export default class DashboardController {
  @inject()
  async show({ view }: HttpContext, dashboard: DashboardService) {
    return view.render('pages/admin/dashboard', { counts: await dashboard.counts() })
  }
}
