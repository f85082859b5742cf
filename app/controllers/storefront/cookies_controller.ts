import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { decideAll } from '#domain/cookie_consent'
import TrackerCatalog from '#services/privacy/tracker_catalog'
import { readConsent, writeConsent } from '#support/consent_cookie'
import type { Locale } from '#support/locale_paths'
import { safeRedirectPath } from '#support/safe_redirect'
import { cookieChoiceValidator } from '#validators/privacy'

/**
 * Cookies the core sets, all exempt from consent (CNIL: cart, session and
 * authentication, consent storage, a UI feature the shopper uses): listed for
 * information on the cookies page.
 */
const ESSENTIAL_COOKIES = [
  { name: 'comptoir-session', key: 'session' },
  { name: 'cart', key: 'cart' },
  { name: 'recently_viewed', key: 'recently_viewed' },
  { name: 'cookie_consent', key: 'consent' },
] as const

/**
 * The cookies page ("Gérer les cookies", LEGAL.md R-02): every tracker of the
 * enabled plugins by purpose, with who sets it and for how long, a choice per
 * purpose, and the choice itself, kept six months in the visitor's browser.
 */
@inject()
export default class CookiesController {
  constructor(protected catalog: TrackerCatalog) {}

  async show({ view, request }: HttpContext) {
    const trackers = await this.catalog.declared()
    const choices = readConsent(request)
    return view.render('pages/storefront/cookies', {
      groups: this.catalog.purposes(trackers).map((purpose) => ({
        purpose,
        granted: choices[purpose] === true,
        trackers: trackers.filter((tracker) => tracker.purpose === purpose),
      })),
      essentials: ESSENTIAL_COOKIES,
    })
  }

  async store({ request, response, session, i18n }: HttpContext) {
    const input = await request.validateUsing(cookieChoiceValidator)
    const purposes = this.catalog.purposes(await this.catalog.declared())
    const decision = input.choice === 'save' ? { granted: input.purposes ?? [] } : input.choice
    writeConsent(response, decideAll(purposes, decision))
    session.flash('notice', i18n.t('privacy.cookies.saved'))
    const back = safeRedirectPath(input.return_to)
    return back
      ? response.redirect().toPath(back)
      : response.redirect().toRoute(`${i18n.locale as Locale}.cookies.show`)
  }
}
