import { errors as authErrors } from '@adonisjs/auth'
import limiter from '@adonisjs/limiter/services/main'

export type LoginAttempt<User> =
  | { status: 'signed_in'; user: User }
  | { status: 'invalid_credentials' }
  | { status: 'throttled'; retryAfterSeconds: number }

/**
 * Which sign-in form is being guarded; each counts its failures apart.
 * "admin_two_factor" counts wrong second-factor codes of one account.
 */
export type LoginScope = 'admin_login' | 'admin_two_factor' | 'customer_login'

/**
 * Failed sign-ins are counted twice: five for one email from one address within
 * 15 minutes lock that pair out for 15 minutes, and twenty for one email from
 * any address within an hour lock the email out for an hour, so changing
 * address does not buy more guesses. Only failures count.
 */
function failedLoginLimits(scope: LoginScope, email: string, ip: string) {
  return limiter.multi([
    {
      key: `${scope}:${ip}:${email}`,
      requests: 5,
      duration: '15 mins',
      blockDuration: '15 mins',
    },
    { key: `${scope}:${email}`, requests: 20, duration: '1 hour', blockDuration: '1 hour' },
  ])
}

/**
 * Checks credentials with `verify` (an auth finder's `verifyCredentials`)
 * unless the email is locked out, and counts a failure when they are wrong.
 * The email is trimmed and lower-cased first, as accounts store it.
 */
export async function throttledLogin<User>(
  scope: LoginScope,
  credentials: { email: string; ip: string },
  verify: (email: string) => Promise<User>
): Promise<LoginAttempt<User>> {
  const email = credentials.email.trim().toLowerCase()
  try {
    const [throttled, user] = await failedLoginLimits(scope, email, credentials.ip).penalize(() =>
      verify(email)
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
