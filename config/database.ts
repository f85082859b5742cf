import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/lucid'

const migrations = { naturalSort: true, paths: ['database/migrations'] }

const sqlitePath = app.makePath(env.get('SQLITE_PATH', 'tmp/comptoir.sqlite3'))
/**
 * SQLite creates the file but not its folder, which a fresh clone does not have.
 */
if (env.get('DB_CONNECTION', 'sqlite') === 'sqlite') {
  mkdirSync(dirname(sqlitePath), { recursive: true })
}

/**
 * SQLite is the embedded default (a file under tmp/), so a clone runs with no server.
 * MySQL/MariaDB is the production database. Every migration and query runs on both.
 */
const dbConfig = defineConfig({
  connection: env.get('DB_CONNECTION', 'sqlite'),
  connections: {
    sqlite: {
      client: 'better-sqlite3',
      connection: {
        filename: sqlitePath,
      },
      useNullAsDefault: true,
      migrations,
      /**
       * Infrastructure tables owned by packages get no model.
       */
      schemaGeneration: {
        rulesPaths: ['./database/schema_rules.js'],
        excludeTables: [
          'queue_jobs',
          'queue_schedules',
          'rate_limits',
          'sessions',
          'plugin_operation_locks',
        ],
      },
      /**
       * WAL lets readers work while one writer commits; the busy timeout makes a
       * second writer wait instead of failing at once. The pool stays knex's one
       * connection for SQLite: better-sqlite3 runs queries synchronously, so a
       * second connection in the same process adds nothing but a second writer.
       */
      pool: {
        afterCreate: (connection: any, done: (error: Error | null, connection: any) => void) => {
          connection.pragma('journal_mode = WAL')
          connection.pragma('busy_timeout = 5000')
          connection.pragma('foreign_keys = ON')
          done(null, connection)
        },
      },
    },
    mysql: {
      client: 'mysql2',
      connection: {
        host: env.get('DB_HOST', '127.0.0.1'),
        port: env.get('DB_PORT', 3306),
        user: env.get('DB_USER', 'comptoir'),
        password: env.get('DB_PASSWORD', ''),
        database: env.get('DB_DATABASE', 'comptoir'),
        charset: 'utf8mb4',
        timezone: 'Z',
      },
      /**
       * A Node process uses one core and one connection per query in flight: ten
       * cover a listing's parallel queries and a few concurrent requests. Every process
       * (each cluster worker, the queue worker, ace commands) opens its own pool, so
       * processes × DB_POOL_MAX plus a margin must stay under max_connections
       * (151 by default): README "Database connections". Idle connections close
       * (min 0, knex's advice); a request waits at most 10 s for one, then fails
       * rather than piling up behind an overloaded database.
       */
      pool: {
        min: 0,
        max: env.get('DB_POOL_MAX', 10),
        acquireTimeoutMillis: 10_000,
      },
      migrations,
      /**
       * database/schema.ts is generated from SQLite, the development default, so
       * running migrations on MariaDB does not rewrite it with another dialect's types.
       */
      schemaGeneration: { enabled: false },
    },
  },
})

export default dbConfig
