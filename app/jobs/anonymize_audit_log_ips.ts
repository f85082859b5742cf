import { DateTime } from 'luxon'
import { Job } from '@adonisjs/queue'
import type { JobOptions } from '@adonisjs/queue/types'
import AuditLog from '#models/audit_log'

interface AnonymizeAuditLogIpsPayload {
  /**
   * IP addresses are personal data (GDPR): the audit trail keeps who did what,
   * but drops where from once the entry is this old.
   */
  retentionDays: number
}

export default class AnonymizeAuditLogIps extends Job<AnonymizeAuditLogIpsPayload> {
  static options: JobOptions = { maxRetries: 3 }

  async execute() {
    const cutoff = DateTime.now().minus({ days: this.payload.retentionDays })
    await AuditLog.query()
      .where('created_at', '<', cutoff.toSQL({ includeOffset: false })!)
      .whereNotNull('ip')
      .update({ ip: null })
  }
}
