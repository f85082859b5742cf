import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AuditLog from '#models/audit_log'
import type AdminUser from '#models/admin_user'

/**
 * Who acted: a member of staff, or null for the system (seed, scheduled job).
 */
export type AuditActor = Pick<AdminUser, 'id' | 'email'> | null

export interface AuditEntry {
  actor: AuditActor
  action: string
  entityType: string
  entityId?: string | number | null
  changes?: Record<string, unknown> | null
  ip?: string | null
}

/**
 * Appends to the back-office audit trail. Pass the transaction of the write it
 * describes, so the entry and the write commit or roll back together.
 */
export default class AuditLogService {
  async record(entry: AuditEntry, trx?: TransactionClientContract) {
    return AuditLog.create(
      {
        adminUserId: entry.actor?.id ?? null,
        actorEmail: entry.actor?.email ?? null,
        action: entry.action,
        entityType: entry.entityType,
        entityId:
          entry.entityId === null || entry.entityId === undefined ? null : String(entry.entityId),
        changes: entry.changes ? JSON.stringify(entry.changes) : null,
        ip: entry.ip ?? null,
      },
      { client: trx }
    )
  }
}
