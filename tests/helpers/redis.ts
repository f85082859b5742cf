import env from '#start/env'
import redis from '@adonisjs/redis/services/main'

/**
 * Which of the shared stores this run keeps in Redis (the multi-process
 * configuration of .ci/run), none on a plain `npm test`.
 */
export const redisStores = {
  cache: env.get('CACHE_STORE') === 'redis',
  session: env.get('SESSION_DRIVER') === 'redis',
  limiter: env.get('LIMITER_STORE') === 'redis',
}

export const usesRedis = Object.values(redisStores).some(Boolean)

/**
 * Every run starts from an empty Redis database, as it does from an empty SQL
 * one (the limiter's `clear()` flushes it again before each HTTP test). That
 * database belongs to the tests: database 0, where a shop keeps its data by
 * default, is refused.
 */
export async function flushTestRedis() {
  if (!usesRedis) return
  if (!env.get('REDIS_DB')) {
    throw new Error(
      'Tests with Redis stores flush their Redis database: set REDIS_DB to a number of their own (not 0)'
    )
  }
  await redis.flushdb()
}
