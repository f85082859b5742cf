import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import Setting from '#models/setting'
import type AdminUser from '#models/admin_user'
import AuditLogService from '#services/audit_log_service'

/**
 * Every shop-wide setting, with its default. Keys are typed here so the rest of
 * the code never reads a raw row.
 */
export interface ShopSettings {
  'shop.name': string
  'shop.accepted_payment_methods': string[]
}

const DEFAULTS: ShopSettings = {
  'shop.name': 'Comptoir',
  'shop.accepted_payment_methods': [],
}

type SettingKey = keyof ShopSettings

@inject()
export default class SettingsService {
  constructor(protected auditLog: AuditLogService) {}

  async all(): Promise<ShopSettings> {
    const rows = await Setting.query().whereIn('key', Object.keys(DEFAULTS))
    const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value)]))
    return { ...DEFAULTS, ...stored }
  }

  /**
   * Writes the given settings and their audit entry in one transaction.
   */
  async update(changes: Partial<ShopSettings>, actor: AdminUser | null, ip: string | null) {
    await db.transaction(async (trx) => {
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
