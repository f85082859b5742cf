import { inject } from '@adonisjs/core'
import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { VerifiedIdentity } from '@comptoir/contracts/sso_provider'
import AdminUser from '#models/admin_user'
import Setting from '#models/setting'
import SsoIdentity from '#models/sso_identity'
import AuditLogService from '#services/audit_log_service'
import SettingsService from '#services/settings_service'
import AdminTwoFactorService from '#services/two_factor/admin_two_factor_service'
import SsoProviders from '#services/sso/sso_providers'
import { decideAdminSso, passwordSignInAllowed } from '#domain/sso'
import type { AdminSsoSession } from '#support/sso_flow'
import { appUrl } from '#config/app'
import logger from '@adonisjs/core/services/logger'

export type AdminSsoResult =
  { status: 'signed_in'; user: AdminUser } | { status: 'refused'; reason: string }

export interface AdminSsoPolicy {
  required: boolean
  breakGlass: AdminUser | null
}

export type PolicyChange =
  | { status: 'saved' }
  | { status: 'refused'; reason: 'break_glass_not_owner' | 'break_glass_without_two_factor' }

/**
 * Back-office sign-in through SSO: only existing staff, matched by a linked
 * identity or, on first use, by the email the provider vouches for; the role
 * stays Comptoir's. Every outcome lands in the audit log with the address.
 */
@inject()
export default class AdminSsoService {
  constructor(
    protected auditLog: AuditLogService,
    protected settings: SettingsService,
    protected twoFactor: AdminTwoFactorService,
    protected providers: SsoProviders
  ) {}

  async complete(providerCode: string, identity: VerifiedIdentity, ip: string) {
    const email = identity.email?.trim().toLowerCase() || null
    const result = await db.transaction(async (trx): Promise<AdminSsoResult> => {
      const linked = await SsoIdentity.query({ client: trx })
        .where({ audience: 'admins', providerCode, subject: identity.subject })
        .first()
      const owner = email ? await AdminUser.findBy('email', email, { client: trx }) : null
      const decision = decideAdminSso({
        linkedAdminUserId: linked?.adminUserId ?? null,
        emailOwnerId: owner?.id ?? null,
        emailVerified: identity.emailVerified,
      })
      if (decision.kind === 'refuse') return { status: 'refused', reason: decision.reason }

      const user = await AdminUser.findOrFail(decision.adminUserId, { client: trx })
      if (decision.link) {
        await SsoIdentity.create(
          {
            audience: 'admins',
            providerCode,
            subject: identity.subject,
            customerId: null,
            adminUserId: user.id,
            email,
            lastUsedAt: DateTime.now(),
          },
          { client: trx }
        )
      } else {
        linked!.useTransaction(trx)
        linked!.lastUsedAt = DateTime.now()
        await linked!.save()
      }
      user.useTransaction(trx)
      user.lastLoginAt = DateTime.now()
      await user.save()
      await this.auditLog.record(
        {
          actor: user,
          action: 'admin_user.sso_sign_in',
          entityType: 'admin_user',
          entityId: user.id,
          changes: { provider: providerCode, linked: decision.link },
          ip,
        },
        trx
      )
      return { status: 'signed_in', user }
    })
    if (result.status === 'refused') {
      await this.rejected(providerCode, result.reason, ip, email)
    }
    return result
  }

  /** A refused SSO sign-in (a bad answer from the provider, an unknown person). */
  async rejected(providerCode: string, reason: string, ip: string, email: string | null = null) {
    await this.auditLog.record({
      actor: null,
      action: 'admin_user.sso_sign_in_fail',
      entityType: 'admin_user',
      changes: { provider: providerCode, reason: reason.slice(0, 500), email },
      ip,
    })
  }

  /**
   * RP-initiated logout: where the provider ends its own session, for a
   * session opened with it, or null (no SSO, or no end_session_endpoint).
   */
  async signOutUrl(opened: AdminSsoSession | null): Promise<string | null> {
    if (!opened) return null
    const provider = await this.providers.find(opened.code, 'admins')
    if (!provider) return null
    return provider
      .logoutUrl({
        idTokenHint: opened.idToken,
        postLogoutRedirectUrl: `${appUrl.replace(/\/$/, '')}/admin/login`,
      })
      .catch((error) => {
        logger.warn({ err: error, provider: opened.code }, 'SSO logout URL unavailable')
        return null
      })
  }

  async policy(): Promise<AdminSsoPolicy> {
    const row = await Setting.find('admin.sso_required')
    const value = row ? (JSON.parse(row.value) as { breakGlassAdminUserId: number } | null) : null
    if (!value) return { required: false, breakGlass: null }
    return { required: true, breakGlass: await AdminUser.find(value.breakGlassAdminUserId) }
  }

  /** Whether this email may use the password form (see #domain/sso). */
  async passwordAllowed(email: string) {
    const policy = await this.policy()
    // Checked again at each use: a break-glass account since demoted, or whose
    // 2FA was turned off, would be a password-only way around mandatory SSO.
    const breakGlass =
      policy.breakGlass?.role === 'owner' && (await this.twoFactor.isEnabled(policy.breakGlass.id))
        ? policy.breakGlass
        : null
    return passwordSignInAllowed(
      { required: policy.required, breakGlassEmail: breakGlass?.email ?? null },
      email
    )
  }

  /**
   * Makes SSO mandatory (or not). The break-glass account must be an owner
   * with a second factor: it is the way in when the provider is down.
   */
  async setPolicy(
    change: { required: boolean; breakGlassAdminUserId: number | null },
    actor: AdminUser,
    ip: string
  ): Promise<PolicyChange> {
    if (!change.required) {
      await this.settings.update({ 'admin.sso_required': null }, actor, ip)
      return { status: 'saved' }
    }
    const breakGlass = change.breakGlassAdminUserId
      ? await AdminUser.find(change.breakGlassAdminUserId)
      : null
    if (!breakGlass || breakGlass.role !== 'owner') {
      return { status: 'refused', reason: 'break_glass_not_owner' }
    }
    if (!(await this.twoFactor.isEnabled(breakGlass.id))) {
      return { status: 'refused', reason: 'break_glass_without_two_factor' }
    }
    await this.settings.update(
      { 'admin.sso_required': { breakGlassAdminUserId: breakGlass.id } },
      actor,
      ip
    )
    return { status: 'saved' }
  }
}
