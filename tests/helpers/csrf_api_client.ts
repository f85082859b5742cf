import Tokens from 'csrf'
import { ApiClient, ApiRequest } from '@japa/api-client'
import type { PluginFn } from '@japa/runner/types'
import csrfConfig from '#config/csrf'
import { csrfCookieValue } from '#support/csrf'

const CSRF_ENABLED = Symbol.for('CSRF_ENABLED')

declare module '@japa/api-client' {
  interface ApiRequest {
    [CSRF_ENABLED]?: boolean
    /** Sends a valid CSRF token, as a page's form would (app/middleware/csrf_middleware.ts). */
    withCsrfToken(): this
  }
}

/**
 * `request.withCsrfToken()` for functional tests: a fresh secret in the
 * visitor's CSRF cookie and a token made from it in the header.
 */
export function csrfApiClient(): PluginFn {
  return () => {
    ApiRequest.macro('withCsrfToken', function (this: ApiRequest) {
      this[CSRF_ENABLED] = true
      return this
    })
    ApiClient.setup(async (request) => {
      if (!request[CSRF_ENABLED]) return
      const tokens = new Tokens()
      const secret = tokens.secretSync()
      request.withPlainCookie(csrfConfig.cookieName, csrfCookieValue(secret))
      request.header('x-csrf-token', tokens.create(secret))
    })
  }
}
