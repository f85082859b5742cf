import AnonymizeAuditLogIps from '#jobs/anonymize_audit_log_ips'
import ApplyRetentionRules from '#jobs/apply_retention_rules'
import CancelUnpaidOrders from '#jobs/cancel_unpaid_orders'
import NotifyLateDeliveries from '#jobs/notify_late_deliveries'
import RecordPublicPrices from '#jobs/record_public_prices'
import RefreshSecurityFeed from '#jobs/refresh_security_feed'

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
  // The CNIL's retention periods (LEGAL.md R-05): prospects, inactive accounts, contracts.
  await ApplyRetentionRules.schedule({})
    .id('apply-retention-rules')
    .cron('0 4 * * *')
    .timezone('Europe/Paris')
    .run()
  // Payment windows are counted in hours: a quarter of an hour late at most.
  await CancelUnpaidOrders.schedule({})
    .id('cancel-unpaid-orders')
    .cron('*/15 * * * *')
    .timezone('Europe/Paris')
    .run()
  // Early on the first day past a promised date, before customers start asking.
  await NotifyLateDeliveries.schedule({})
    .id('notify-late-deliveries')
    .cron('0 7 * * *')
    .timezone('Europe/Paris')
    .run()
  // Promotions start and end on their own: the price history records it at the
  // instant they did, within five minutes.
  await RecordPublicPrices.schedule({})
    .id('record-public-prices')
    .cron('*/5 * * * *')
    .timezone('Europe/Paris')
    .run()
  // New advisories reach the Security page and the dashboard by morning.
  await RefreshSecurityFeed.schedule({})
    .id('refresh-security-feed')
    .cron('0 6 * * *')
    .timezone('Europe/Paris')
    .run()
}
