import { createHash, randomBytes } from 'node:crypto'
import { DateTime } from 'luxon'
import { inject } from '@adonisjs/core'
import db from '@adonisjs/lucid/services/db'
import mail from '@adonisjs/mail/services/main'
import limiter from '@adonisjs/limiter/services/main'
import i18nManager from '@adonisjs/i18n/services/main'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { appUrl } from '#config/app'
import Customer from '#models/customer'
import CustomerPasswordReset from '#models/customer_password_reset'
import SettingsService from '#services/settings_service'
import { localizedPath } from '#support/locale_paths'
import { sqlTimestamp } from '#support/sql_timestamp'

/** How long a reset link works. */
export const RESET_LINK_LIFETIME = { hours: 1 }

/** Links mailed per account and hour, at most: the form cannot flood an inbox. */
const LINKS_PER_HOUR = 3

function hashToken(token: string) {
  return createHash('sha256').update(token).digest('hex')
}

/**
 * "Mot de passe oublié": a single-use link, valid for an hour, mailed to the
 * account's address in the account's language. The token exists only in the
 * e-mail; the database keeps its SHA-256 hash.
 */
@inject()
export default class CustomerPasswordResetService {
  constructor(protected settings: SettingsService) {}

  /**
   * Mails a link when the email has an account, and does nothing otherwise:
   * the caller answers the same either way, so the form tells no one which
   * addresses are customers'.
   */
  async request(email: string): Promise<void> {
    const customer = await Customer.findBy('email', email.trim().toLowerCase())
    if (!customer) return
    const allowed = await limiter
      .use({ requests: LINKS_PER_HOUR, duration: '1 hour' })
      .attempt(`customer_password_reset:${customer.id}`, () => true)
    if (!allowed) return

    const token = randomBytes(32).toString('base64url')
    await CustomerPasswordReset.create({
      customerId: customer.id,
      tokenHash: hashToken(token),
      expiresAt: DateTime.now().plus(RESET_LINK_LIFETIME),
      usedAt: null,
    })
    await this.send(customer, token)
  }

  /** Whether a link's token can still be used, to show its form or not. */
  async isUsable(token: string): Promise<boolean> {
    const reset = await CustomerPasswordReset.findBy('tokenHash', hashToken(token))
    return reset !== null && reset.isUsable(DateTime.now())
  }

  /**
   * Sets a new password through a link. The link is spent by a conditional
   * update, so two submissions cannot both use it; the account's other links
   * stop working too. Null when the link is unknown, spent or expired.
   */
  async reset(token: string, password: string): Promise<Customer | null> {
    return db.transaction(async (trx) => {
      const now = sqlTimestamp()
      const tokenHash = hashToken(token)
      const spent = await trx
        .from('customer_password_resets')
        .where('token_hash', tokenHash)
        .whereNull('used_at')
        .where('expires_at', '>', now)
        .update({ used_at: now })
      if (Number(spent) !== 1) return null

      const reset = await CustomerPasswordReset.findByOrFail('tokenHash', tokenHash, {
        client: trx,
      })
      const customer = await Customer.findOrFail(reset.customerId, { client: trx })
      customer.password = password
      // An account created by SSO now has a password of its own.
      customer.passwordSet = true
      await customer.save()
      await this.revokeAll(customer, trx)
      return customer
    })
  }

  /** Spends every outstanding link of an account (its password changed). */
  async revokeAll(customer: Customer, trx: TransactionClientContract) {
    await trx
      .from('customer_password_resets')
      .where('customer_id', customer.id)
      .whereNull('used_at')
      .update({ used_at: sqlTimestamp() })
  }

  private async send(customer: Customer, token: string) {
    const i18n = i18nManager.locale(customer.locale)
    const { 'shop.name': shop } = await this.settings.all()
    const path = localizedPath(`/account/reset-password/${token}`, customer.locale)
    const data = {
      i18n,
      shop,
      firstName: customer.firstName,
      link: `${appUrl.replace(/\/$/, '')}${path}`,
      minutes: RESET_LINK_LIFETIME.hours * 60,
    }
    await mail.send((message) => {
      message
        .to(customer.email)
        .subject(i18n.t('account.password_reset.mail.subject', { shop }))
        .htmlView('emails/account/password_reset_html', data)
        .textView('emails/account/password_reset_text', data)
    })
  }
}
