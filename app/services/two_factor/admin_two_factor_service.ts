import { createHmac, randomBytes, randomInt } from 'node:crypto'
import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import { errors as authErrors } from '@adonisjs/auth'
import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import encryption from '@adonisjs/core/services/encryption'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { appKey } from '#config/app'
import AdminTwoFactor from '#models/admin_two_factor'
import AdminRecoveryCode from '#models/admin_recovery_code'
import type AdminUser from '#models/admin_user'
import AuditLogService from '#services/audit_log_service'
import SettingsService from '#services/settings_service'
import { throttledLogin } from '#services/login_throttle'
import { matchingStep, newTotpSecret, otpauthUri, qrCodeSvg } from '#services/two_factor/totp'
import { sqlTimestamp } from '#support/sql_timestamp'
import { affectedRows } from '#support/affected_rows'
import {
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  type RememberedDevice,
  acceptsStep,
  groupSecret,
  readSecondFactor,
  recoveryCodeFrom,
  timeStep,
} from '#domain/two_factor'

const SECRET_PURPOSE = 'admin_two_factor_secret'
const REFUSALS: string[] = ['invalid_code', 'replayed_code', 'invalid_password', 'not_enrolling']

export type SecondFactorCheck =
  | { status: 'accepted'; method: 'totp' | 'recovery_code' }
  | { status: 'rejected'; reason: 'invalid_code' | 'replayed_code' }

/** Why a code-confirmed change of the security page was refused. */
export type CodeRefusal =
  | { status: 'invalid_code' | 'replayed_code' | 'invalid_password' | 'not_enrolling' }
  | { status: 'throttled'; retryAfterSeconds: number }

export interface TwoFactorOverview {
  enabled: boolean
  enabledAt: DateTime | null
  /** The enrolment under way: QR code and secret to type by hand. */
  enrolment: { qrSvg: string; groupedSecret: string } | null
  recoveryCodesLeft: number
  /** The shop requires 2FA and this account has not enrolled yet. */
  mustEnrol: boolean
}

/**
 * A member of staff's second factor: enrolment (a pending secret confirmed by
 * a first valid code), checking codes at sign-in (each TOTP step accepted
 * once, each recovery code used once), recovery codes, and switching it off.
 * Secrets are encrypted with the app key; recovery codes are hashed.
 */
@inject()
export default class AdminTwoFactorService {
  constructor(
    protected auditLog: AuditLogService,
    protected settings: SettingsService
  ) {}

  async isEnabled(adminUserId: number): Promise<boolean> {
    const row = await AdminTwoFactor.find(adminUserId)
    return row?.isEnabled ?? false
  }

  /** Whether the shop requires 2FA and this account has yet to enrol. */
  async mustEnrol(adminUserId: number): Promise<boolean> {
    return (await this.settings.twoFactorRequired()) && !(await this.isEnabled(adminUserId))
  }

  /** The account's 2FA as its security page shows it; the app lists it under the shop's name. */
  async overview(user: AdminUser): Promise<TwoFactorOverview> {
    const row = await AdminTwoFactor.find(user.id)
    const enabled = row?.isEnabled ?? false
    const pending = !enabled && row?.pendingSecret ? unseal(row.pendingSecret) : null
    const left = await AdminRecoveryCode.query()
      .where('admin_user_id', user.id)
      .whereNull('used_at')
      .count('* as total')
    const settings = await this.settings.all()
    return {
      enabled,
      enabledAt: enabled ? (row?.enabledAt ?? null) : null,
      enrolment: pending
        ? {
            qrSvg: await qrCodeSvg(otpauthUri(pending, user.email, settings['shop.name'])),
            groupedSecret: groupSecret(pending),
          }
        : null,
      recoveryCodesLeft: enabled ? Number(left[0].$extras.total) : 0,
      mustEnrol: !enabled && settings['admin.two_factor_required'],
    }
  }

  /**
   * Draws a new secret to enrol, replacing one not yet confirmed. Does
   * nothing when 2FA is already on: switching it off comes first.
   */
  async startEnrolment(user: AdminUser) {
    const row =
      (await AdminTwoFactor.find(user.id)) ??
      new AdminTwoFactor().merge({ adminUserId: user.id, deviceKey: newDeviceKey() })
    if (row.isEnabled) return
    row.pendingSecret = seal(newTotpSecret())
    await row.save()
  }

  /**
   * Switches 2FA on once the app shows a valid code for the pending secret,
   * and returns the ten recovery codes to show once.
   */
  async confirmEnrolment(
    user: AdminUser,
    typed: string,
    ip: string,
    nowMs = Date.now()
  ): Promise<{ status: 'enabled'; recoveryCodes: string[] } | CodeRefusal> {
    return this.throttled(user, ip, async () => {
      const row = await AdminTwoFactor.find(user.id)
      if (!row?.pendingSecret || row.isEnabled) return { status: 'not_enrolling' as const }
      const input = readSecondFactor(typed)
      const step =
        input.kind === 'totp' ? matchingStep(unseal(row.pendingSecret), input.code, nowMs) : null
      if (step === null) return { status: 'invalid_code' as const }

      const recoveryCodes = newRecoveryCodes()
      const hashes = await hashCodes(recoveryCodes)
      await db.transaction(async (trx) => {
        row.useTransaction(trx)
        row.merge({
          secret: row.pendingSecret,
          pendingSecret: null,
          enabledAt: DateTime.now(),
          lastUsedStep: step,
          deviceKey: newDeviceKey(),
        })
        await row.save()
        await this.storeRecoveryCodes(user.id, hashes, trx)
        await this.record(user, 'admin_user.two_factor_enable', ip, null, trx)
      })
      return { status: 'enabled' as const, recoveryCodes }
    })
  }

  /**
   * Checks a code typed at sign-in (or to confirm a sensitive change): an app
   * code within the window and newer than the last one accepted, or an unused
   * recovery code, which is then spent.
   */
  async verify(
    user: AdminUser,
    typed: string,
    ip: string | null,
    nowMs = Date.now()
  ): Promise<SecondFactorCheck> {
    const row = await AdminTwoFactor.find(user.id)
    const input = readSecondFactor(typed)
    if (!row?.secret || input.kind === 'invalid') {
      return { status: 'rejected', reason: 'invalid_code' }
    }
    if (input.kind === 'totp') return this.verifyTotp(row, input.code, nowMs)
    return this.spendRecoveryCode(user, input.code, ip)
  }

  /**
   * New recovery codes in place of the old ones, on a current code.
   */
  async regenerateRecoveryCodes(
    user: AdminUser,
    typed: string,
    ip: string,
    nowMs = Date.now()
  ): Promise<{ status: 'regenerated'; recoveryCodes: string[] } | CodeRefusal> {
    return this.throttled(user, ip, async () => {
      const check = await this.verify(user, typed, ip, nowMs)
      if (check.status === 'rejected') return { status: check.reason }
      const recoveryCodes = newRecoveryCodes()
      const hashes = await hashCodes(recoveryCodes)
      await db.transaction(async (trx) => {
        await this.storeRecoveryCodes(user.id, hashes, trx)
        await this.record(user, 'admin_user.recovery_codes_regenerate', ip, null, trx)
      })
      return { status: 'regenerated' as const, recoveryCodes }
    })
  }

  /**
   * Switches 2FA off on the password and a current code. The device key is
   * drawn again, so every remembered device has to pass the second step
   * again if 2FA comes back.
   */
  async disable(
    user: AdminUser,
    password: string,
    typed: string,
    ip: string,
    nowMs = Date.now()
  ): Promise<{ status: 'disabled' } | CodeRefusal> {
    return this.throttled(user, ip, async () => {
      if (!(await user.verifyPassword(password))) return { status: 'invalid_password' as const }
      const check = await this.verify(user, typed, ip, nowMs)
      if (check.status === 'rejected') return { status: check.reason }
      await db.transaction(async (trx) => {
        await trx.from('admin_two_factors').where('admin_user_id', user.id).update({
          secret: null,
          pending_secret: null,
          enabled_at: null,
          last_used_step: null,
          device_key: newDeviceKey(),
          updated_at: sqlTimestamp(),
        })
        await trx.from('admin_recovery_codes').where('admin_user_id', user.id).delete()
        await this.record(user, 'admin_user.two_factor_disable', ip, null, trx)
      })
      return { status: 'disabled' as const }
    })
  }

  /**
   * What a "remember this device" cookie must match for this account, or
   * null when it has no 2FA (nothing to skip).
   */
  async rememberedDeviceAccount(
    user: AdminUser
  ): Promise<Omit<RememberedDevice, 'expiresAt'> | null> {
    const row = await AdminTwoFactor.find(user.id)
    if (!row?.isEnabled) return null
    return {
      adminUserId: user.id,
      deviceKey: row.deviceKey,
      passwordFingerprint: createHmac('sha256', appKey.release())
        .update(`admin-device:${user.password}`)
        .digest('hex')
        .slice(0, 32),
    }
  }

  /**
   * Wrong codes and passwords on the security page count against the same
   * limit as the sign-in code step, so a stolen session cannot guess its way
   * to switching 2FA off.
   */
  private async throttled<Done extends { status: string }>(
    user: AdminUser,
    ip: string,
    attempt: () => Promise<Done | CodeRefusal>
  ): Promise<Done | CodeRefusal> {
    let refusal: CodeRefusal = { status: 'invalid_code' }
    const result = await throttledLogin('admin_two_factor', { email: user.email, ip }, async () => {
      const outcome = await attempt()
      if (REFUSALS.includes(outcome.status)) {
        refusal = outcome as CodeRefusal
        throw new authErrors.E_INVALID_CREDENTIALS('Second-factor check refused')
      }
      return outcome as Done
    })
    if (result.status === 'signed_in') return result.user
    return result.status === 'throttled' ? result : refusal
  }

  /** The step is taken with a conditional update, so two requests cannot both use it. */
  private async verifyTotp(
    row: AdminTwoFactor,
    code: string,
    nowMs: number
  ): Promise<SecondFactorCheck> {
    const step = matchingStep(unseal(row.secret!), code, nowMs)
    if (step === null) return { status: 'rejected', reason: 'invalid_code' }
    if (!acceptsStep(step, timeStep(nowMs), row.lastUsedStep)) {
      return { status: 'rejected', reason: 'replayed_code' }
    }
    const taken = await db
      .from('admin_two_factors')
      .where('admin_user_id', row.adminUserId)
      .where((query) => query.whereNull('last_used_step').orWhere('last_used_step', '<', step))
      .update({ last_used_step: step, updated_at: sqlTimestamp() })
    return affectedRows(taken) > 0
      ? { status: 'accepted', method: 'totp' }
      : { status: 'rejected', reason: 'replayed_code' }
  }

  private async spendRecoveryCode(
    user: AdminUser,
    code: string,
    ip: string | null
  ): Promise<SecondFactorCheck> {
    const unused = await AdminRecoveryCode.query()
      .where('admin_user_id', user.id)
      .whereNull('used_at')
    for (const candidate of unused) {
      if (!(await hash.verify(candidate.codeHash, code))) continue
      const spent = await db.transaction(async (trx) => {
        const updated = await trx
          .from('admin_recovery_codes')
          .where('id', candidate.id)
          .whereNull('used_at')
          .update({ used_at: sqlTimestamp() })
        if (affectedRows(updated) === 0) return false
        await this.record(
          user,
          'admin_user.recovery_code_use',
          ip,
          { recoveryCodesLeft: unused.length - 1 },
          trx
        )
        return true
      })
      return spent
        ? { status: 'accepted', method: 'recovery_code' }
        : { status: 'rejected', reason: 'replayed_code' }
    }
    return { status: 'rejected', reason: 'invalid_code' }
  }

  private async storeRecoveryCodes(
    adminUserId: number,
    hashes: string[],
    trx: TransactionClientContract
  ) {
    await trx.from('admin_recovery_codes').where('admin_user_id', adminUserId).delete()
    await AdminRecoveryCode.createMany(
      hashes.map((codeHash) => ({ adminUserId, codeHash })),
      { client: trx }
    )
  }

  private record(
    user: AdminUser,
    action: string,
    ip: string | null,
    changes: Record<string, unknown> | null,
    trx: TransactionClientContract
  ) {
    return this.auditLog.record(
      { actor: user, action, entityType: 'admin_user', entityId: user.id, changes, ip },
      trx
    )
  }
}

function seal(secret: string): string {
  return encryption.encrypt(secret, undefined, SECRET_PURPOSE)
}

function unseal(sealed: string): string {
  const secret = encryption.decrypt<string>(sealed, SECRET_PURPOSE)
  if (typeof secret !== 'string') throw new Error('A two-factor secret cannot be decrypted')
  return secret
}

function newDeviceKey(): string {
  return randomBytes(24).toString('base64url')
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    recoveryCodeFrom(
      Array.from({ length: RECOVERY_CODE_LENGTH }, () => randomInt(RECOVERY_CODE_ALPHABET.length))
    )
  )
}

/** Hashed as typed back: without the dash, lower case (see readSecondFactor). */
function hashCodes(codes: string[]): Promise<string[]> {
  return Promise.all(codes.map((code) => hash.make(code.replace('-', ''))))
}
