import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import MarketingConsent from '#models/marketing_consent'
import PrivacyException from '#exceptions/privacy_exception'
import MarketingConsents from '#services/privacy/marketing_consents'
import { UNSUBSCRIBE_PURPOSE } from '#support/privacy_links'

/**
 * The unsubscribe link of marketing e-mails (LEGAL.md R-01): signed, it
 * needs no sign-in, and opening it withdraws the consent at once. A scanner
 * following the link can only stop e-mails, never start any.
 */
@inject()
export default class NewsletterController {
  constructor(protected consents: MarketingConsents) {}

  async unsubscribe({ request, params, view }: HttpContext) {
    if (!request.hasValidSignature(UNSUBSCRIBE_PURPOSE))
      throw PrivacyException.unsubscribeLinkInvalid()
    const consent = await MarketingConsent.find(Number(params.id))
    if (!consent) throw PrivacyException.unsubscribeLinkInvalid()
    await this.consents.withdraw(consent)
    return view.render('pages/storefront/unsubscribed', { email: consent.email })
  }
}
