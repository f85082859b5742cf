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

  /**
   * The account's own consent. A guest's consent with the same e-mail is not
   * the account's: its e-mail is never verified.
   */
  async ofAccount(customerId: number) {
    return MarketingConsent.findBy('customer_id', customerId)
  }

  /**
   * The account's preference, as its page sets it: only its own consent
   * changes. Opting in where a guest's consent holds the e-mail replaces that
   * consent with the account's, nothing of the guest's kept.
   */
  async setPreference(customer: { id: number; email: string }, optedIn: boolean) {
    const own = await this.ofAccount(customer.id)
    if (optedIn) {
      if (!own?.optedIn) {
        await this.optIn({ email: customer.email, source: 'account', customerId: customer.id })
      }
      return
    }
    if (own) await this.withdraw(own)
  }
}

function normalise(email: string) {
  return email.trim().toLowerCase()
}
