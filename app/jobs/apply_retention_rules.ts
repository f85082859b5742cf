import app from '@adonisjs/core/services/app'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import RetentionSweep from '#services/privacy/retention_sweep'

/**
 * Applies the retention periods every day (LEGAL.md R-05, P-09) and reports
 * what it removed in the audit log.
 */
export default class ApplyRetentionRules extends Job<Record<string, never>> {
  static options: JobOptions = { maxRetries: 3 }

  async execute() {
    const sweep = await app.container.make(RetentionSweep)
    await sweep.run()
  }
}
