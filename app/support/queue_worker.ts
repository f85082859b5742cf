import { Worker } from '@adonisjs/queue'
import type { QueueConfig } from '@adonisjs/queue/types'
import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Builds a queue worker from config/queue.ts, the way `node ace queue:work`
 * does, for the demo's in-process worker and for tests that drive one.
 */
export async function createQueueWorker(app: ApplicationService): Promise<Worker> {
  const config = app.config.get<QueueConfig>('queue')
  const adapters = Object.fromEntries(
    await Promise.all(
      Object.entries(config.adapters).map(async ([name, adapter]) => [
        name,
        typeof adapter === 'function' ? adapter : await adapter.resolver(app),
      ])
    )
  )

  return new Worker({
    ...config,
    autoLoadJobs: false,
    adapters,
    jobFactory: (JobClass) => app.container.make(JobClass),
    logger: config.logger ?? (await app.container.make('logger')),
  })
}
