import { errors as authErrors } from '@adonisjs/auth'
import limiter from '@adonisjs/limiter/services/main'
import AdminUser from '#models/admin_user'

export type AdminLoginResult =
  | { status: 'signed_in'; user: AdminUser }
  | { status: 'invalid_credentials' }
  | { status: 'throttled'; retryAfterSeconds: number }

/**
 * Five failed attempts for one email from one address within 15 minutes lock
 * that pair out for 15 minutes. Only failures count, so staff who type the
 * right password are never slowed down.
 */
const failedLogins = () =>
  limiter.use({ requests: 5, duration: '15 mins', blockDuration: '15 mins' })

export default class AdminLoginService {
  async attempt(email: string, password: string, ip: string): Promise<AdminLoginResult> {
    const uid = email.trim().toLowerCase()
    try {
      const [throttled, user] = await failedLogins().penalize(`admin_login:${ip}:${uid}`, () =>
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
