import { errors as authErrors } from '@adonisjs/auth'
import limiter from '@adonisjs/limiter/services/main'
import AdminUser from '#models/admin_user'

export type AdminLoginResult =
  | { status: 'signed_in'; user: AdminUser }
  | { status: 'invalid_credentials' }
  | { status: 'throttled'; retryAfterSeconds: number }

/**
 * Failed sign-ins are counted twice: five for one email from one address within
 * 15 minutes lock that pair out for 15 minutes, and twenty for one email from
 * any address within an hour lock the email out for an hour, so changing
 * address does not buy more guesses. Only failures count.
 */
function failedLoginLimits(email: string, ip: string) {
  return limiter.multi([
    {
      key: `admin_login:${ip}:${email}`,
      requests: 5,
      duration: '15 mins',
      blockDuration: '15 mins',
    },
    { key: `admin_login:${email}`, requests: 20, duration: '1 hour', blockDuration: '1 hour' },
  ])
}

export default class AdminLoginService {
  async attempt(email: string, password: string, ip: string): Promise<AdminLoginResult> {
    const uid = email.trim().toLowerCase()
    try {
      const [throttled, user] = await failedLoginLimits(uid, ip).penalize(() =>
        AdminUser.verifyCredentials(uid, password)
      )
      if (throttled) {
        return { status: 'throttled', retryAfterSeconds: throttled.response.availableIn }
      }
      return { status: 'signed_in', user }
    } catch (error) {
      if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
        return { status: 'invalid_credentials' }
      }
      throw error
    }
  }
}
