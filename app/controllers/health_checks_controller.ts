import type { HttpContext } from '@adonisjs/core/http'
import { healthChecks } from '#start/health'

export default class HealthChecksController {
  /**
   * 200 while the shop can serve, 503 as soon as a dependency (the database)
   * is unreachable, so a load balancer stops sending traffic here.
   */
  async show({ response }: HttpContext) {
    const report = await healthChecks().run()
    return report.isHealthy ? response.ok(report) : response.serviceUnavailable(report)
  }
}
