import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import type { ModelQueryBuilderContract } from '@adonisjs/lucid/types/model'
import logger from '@adonisjs/core/services/logger'
import mail from '@adonisjs/mail/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import { DateTime } from 'luxon'
import { addDays } from '@comptoir/contracts/french_calendar'
import { SHOP_TIME_ZONE } from '@comptoir/contracts/formatting'
import { appUrl } from '#config/app'
import {
  CONTRACT_ARCHIVE_THRESHOLD,
  CONTRACT_ARCHIVE_YEARS,
  INACTIVE_ACCOUNT_GRACE_DAYS,
  INACTIVE_ACCOUNT_WARNING_YEARS,
  PROSPECT_RETENTION_YEARS,
  addYears,
  dueCutoff,
} from '#domain/data_retention'
import Customer from '#models/customer'
import AuditLogService from '#services/audit_log_service'
import { parisDate } from '#domain/paris_time'
import SettingsService from '#services/settings_service'
import AccountErasure from '#services/privacy/account_erasure'
import ContractArchives from '#services/privacy/contract_archives'
import { formatCalendarDay } from '#support/calendar_days'
import { localizedPath } from '#support/locale_paths'
import { sellerIdentityLines } from '#support/seller_identity_lines'
import { sqlTimestamp } from '#support/sql_timestamp'
import { affectedRows } from '#support/affected_rows'

/** What one run removed, warned or kept, for the audit log and the logs. */
export interface RetentionReport {
  /** The Paris day the rules were applied on. */
  day: string
  prospectsPurged: number
  accountsWarned: number
  accountsErased: number
  /** Inactive accounts left alone because an order is still in progress. */
  accountsKept: number
  contractsArchived: number
  /** Contracts the job failed to archive (logged; tried again tomorrow). */
  contractsFailed: number
  contractsExpired: number
}

/**
 * The CNIL's default retention periods (LEGAL.md R-05), applied every day:
 * - prospects (a marketing consent without an account) go three years after
 *   their last contact, unless an order since makes them customers, whose
 *   marketing then runs three years from the last order;
 * - an account unused for two years (no sign-in, no order) is warned by
 *   e-mail, then erased like a self-service deletion a month later if its
 *   holder has not come back (orders kept, anonymised: R-04);
 * - contracts of €120 or more missed at placement are archived (P-09), and
 *   archives past their ten years are deleted.
 * Invoices are never touched here: they are kept ten years (I-06).
 */
@inject()
export default class RetentionSweep {
  constructor(
    protected erasure: AccountErasure,
    protected archives: ContractArchives,
    protected settings: SettingsService,
    protected auditLog: AuditLogService
  ) {}

  async run(now = new Date()): Promise<RetentionReport> {
    const day = parisDate(now)
    const report: RetentionReport = {
      day,
      prospectsPurged: await this.purgeProspects(day),
      accountsWarned: await this.warnInactiveAccounts(day, now),
      ...(await this.eraseInactiveAccounts(now)),
      ...(await this.archiveMissedContracts(day)),
      contractsExpired: await this.deleteExpiredContracts(day),
    }
    await this.auditLog.record({
      actor: null,
      action: 'privacy.retention',
      entityType: 'privacy',
      changes: { ...report },
    })
    logger.info({ report }, 'retention rules applied')
    return report
  }

  private async purgeProspects(day: string) {
    const bound = startOfParisDay(addDays(dueCutoff(day, PROSPECT_RETENTION_YEARS), 1))
    const deleted = await db
      .from('marketing_consents')
      .whereNull('customer_id')
      .where('last_contact_at', '<', bound)
      .whereNotExists((orders) =>
        orders
          .from('orders')
          .whereColumn('orders.email', 'marketing_consents.email')
          .where('orders.placed_at', '>=', bound)
      )
      .delete()
    return affectedRows(deleted)
  }

  private async warnInactiveAccounts(day: string, now: Date) {
    const bound = startOfParisDay(addDays(dueCutoff(day, INACTIVE_ACCOUNT_WARNING_YEARS), 1))
    const customers = await Customer.query()
      .whereNull('inactivity_warned_at')
      .where('last_activity_at', '<', bound)
      .whereNotExists((orders) => ordersOfRow(orders).where('orders.placed_at', '>=', bound))
      .orderBy('id')
    let warned = 0
    for (const customer of customers) {
      try {
        await this.sendWarning(customer, addDays(day, INACTIVE_ACCOUNT_GRACE_DAYS))
      } catch (error) {
        // Not marked warned: tomorrow's run tries again.
        logger.error({ err: error, customerId: customer.id }, 'inactivity warning not sent')
        continue
      }
      customer.inactivityWarnedAt = DateTime.fromJSDate(now)
      await customer.save()
      warned++
    }
    return warned
  }

  /**
   * Accounts warned a month ago or more and not used since: a sign-in clears
   * the warning, an order placed after it keeps the account.
   */
  private async eraseInactiveAccounts(now: Date) {
    const warnedBefore = sqlTimestamp(
      DateTime.fromJSDate(now).minus({ days: INACTIVE_ACCOUNT_GRACE_DAYS })
    )
    const customers = await Customer.query()
      .whereNotNull('inactivity_warned_at')
      .where('inactivity_warned_at', '<=', warnedBefore)
      // An unknown last activity never counts as inactivity.
      .whereNotNull('last_activity_at')
      .whereColumn('last_activity_at', '<', 'inactivity_warned_at')
      .whereNotExists((orders) =>
        ordersOfRow(orders).whereColumn('orders.placed_at', '>', 'customers.inactivity_warned_at')
      )
      .orderBy('id')
    let accountsErased = 0
    let accountsKept = 0
    for (const customer of customers) {
      const outcome = await this.erasure.erase(customer.id, { kind: 'retention' })
      if (outcome.status === 'erased') accountsErased++
      else if (outcome.status === 'orders_in_progress') accountsKept++
    }
    return { accountsErased, accountsKept }
  }

  /**
   * Orders whose ten years are already over (their archive just expired and
   * was deleted) are not archived again. One that fails is logged and
   * counted, and the others still go.
   */
  private async archiveMissedContracts(day: string) {
    const missed = await db
      .from('orders')
      .where('placed_at', '>=', startOfParisDay(addYears(day, -CONTRACT_ARCHIVE_YEARS)))
      .where((where) =>
        where
          .where('total', '>=', CONTRACT_ARCHIVE_THRESHOLD.amount)
          .orWhereNot('currency', CONTRACT_ARCHIVE_THRESHOLD.currency)
      )
      .whereNotExists((archives) =>
        archives
          .from('contract_archives')
          .whereColumn('contract_archives.order_number', 'orders.number')
      )
      .orderBy('id')
      .select('id')
    let contractsArchived = 0
    let contractsFailed = 0
    for (const { id } of missed) {
      try {
        await this.archives.archive(id)
        contractsArchived++
      } catch (error) {
        logger.error({ err: error, orderId: id }, 'contract not archived')
        contractsFailed++
      }
    }
    return { contractsArchived, contractsFailed }
  }

  private async deleteExpiredContracts(day: string) {
    return affectedRows(await db.from('contract_archives').where('retain_until', '<', day).delete())
  }

  private async sendWarning(customer: Customer, erasureOn: string) {
    const locale = customer.locale
    const i18n = i18nManager.locale(locale)
    const [{ 'shop.name': shop }, identity] = await Promise.all([
      this.settings.all(),
      this.settings.sellerIdentity(),
    ])
    const data = {
      i18n,
      locale,
      shop,
      firstName: customer.firstName,
      erasureOn: formatCalendarDay(erasureOn, locale),
      seller: identity ? sellerIdentityLines(identity, i18n) : [shop],
      link: `${appUrl.replace(/\/$/, '')}${localizedPath('/account/login', locale)}`,
    }
    await mail.send((message) => {
      message
        .to(customer.email)
        .subject(i18n.t('privacy.inactivity_mail.subject', { shop }))
        .htmlView('emails/privacy/inactive_account_html', data)
        .textView('emails/privacy/inactive_account_text', data)
    })
  }
}

/**
 * The orders of the outer query's customer row. Not guest orders with its
 * e-mail: an unverified address proves nothing about who placed them.
 */
function ordersOfRow(orders: ModelQueryBuilderContract<typeof Customer>) {
  return orders.from('orders').whereColumn('orders.customer_id', 'customers.id')
}

/** The UTC instant a Paris day starts, as a SQL timestamp. */
function startOfParisDay(day: string) {
  return sqlTimestamp(DateTime.fromISO(day, { zone: SHOP_TIME_ZONE }))
}
