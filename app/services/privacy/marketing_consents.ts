import { DateTime } from 'luxon'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import MarketingConsent, { type ConsentSource } from '#models/marketing_consent'

/**
 * Consent to marketing e-mails (LEGAL.md R-01): given only by ticking a box
 * that starts unticked, recorded with its date and where it was given, and
 * withdrawn at any time (the unsubscribe link, the account page). Nothing
 * here ever turns a consent on without the person asking.
 */
export default class MarketingConsents {
  async find(email: string) {
    return MarketingConsent.findBy('email', normalise(email))
  }

  async isOptedIn(email: string) {
    const consent = await this.find(email)
    return consent?.optedIn ?? false
  }

  /** Records a consent just given (again), with where it was given. */
  async optIn(
    input: { email: string; source: ConsentSource; customerId?: number | null },
    trx?: TransactionClientContract
  ) {
    const now = DateTime.now()
    const email = normalise(input.email)
    const consent =
      (await MarketingConsent.query({ client: trx }).where('email', email).first()) ??
      new MarketingConsent()
    if (trx) consent.useTransaction(trx)
    consent.merge({
      email,
      source: input.source,
      consentedAt: now,
      withdrawnAt: null,
      lastContactAt: now,
      ...(input.customerId ? { customerId: input.customerId } : {}),
    })
    await consent.save()
    return consent
  }

  /** Withdraws a consent; the row stays, dated, as proof until it is purged. */
  async withdraw(consent: MarketingConsent) {
    if (!consent.optedIn) return consent
    consent.merge({ withdrawnAt: DateTime.now(), lastContactAt: DateTime.now() })
    await consent.save()
    return consent
  }

  async withdrawEmail(email: string) {
    const consent = await this.find(email)
    return consent ? this.withdraw(consent) : null
  }

  /** The account's preference, as its page sets it. */
  async setPreference(customer: { id: number; email: string }, optedIn: boolean) {
    if (optedIn) {
      if (!(await this.isOptedIn(customer.email))) {
        await this.optIn({ email: customer.email, source: 'account', customerId: customer.id })
      }
      return
    }
    await this.withdrawEmail(customer.email)
  }
}

function normalise(email: string) {
  return email.trim().toLowerCase()
}
