import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CustomerSignIn from '#services/customer_sign_in'
import CustomerPasswordResetService from '#services/customer_password_reset_service'
import {
  accountMessages,
  forgotPasswordValidator,
  resetPasswordValidator,
} from '#validators/customer'
import type { Locale } from '#support/locale_paths'

@inject()
export default class PasswordResetsController {
  constructor(protected resets: CustomerPasswordResetService) {}

  async create({ view }: HttpContext) {
    return view.render('pages/storefront/account/forgot_password')
  }

  /** The same answer whether or not the address has an account. */
  async store({ request, response, session, i18n }: HttpContext) {
    const { email } = await request.validateUsing(forgotPasswordValidator, {
      messagesProvider: accountMessages(i18n),
    })
    await this.resets.request(email)
    session.flash('notice', i18n.t('account.password_reset.sent'))
    return response.redirect().toRoute(`${i18n.locale as Locale}.account.login`)
  }

  async edit({ view, params }: HttpContext) {
    const token = String(params.token)
    return view.render('pages/storefront/account/reset_password', {
      token,
      usable: await this.resets.isUsable(token),
    })
  }

  @inject()
  async update(ctx: HttpContext, customerSignIn: CustomerSignIn) {
    const { request, response, session, params, i18n } = ctx
    const locale = i18n.locale as Locale
    const { password } = await request.validateUsing(resetPasswordValidator, {
      messagesProvider: accountMessages(i18n),
    })
    const customer = await this.resets.reset(String(params.token), password)
    if (!customer) {
      session.flash('error', i18n.t('account.password_reset.invalid'))
      return response.redirect().toRoute(`${locale}.account.password_resets.create`)
    }
    await customerSignIn.signIn(ctx, customer)
    session.flash('notice', i18n.t('account.password_reset.done'))
    return response.redirect().toRoute(`${locale}.account.show`)
  }
}
