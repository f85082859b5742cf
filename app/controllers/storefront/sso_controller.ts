import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import logger from '@adonisjs/core/services/logger'
import { appUrl } from '#config/app'
import CustomerSignIn from '#services/customer_sign_in'
import SsoProviders from '#services/sso/sso_providers'
import ShopperSsoService from '#services/sso/shopper_sso_service'
import { type Locale, localizedPath } from '#support/locale_paths'
import { safeRedirectPath, withNext } from '#support/safe_redirect'
import { keepFlow, returnedUrl, takeFlow } from '#support/sso_flow'

/**
 * "Continuer avec …" for shoppers: sends them to the provider, then signs
 * in, links or creates their account from the identity it proved. A signed-in
 * customer comes through here too to link a provider from their account page.
 */
@inject()
export default class SsoController {
  constructor(
    protected providers: SsoProviders,
    protected shoppers: ShopperSsoService
  ) {}

  async start(ctx: HttpContext) {
    const { params, request, response, session, i18n } = ctx
    const locale = i18n.locale as Locale
    const provider = await this.providers.find(params.code, 'shoppers')
    if (!provider) return response.notFound()
    const returnTo = safeRedirectPath(request.input('return'))
    try {
      const start = await provider.start({
        audience: 'shoppers',
        callbackUrl: callbackUrl(params.code, locale),
      })
      keepFlow(ctx, 'shoppers', {
        code: params.code,
        state: start.state,
        returnTo,
        startedAt: Date.now(),
      })
      return response.redirect(start.url)
    } catch (error) {
      logger.error({ err: error, provider: params.code }, 'SSO start failed')
      session.flash('error', i18n.t('sso.errors.unavailable'))
      return response.redirect(loginPath(locale, returnTo))
    }
  }

  @inject()
  async callback(ctx: HttpContext, customerSignIn: CustomerSignIn) {
    const { params, response, session, i18n, auth } = ctx
    const locale = i18n.locale as Locale
    const flow = takeFlow(ctx, 'shoppers', params.code)
    const provider = await this.providers.find(params.code, 'shoppers')
    // No flow: replayed, expired, or started on another browser.
    if (!flow || !provider) return this.refuse(ctx, 'sso.errors.rejected', null)

    const url = callbackUrl(params.code, locale)
    const answer = await provider
      .callback({ callbackUrl: url, currentUrl: returnedUrl(ctx, url), state: flow.state })
      .catch((error: Error) => ({ kind: 'rejected' as const, reason: error.message }))
    if (answer.kind === 'rejected') {
      logger.warn({ provider: params.code, reason: answer.reason }, 'SSO answer rejected')
      return this.refuse(ctx, 'sso.errors.rejected', flow.returnTo)
    }

    const signedIn = (await auth.use('customer').check()) ? auth.use('customer').user! : null
    const result = await this.shoppers.complete(params.code, answer.identity, {
      signedInCustomerId: signedIn?.id ?? null,
      locale,
    })
    if (result.kind === 'refused') {
      return this.refuse(ctx, `sso.errors.${result.reason}`, flow.returnTo)
    }
    if (signedIn) {
      session.flash('notice', i18n.t('sso.account.linked', { provider: provider.label(locale) }))
      return response.redirect(flow.returnTo ?? localizedPath('/account', locale))
    }
    await customerSignIn.signIn(ctx, result.customer)
    if (result.kind === 'created') session.flash('notice', i18n.t('sso.account.created'))
    return response.redirect(flow.returnTo ?? localizedPath('/account', locale))
  }

  async unlink({ params, auth, session, i18n, response }: HttpContext) {
    const customer = auth.use('customer').getUserOrFail()
    const result = await this.shoppers.unlink(customer, Number(params.id))
    if (result === 'not_found') return response.notFound()
    session.flash(
      result === 'unlinked' ? 'notice' : 'error',
      i18n.t(result === 'unlinked' ? 'sso.account.unlinked' : 'sso.errors.last_way')
    )
    return response.redirect(localizedPath('/account', i18n.locale as Locale))
  }

  /** Nothing signed in or created: back to the login page with why. */
  private refuse(ctx: HttpContext, key: string, returnTo: string | null) {
    const locale = ctx.i18n.locale as Locale
    ctx.session.flash('error', ctx.i18n.t(key))
    return ctx.response.redirect(loginPath(locale, returnTo))
  }
}

/** The redirect URI registered at the provider, one per locale. */
function callbackUrl(code: string, locale: Locale) {
  return `${appUrl.replace(/\/$/, '')}${localizedPath(`/auth/sso/${code}/callback`, locale)}`
}

function loginPath(locale: Locale, returnTo: string | null) {
  return withNext(localizedPath('/account/login', locale), returnTo)
}
