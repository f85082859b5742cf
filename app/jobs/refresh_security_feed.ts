import app from '@adonisjs/core/services/app'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import AdvisoryFeed from '#services/security/advisory_feed'

/**
 * Fetches and verifies the security advisory feed every day. A refused feed is
 * recorded for the Security page and the previous copy stays in use; retrying
 * at once would not make a bad signature good, so the next run is tomorrow's.
 */
export default class RefreshSecurityFeed extends Job<Record<string, never>> {
  static options: JobOptions = { maxRetries: 0 }

  async execute() {
    const feed = await app.container.make(AdvisoryFeed)
    await feed.refresh()
  }
}
