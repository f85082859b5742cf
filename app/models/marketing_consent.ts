import { column } from '@adonisjs/lucid/orm'
import { MarketingConsentSchema } from '#database/schema'

/** Where a marketing opt-in was given (LEGAL.md R-01). */
export type ConsentSource = 'registration' | 'checkout' | 'account'

/**
 * An e-mail address's consent to marketing: given when, where, and withdrawn
 * when (the row then stays as proof of the withdrawal until the retention job
 * purges it).
 */
export default class MarketingConsent extends MarketingConsentSchema {
  @column()
  declare source: ConsentSource

  get optedIn() {
    return this.withdrawnAt === null
  }
}
