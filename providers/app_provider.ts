import env from '#start/env'
import type { Worker } from '@adonisjs/queue'
import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Application-level wiring that only a running web server needs: recurring job
 * schedules, and the in-process queue worker of `npm run demo`.
 */
export default class AppProvider {
  #worker?: Worker

  constructor(protected app: ApplicationService) {}

  async ready() {
    if (this.app.getEnvironment() !== 'web') {
      return
    }

    const { registerSchedules } = await import('#start/schedule')
    await registerSchedules()

    if (env.get('QUEUE_INLINE_WORKER')) {
      const { createQueueWorker } = await import('#support/queue_worker')
      this.#worker = await createQueueWorker(this.app)
      void this.#worker.start(['default'])
    }
  }

  async shutdown() {
    await this.#worker?.stop()
  }
}
