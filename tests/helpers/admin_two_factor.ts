import type { ApiClient } from '@japa/api-client'
import { Secret, TOTP } from 'otpauth'
import app from '@adonisjs/core/services/app'
import type AdminUser from '#models/admin_user'
import AdminTwoFactorService from '#services/two_factor/admin_two_factor_service'
import { TOTP_PERIOD_SECONDS } from '#domain/two_factor'
import { PENDING_SIGN_IN_KEY } from '#support/admin_two_factor_http'

export const ADMIN_PASSWORD = 'correct-horse-battery'
export const ADMIN_IP = '203.0.113.10'

/** The code an authenticator app shows for `secret` at `atMs`, as the phone computes it. */
export function totpCode(secret: string, atMs = Date.now()): string {
  return new TOTP({
    secret: Secret.fromBase32(secret.replace(/\s+/g, '')),
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
  }).generate({ timestamp: atMs })
}

/** The code of the step before now: still within the window, unused by a later sign-in. */
export function previousCode(secret: string): string {
  return totpCode(secret, Date.now() - TOTP_PERIOD_SECONDS * 1000)
}

/**
 * Enrols an account in 2FA the way the security page does, confirming with
 * the previous step's code so the current one is still unused for the test.
 */
export async function enrolTwoFactor(user: AdminUser) {
  const twoFactor = await app.container.make(AdminTwoFactorService)
  await twoFactor.startEnrolment(user)
  const { enrolment } = await twoFactor.overview(user)
  const secret = enrolment!.groupedSecret.replace(/ /g, '')
  const result = await twoFactor.confirmEnrolment(user, previousCode(secret), '127.0.0.1')
  if (result.status !== 'enabled') throw new Error(`Enrolment refused: ${result.status}`)
  return { secret, recoveryCodes: result.recoveryCodes }
}

/** Posts the back-office password form from the given address. */
export function postPassword(client: ApiClient, user: Pick<AdminUser, 'email'>, ip = ADMIN_IP) {
  return client
    .post('/admin/login')
    .header('x-forwarded-for', ip)
    .form({ email: user.email, password: ADMIN_PASSWORD })
    .withCsrfToken()
    .redirects(0)
}

/**
 * Posts the code step with the session the password step left
 * ("password verified, waiting for the code").
 */
export function postCode(
  client: ApiClient,
  pending: object,
  code: string,
  { ip = ADMIN_IP, remember = false } = {}
) {
  return client
    .post('/admin/login/two-factor')
    .header('x-forwarded-for', ip)
    .withSession({ [PENDING_SIGN_IN_KEY]: pending })
    .form(remember ? { code, remember: '1' } : { code })
    .withCsrfToken()
    .redirects(0)
}
