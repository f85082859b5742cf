import app from '@adonisjs/core/services/app'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import PublicPriceRecorder from '#services/pricing/public_price_recorder'

/**
 * Writes to the price history the public prices that promotions starting or
 * ending changed, at the instant they did (LEGAL.md PR-01, PR-07).
 */
export default class RecordPublicPrices extends Job<Record<string, never>> {
  static options: JobOptions = { maxRetries: 3 }

  async execute() {
    const recorder = await app.container.make(PublicPriceRecorder)
    await recorder.recordTransitions()
  }
}
