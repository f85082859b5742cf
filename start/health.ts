import db from '@adonisjs/lucid/services/db'
import { HealthChecks } from '@adonisjs/core/health'
import { DbCheck } from '@adonisjs/lucid/database'

/**
 * Checks run by GET /health, against whatever the primary connection is at
 * the time of the probe.
 */
export function healthChecks() {
  return new HealthChecks().register([new DbCheck(db.connection()).as('database')])
}
