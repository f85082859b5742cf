import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { barChart } from '#domain/bar_chart'
import { parisDate } from '#domain/paris_time'
import DashboardService from '#services/dashboard_service'

export default class DashboardController {
  @inject()
  async show({ view, bouncer }: HttpContext, dashboard: DashboardService) {
    const showsActivity = await bouncer.allows('useBackOffice', 'audit_log.view')
    const showsOrders = await bouncer.allows('useBackOffice', 'orders.view')
    const showsSecurity = await bouncer.allows('useBackOffice', 'security.manage')
    return view.render('pages/admin/dashboard', {
      counts: await dashboard.counts(),
      activity: showsActivity ? await dashboard.recentActivity() : null,
      gaps: await dashboard.configurationGaps(),
      deliveryGaps: await dashboard.deliveryGaps(),
      orders: showsOrders ? await this.orders(dashboard) : null,
      withdrawalAlerts: showsOrders ? await dashboard.withdrawalRefundAlerts() : [],
      guaranteeAlerts: showsOrders ? await dashboard.guaranteeClaimAlerts() : [],
      securityAlerts: showsSecurity ? await dashboard.securityAlerts() : [],
      today: parisDate(new Date()),
    })
  }

  private async orders(dashboard: DashboardService) {
    const [sales, awaitingShipment, unpaidTransfers, late] = await Promise.all([
      dashboard.salesPerDay(),
      dashboard.awaitingShipment(),
      dashboard.unpaidBankTransfers(),
      dashboard.lateOrders(),
    ])
    return {
      sales,
      ordersChart: barChart(sales.map((day) => ({ label: day.day, value: day.orders }))),
      revenueChart: barChart(sales.map((day) => ({ label: day.day, value: day.revenue }))),
      totals: {
        orders: sales.reduce((sum, day) => sum + day.orders, 0),
        revenue: sales.reduce((sum, day) => sum + day.revenue, 0),
      },
      awaitingShipment,
      unpaidTransfers,
      late,
    }
  }
}
