import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CustomerSignIn from '#services/customer_sign_in'
import CustomerAccountService from '#services/customer_account_service'
import { accountMessages, loginValidator } from '#validators/customer'
import { type Locale, localizedPath } from '#support/locale_paths'
import { safeRedirectPath, withNext } from '#support/safe_redirect'

export default class SessionsController {
  async create({ view, request, i18n }: HttpContext) {
    const next = safeRedirectPath(request.input('next'))
    return view.render('pages/storefront/account/login', {
      next,
      registerUrl: withNext(localizedPath('/account/register', i18n.locale as Locale), next),
    })
  }

  /**
   * One message for a wrong email or password, so the form does not reveal
   * which addresses have an account.
   */
  @inject()
  async store(ctx: HttpContext, accounts: CustomerAccountService, customerSignIn: CustomerSignIn) {
    const { request, response, session, i18n } = ctx
    const locale = i18n.locale as Locale
    const { email, password } = await request.validateUsing(loginValidator, {
      messagesProvider: accountMessages(i18n),
    })
    const next = safeRedirectPath(request.input('next'))
    const result = await accounts.checkCredentials(email, password, request.ip())

    if (result.status !== 'signed_in') {
      session.flashExcept(['password', '_csrf'])
      session.flash(
        'error',
        result.status === 'throttled'
          ? i18n.t('account.login.throttled', {
              minutes: Math.ceil(result.retryAfterSeconds / 60),
            })
          : i18n.t('account.login.invalid_credentials')
      )
      return response
        .redirect()
        .toRoute(`${locale}.account.login`, [], { qs: next ? { next } : {} })
    }

    await customerSignIn.signIn(ctx, result.user)
    return next
      ? response.redirect().toPath(next)
      : response.redirect().toRoute(`${locale}.account.show`)
  }

  @inject()
  async destroy(ctx: HttpContext, customerSignIn: CustomerSignIn) {
    const { response, session, i18n } = ctx
    await customerSignIn.signOut(ctx)
    session.flash('notice', i18n.t('account.logout.done'))
    return response.redirect().toRoute(`${i18n.locale as Locale}.home`)
  }
}
