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
   * Behind a load balancer, trust its X-Forwarded-* headers (for request.ip() in rate
   * limits and the audit log) only from the loopback and private ranges.
   */
  trustProxy: (address) => /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$)/.test(address),
  cookie: {
    domain: '',
    path: '/',
    maxAge: '2h',
    httpOnly: true,
    secure: app.inProduction,
    sameSite: 'lax',
  },
})
