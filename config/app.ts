import proxyAddr from 'proxy-addr'
import env from '#start/env'
import app from '@adonisjs/core/services/app'
import { defineConfig } from '@adonisjs/core/http'

/**
 * Encrypts cookies and sessions, signs URLs and seals secrets at rest.
 * Losing or changing it makes that data unreadable: keep it safe.
 */
export const appKey = env.get('APP_KEY')

/**
 * Absolute base URL, for links in emails and feeds.
 */
export const appUrl = env.get('APP_URL')

/**
 * The shop's time zone: dates shown to shoppers and staff are in French time.
 */
export const timeZone = 'Europe/Paris'

export const http = defineConfig({
  generateRequestId: true,
  allowMethodSpoofing: true,
  useAsyncLocalStorage: false,
  /**
   * Behind a load balancer, trust X-Forwarded-* headers (for request.ip() in rate
   * limits and the audit log) only from loopback and private addresses.
   */
  trustProxy: proxyAddr.compile(['loopback', 'linklocal', 'uniquelocal']),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
