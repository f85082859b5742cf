import { inject } from '@adonisjs/core'
import { errors as authErrors } from '@adonisjs/auth'
import AdminUser from '#models/admin_user'
import AuditLogService from '#services/audit_log_service'
import AdminUserService from '#services/admin_user_service'
import AdminTwoFactorService, {
  type SecondFactorCheck,
} from '#services/two_factor/admin_two_factor_service'
import { throttledLogin } from '#services/login_throttle'
import {
  type RememberedDevice,
  type SecondFactorMethod,
  rememberDevice,
  remembersDevice,
} from '#domain/two_factor'

export type AdminLoginResult =
  | { status: 'signed_in'; user: AdminUser; secondFactor: SecondFactorMethod | null }
  | { status: 'second_factor_required'; user: AdminUser }
  | { status: 'invalid_credentials' }
  | { status: 'throttled'; retryAfterSeconds: number }

/**
 * Back-office sign-in in one or two steps: the password (throttled like the
 * storefront's, see login_throttle), then, for an account with 2FA, a code
 * (throttled per account and address the same way) unless this browser was
 * remembered. Every outcome lands in the audit log with the address.
 */
@inject()
export default class AdminLoginService {
  constructor(
    protected auditLog: AuditLogService,
    protected adminUsers: AdminUserService,
    protected twoFactor: AdminTwoFactorService
  ) {}

  /**
   * The password step. `rememberedDevice` is what this browser's "remember
   * this device" cookie holds, if anything.
   */
  async attempt(
    email: string,
    password: string,
    ip: string,
    rememberedDevice: unknown = null,
    nowMs = Date.now()
  ): Promise<AdminLoginResult> {
    const result = await throttledLogin('admin_login', { email, ip }, (uid) =>
      AdminUser.verifyCredentials(uid, password)
    )
    if (result.status !== 'signed_in') {
      const account = await AdminUser.findBy('email', email.trim().toLowerCase())
      await this.recordAttempt(account, ip, 'admin_user.sign_in_fail', {
        email: email.trim().toLowerCase(),
        reason: result.status,
      })
      return result
    }

    const { user } = result
    const device = await this.twoFactor.rememberedDeviceAccount(user)
    if (!device) return this.signIn(user, ip, null)
    if (remembersDevice(rememberedDevice, device, nowMs)) {
      return this.signIn(user, ip, 'remembered_device')
    }
    await this.recordAttempt(user, ip, 'admin_user.password_verify', null)
    return { status: 'second_factor_required', user }
  }

  /**
   * The code step, for the account whose password was verified. Five wrong
   * codes from one address (twenty from anywhere) lock the step for a while.
   */
  async secondStep(
    adminUserId: number,
    code: string,
    ip: string,
    nowMs = Date.now()
  ): Promise<AdminLoginResult> {
    const user = await AdminUser.find(adminUserId)
    if (!user) return { status: 'invalid_credentials' }

    let check: SecondFactorCheck | null = null
    const result = await throttledLogin('admin_two_factor', { email: user.email, ip }, async () => {
      check = await this.twoFactor.verify(user, code, ip, nowMs)
      if (check.status === 'rejected') {
        throw new authErrors.E_INVALID_CREDENTIALS('Invalid second-factor code')
      }
      return user
    })
    const outcome = check as SecondFactorCheck | null
    if (result.status === 'signed_in' && outcome?.status === 'accepted') {
      return this.signIn(user, ip, outcome.method)
    }
    await this.recordAttempt(user, ip, 'admin_user.two_factor_fail', {
      reason: outcome?.status === 'rejected' ? outcome.reason : result.status,
    })
    return result.status === 'throttled' ? result : { status: 'invalid_credentials' }
  }

  /**
   * What the "remember this device" cookie holds for 30 days, or null for an
   * account without 2FA.
   */
  async deviceClaim(user: AdminUser, nowMs = Date.now()): Promise<RememberedDevice | null> {
    const account = await this.twoFactor.rememberedDeviceAccount(user)
    return account ? rememberDevice(account, nowMs) : null
  }

  private async signIn(
    user: AdminUser,
    ip: string,
    secondFactor: SecondFactorMethod | null
  ): Promise<AdminLoginResult> {
    await this.adminUsers.recordSignIn(user, ip, secondFactor)
    return { status: 'signed_in', user, secondFactor }
  }

  /** Before sign-in nobody is proven to be the holder: recorded without an actor. */
  private recordAttempt(
    account: AdminUser | null,
    ip: string,
    action: string,
    changes: Record<string, unknown> | null
  ) {
    return this.auditLog.record({
      actor: null,
      action,
      entityType: 'admin_user',
      entityId: account?.id ?? null,
      changes,
      ip,
    })
  }
}
