/*
|--------------------------------------------------------------------------
| Environment variables
|--------------------------------------------------------------------------
|
| Validated once at boot: a missing or malformed variable stops the process
| with a message that says what to do, instead of failing later mid-request.
|
*/

import { Env } from '@adonisjs/core/env'
import { Secret } from '@adonisjs/core/helpers'

export default await Env.create(new URL('../', import.meta.url), {
  NODE_ENV: Env.schema.enum(['development', 'production', 'test'] as const),
  PORT: Env.schema.number(),
  HOST: Env.schema.string({ format: 'host' }),
  APP_URL: Env.schema.string({ format: 'url', tld: false }),
  LOG_LEVEL: Env.schema.string(),

  /**
   * Encrypts cookies, sessions and secrets stored at rest. Without it nothing is safe,
   * so the process refuses to start and says how to create one.
   */
  APP_KEY: (name: string, value?: string) => {
    if (!value || value.length < 32) {
      throw new Error(
        `${name} is missing or shorter than 32 characters. Run "node ace generate:key" ` +
          `(or "npm run demo", which creates .env with a fresh key) and start again.`
      )
    }
    return new Secret(value)
  },

  SESSION_DRIVER: Env.schema.enum(['database', 'memory', 'redis'] as const),

  DB_CONNECTION: Env.schema.enum.optional(['sqlite', 'mysql'] as const),
  SQLITE_PATH: Env.schema.string.optional(),
  DB_HOST: Env.schema.string.optional({ format: 'host' }),
  DB_PORT: Env.schema.number.optional(),
  DB_USER: Env.schema.string.optional(),
  DB_PASSWORD: Env.schema.string.optional(),
  DB_DATABASE: Env.schema.string.optional(),
  /** MySQL/MariaDB connections per process (10): processes × this must fit max_connections. */
  DB_POOL_MAX: Env.schema.number.optional(),

  QUEUE_DRIVER: Env.schema.enum.optional(['database', 'sync'] as const),
  /**
   * Runs a queue worker inside the web process (what `npm run demo` does), so a
   * demo needs no second process.
   */
  QUEUE_INLINE_WORKER: Env.schema.boolean.optional(),
  LIMITER_STORE: Env.schema.enum.optional(['database', 'memory', 'redis'] as const),

  /** The page cache and other shared caches: `memory` (one process) or `redis` (several). */
  CACHE_STORE: Env.schema.enum.optional(['memory', 'redis'] as const),
  CACHE_MEMORY_MB: Env.schema.number.optional(),
  /** Full-page cache of anonymous storefront pages (on unless set to false). */
  PAGE_CACHE: Env.schema.boolean.optional(),
  REDIS_HOST: Env.schema.string.optional({ format: 'host' }),
  REDIS_PORT: Env.schema.number.optional(),
  REDIS_PASSWORD: Env.schema.string.optional(),
  REDIS_DB: Env.schema.number.optional(),
  REDIS_PREFIX: Env.schema.string.optional(),

  DRIVE_DISK: Env.schema.enum.optional(['fs', 's3'] as const),
  MEDIA_PATH: Env.schema.string.optional(),
  S3_BUCKET: Env.schema.string.optional(),
  S3_REGION: Env.schema.string.optional(),
  S3_ENDPOINT: Env.schema.string.optional(),
  S3_ACCESS_KEY_ID: Env.schema.string.optional(),
  S3_SECRET_ACCESS_KEY: Env.schema.string.optional(),

  /** Outgoing e-mail: `file` writes .eml files under tmp/mail (development, demo). */
  MAIL_TRANSPORT: Env.schema.enum.optional(['smtp', 'file'] as const),
  MAIL_FROM_ADDRESS: Env.schema.string.optional({ format: 'email' }),
  MAIL_FROM_NAME: Env.schema.string.optional(),
  SMTP_HOST: Env.schema.string.optional({ format: 'host' }),
  SMTP_PORT: Env.schema.number.optional(),
  SMTP_USERNAME: Env.schema.string.optional(),
  SMTP_PASSWORD: Env.schema.string.optional(),

  /** Milliseconds a plugin provider may take before it is skipped for a request. */
  PLUGIN_TIMEOUT_MS: Env.schema.number.optional(),

  /** The signed security advisory feed: a URL (http, https, file) or a path (config/security.ts). */
  SECURITY_FEED_URL: Env.schema.string.optional(),
  /** Keys trusted to sign it: PEM blocks or base64 raw Ed25519 keys; the project's key when unset. */
  SECURITY_FEED_PUBLIC_KEYS: Env.schema.string.optional(),
  SECURITY_FEED_TIMEOUT_MS: Env.schema.number.optional(),
})
