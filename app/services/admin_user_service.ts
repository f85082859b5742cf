import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import AdminUser from '#models/admin_user'
import AuditLogService from '#services/audit_log_service'
import type { AdminRole } from '#domain/admin_permissions'
import type { SecondFactorMethod } from '#domain/two_factor'

export interface NewAdminUser {
  email: string
  fullName: string
  password: string
  role: AdminRole
}

/**
 * Staff accounts: creation (from the admin:create command, the demo seed and,
 * later, the back office) and the record of each sign-in.
 */
@inject()
export default class AdminUserService {
  constructor(protected auditLog: AuditLogService) {}

  /**
   * Creates the account; the password is hashed by the model before insert.
   * `createdBy` is null when the account is created from the command line.
   */
  async create(input: NewAdminUser, createdBy: AdminUser | null = null, ip: string | null = null) {
    return db.transaction(async (trx) => {
      const user = await AdminUser.create(input, { client: trx })
      await this.auditLog.record(
        {
          actor: createdBy,
          action: 'admin_user.create',
          entityType: 'admin_user',
          entityId: user.id,
          changes: { email: user.email, role: user.role },
          ip,
        },
        trx
      )
      return user
    })
  }

  /** `secondFactor`: how the second step was passed, for an account with 2FA. */
  async recordSignIn(user: AdminUser, ip: string, secondFactor: SecondFactorMethod | null = null) {
    await db.transaction(async (trx) => {
      user.useTransaction(trx)
      user.lastLoginAt = DateTime.now()
      await user.save()
      await this.auditLog.record(
        {
          actor: user,
          action: 'admin_user.sign_in',
          entityType: 'admin_user',
          entityId: user.id,
          changes: secondFactor ? { secondFactor } : null,
          ip,
        },
        trx
      )
    })
  }
}
