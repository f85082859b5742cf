import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig, stores } from '@adonisjs/session'

/**
 * Sessions live in the shop's database: any process can serve any request, and
 * a session that ends (sign-out, revoked access) is gone for good.
 */
const sessionConfig = defineConfig({
  enabled: true,
  cookieName: 'comptoir-session',
  clearWithBrowser: false,
  age: '2h',
  cookie: {
    path: '/',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
  store: env.get('SESSION_DRIVER'),
  stores: {
    database: stores.database({ tableName: 'sessions' }),
  },
})

export default sessionConfig
