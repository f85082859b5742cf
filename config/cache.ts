import env from '#start/env'
import { defineConfig, store, drivers } from '@adonisjs/cache'

/**
 * `memory`: one process keeps its own cache (the demo, a single process).
 * `redis`: every process keeps a memory copy in front of a shared Redis one,
 * and a Redis bus tells the others when an entry or a tag is purged, so a
 * price changed in the back office is fresh on every process at once.
 */
const memory = () =>
  drivers.memory({ maxSize: env.get('CACHE_MEMORY_MB', 64) * 1024 * 1024, maxItems: 20_000 })

const cacheConfig = defineConfig({
  default: env.get('CACHE_STORE', 'memory'),
  stores: {
    memory: store().useL1Layer(memory()),
    // Declared only when chosen: a store connects at boot, and a shop without Redis must start.
    ...(env.get('CACHE_STORE') === 'redis' && {
      redis: store()
        .useL1Layer(memory())
        .useL2Layer(drivers.redis({ connectionName: 'main' }))
        .useBus(drivers.redisBus({ connectionName: 'main' })),
    }),
  },
})

export default cacheConfig

declare module '@adonisjs/cache/types' {
  interface CacheStores extends InferStores<typeof cacheConfig> {}
}
