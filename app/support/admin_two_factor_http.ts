import app from '@adonisjs/core/services/app'
import type { HttpContext } from '@adonisjs/core/http'
import { REMEMBER_DEVICE_DAYS, type RememberedDevice } from '#domain/two_factor'

/** Session key of the "password verified, waiting for the code" state. */
export const PENDING_SIGN_IN_KEY = 'admin_two_factor_pending'

/** The encrypted "remember this device" cookie, sent to the back office only. */
export const REMEMBERED_DEVICE_COOKIE = 'comptoir-admin-device'
const COOKIE_OPTIONS = {
  path: '/admin',
  httpOnly: true,
  sameSite: 'lax',
  secure: app.inProduction,
} as const

export function readRememberedDevice({ request }: HttpContext): unknown {
  return request.encryptedCookie(REMEMBERED_DEVICE_COOKIE) ?? null
}

export function setRememberedDevice({ response }: HttpContext, claim: RememberedDevice) {
  response.encryptedCookie(REMEMBERED_DEVICE_COOKIE, claim, {
    ...COOKIE_OPTIONS,
    maxAge: `${REMEMBER_DEVICE_DAYS}d`,
  })
}

export function forgetRememberedDevice({ response }: HttpContext) {
  response.clearCookie(REMEMBERED_DEVICE_COOKIE, COOKIE_OPTIONS)
}
