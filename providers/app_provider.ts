import env from '#start/env'
import type { Worker } from '@adonisjs/queue'
import { SearchEngine } from '@comptoir/contracts/search_engine'
import { CatalogStock } from '@comptoir/contracts/catalog_stock'
import type { ApplicationService } from '@adonisjs/core/types'

/**
 * Application-level wiring: the core's default service bindings, and what only
 * a running web server needs (recurring job schedules, the in-process queue
 * worker of `npm run demo`).
 */
export default class AppProvider {
  #worker?: Worker

  constructor(protected app: ApplicationService) {}

  /**
   * The built-in implementations of the core's extension points; a plugin may
   * bind its own instead.
   */
  register() {
    this.app.container.singleton(SearchEngine, async () => {
      const { default: DatabaseSearchEngine } =
        await import('#services/search/database_search_engine')
      return new DatabaseSearchEngine()
    })
    this.app.container.singleton(CatalogStock, async () => {
      const { default: CatalogStockReader } = await import('#services/catalog/catalog_stock_reader')
      return new CatalogStockReader()
    })
  }

  async ready() {
    if (this.app.getEnvironment() !== 'web') return
    const cluster = await import('#support/cluster_worker')
    if (!cluster.runsSharedDuties()) return
    if (cluster.clusterSize() > 1) await this.warnOfProcessLocalStores(cluster)

    const { registerSchedules } = await import('#start/schedule')
    await registerSchedules()

    if (env.get('QUEUE_INLINE_WORKER')) {
      const { createQueueWorker } = await import('#support/queue_worker')
      this.#worker = await createQueueWorker(this.app)
      void this.#worker.start(['default'])
    }
  }

  /** Said once per cluster, by worker 1: the shop runs, but not as it should. */
  private async warnOfProcessLocalStores(cluster: typeof import('#support/cluster_worker')) {
    const local = cluster.processLocalStores({
      SESSION_DRIVER: env.get('SESSION_DRIVER'),
      LIMITER_STORE: env.get('LIMITER_STORE', 'database'),
      CACHE_STORE: env.get('CACHE_STORE', 'memory'),
    })
    if (local.length === 0) return
    const logger = await this.app.container.make('logger')
    logger.warn(
      `${local.join(', ')}: each worker of the cluster keeps its own; use database or redis (see README, Multi-process serving)`
    )
  }

  async shutdown() {
    await this.#worker?.stop()
  }
}
