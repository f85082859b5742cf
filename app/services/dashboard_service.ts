import db from '@adonisjs/lucid/services/db'
import AuditLog from '#models/audit_log'

/**
 * The figures on the back-office dashboard. Each capability adds its own count
 * (products, orders, customers) as it arrives.
 */
export default class DashboardService {
  async counts() {
    const [staff, auditEntries] = await Promise.all([
      db.from('admin_users').count('* as total').first(),
      db.from('audit_logs').count('* as total').first(),
    ])
    return {
      staff: Number(staff?.total ?? 0),
      auditEntries: Number(auditEntries?.total ?? 0),
    }
  }

  /**
   * The latest back-office writes, newest first.
   */
  recentActivity(limit = 10) {
    return AuditLog.query().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit)
  }
}
