import AnonymizeAuditLogIps from '#jobs/anonymize_audit_log_ips'

/**
 * Recurring jobs. Each web process upserts the same schedule ids at start, and
 * workers claim a due schedule with a row lock, so each run happens once.
 */
export async function registerSchedules() {
  await AnonymizeAuditLogIps.schedule({ retentionDays: 365 })
    .id('anonymize-audit-log-ips')
    .cron('30 3 * * *')
    .timezone('Europe/Paris')
    .run()
}
