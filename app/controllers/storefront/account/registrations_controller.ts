import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CustomerSignIn from '#services/customer_sign_in'
import CustomerAccountService from '#services/customer_account_service'
import { accountMessages, registerValidator } from '#validators/customer'
import { marketingOptInValidator } from '#validators/privacy'
import { type Locale, localizedPath } from '#support/locale_paths'
import { safeRedirectPath, withNext } from '#support/safe_redirect'

export default class RegistrationsController {
  async create({ view, request, i18n }: HttpContext) {
    const next = safeRedirectPath(request.input('next'))
    return view.render('pages/storefront/account/register', {
      next,
      loginUrl: withNext(localizedPath('/account/login', i18n.locale as Locale), next),
    })
  }

  /** A new account is signed in at once, and taken where it was going. */
  @inject()
  async store(ctx: HttpContext, accounts: CustomerAccountService, customerSignIn: CustomerSignIn) {
    const { request, response, session, i18n } = ctx
    const locale = i18n.locale as Locale
    const input = await request.validateUsing(registerValidator, {
      messagesProvider: accountMessages(i18n),
    })
    const { marketing_opt_in: marketingOptIn } =
      await request.validateUsing(marketingOptInValidator)
    const customer = await accounts.register({ ...input, locale, marketingOptIn })
    await customerSignIn.signIn(ctx, customer)
    session.flash('notice', i18n.t('account.register.welcome', { name: customer.firstName }))
    const next = safeRedirectPath(request.input('next'))
    return next
      ? response.redirect().toPath(next)
      : response.redirect().toRoute(`${locale}.account.show`)
  }
}
