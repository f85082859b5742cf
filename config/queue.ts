import env from '#start/env'
import { defineConfig, drivers, exponentialBackoff } from '@adonisjs/queue'

/**
 * One queue for all background work. The database adapter needs nothing but the
 * shop's own database; schedules are claimed with a row lock, so a scheduled job
 * runs once however many workers poll.
 */
export default defineConfig({
  default: env.get('QUEUE_DRIVER', 'database'),
  adapters: {
    database: drivers.database({ connectionName: env.get('DB_CONNECTION', 'sqlite') }),
    sync: drivers.sync(),
  },
  retry: {
    maxRetries: 3,
    backoff: exponentialBackoff({ baseDelay: '5s', maxDelay: '10m' }),
  },
  defaultJobOptions: {
    removeOnComplete: { age: '7d', count: 1000 },
    removeOnFail: false,
  },
  worker: {
    concurrency: 2,
    idleDelay: '2s',
    gracefulShutdown: true,
  },
  locations: ['./app/jobs/**/*.{ts,js}'],
})
