import AdminUser from '#models/admin_user'
import { type LoginAttempt, throttledLogin } from '#services/login_throttle'

export type AdminLoginResult = LoginAttempt<AdminUser>

/**
 * Back-office sign-in, throttled like the storefront's (see login_throttle).
 */
export default class AdminLoginService {
  async attempt(email: string, password: string, ip: string): Promise<AdminLoginResult> {
    return throttledLogin('admin_login', { email, ip }, (uid) =>
      AdminUser.verifyCredentials(uid, password)
    )
  }
}
