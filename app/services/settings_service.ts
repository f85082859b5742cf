import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import Setting from '#models/setting'
import type AdminUser from '#models/admin_user'
import AuditLogService from '#services/audit_log_service'
import type { SellerIdentity } from '#domain/seller_identity'
import { DEFAULT_WITHDRAWAL_SETTINGS, type WithdrawalSettings } from '#domain/withdrawal_handling'
import PagePurge from '#services/page_cache/page_purge'

export type { SellerIdentity } from '#domain/seller_identity'

/**
 * Every shop-wide setting, with its default. Keys are typed here so the rest of
 * the code never reads a raw row.
 */
export interface ShopSettings {
  'shop.name': string
  /** Unset until the merchant fills in Settings › Legal identity. */
  'seller.identity': SellerIdentity | null
  /** Holiday calendar, return cost and partial delivery rules of withdrawals (W-06, W-12, W-16). */
  'withdrawal.settings': WithdrawalSettings
  /** Every member of staff must sign in with a second factor (owner's choice). */
  'admin.two_factor_required': boolean
  /** Staff sign in with SSO only, but for this break-glass owner (null: password allowed). */
  'admin.sso_required': { breakGlassAdminUserId: number } | null
}

const DEFAULTS: ShopSettings = {
  'shop.name': 'Comptoir',
  'seller.identity': null,
  'withdrawal.settings': DEFAULT_WITHDRAWAL_SETTINGS,
  'admin.two_factor_required': false,
  'admin.sso_required': null,
}

type SettingKey = keyof ShopSettings

@inject()
export default class SettingsService {
  constructor(
    protected auditLog: AuditLogService,
    protected pagePurge: PagePurge
  ) {}

  async all(): Promise<ShopSettings> {
    const rows = await Setting.query().whereIn('key', Object.keys(DEFAULTS))
    const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value)]))
    return { ...DEFAULTS, ...stored }
  }

  /**
   * The seller's legal identity (invoices, mentions légales, CGV), or null
   * until the merchant has filled it in. One primary-key lookup; pass the
   * transaction when reading inside one.
   */
  async sellerIdentity(client?: QueryClientContract): Promise<SellerIdentity | null> {
    const row = await Setting.find('seller.identity', client ? { client } : {})
    return row ? (JSON.parse(row.value) as SellerIdentity | null) : null
  }

  /** Read on every back-office request: one primary-key lookup. */
  async twoFactorRequired(): Promise<boolean> {
    const row = await Setting.find('admin.two_factor_required')
    return row ? JSON.parse(row.value) === true : false
  }

  /**
   * Writes the given settings and their audit entry in one transaction.
   */
  async update(changes: Partial<ShopSettings>, actor: AdminUser | null, ip: string | null) {
    await db.transaction(async (trx) => {
      await this.pagePurge.everything(trx)
      for (const [key, value] of Object.entries(changes) as [SettingKey, unknown][]) {
        await Setting.updateOrCreate({ key }, { value: JSON.stringify(value) }, { client: trx })
      }
      await this.auditLog.record(
        { actor, action: 'settings.update', entityType: 'settings', changes, ip },
        trx
      )
    })
  }
}
