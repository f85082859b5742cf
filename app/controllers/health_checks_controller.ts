import type { HttpContext } from '@adonisjs/core/http'
import { healthChecks } from '#start/health'

export default class HealthChecksController {
  /**
   * 200 while the shop can serve, 503 as soon as a dependency (the database)
   * is unreachable, so a load balancer stops sending traffic here. The answer
   * is public, so it names each check's status and nothing else: no error
   * message, host, version or process detail.
   */
  async show({ response }: HttpContext) {
    const report = await healthChecks().run()
    const body = {
      healthy: report.isHealthy,
      checks: Object.fromEntries(report.checks.map((check) => [check.name, check.status])),
    }
    return report.isHealthy ? response.ok(body) : response.serviceUnavailable(body)
  }
}
