import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import { customerOrders } from '#services/orders/customer_orders'
import CustomerAccountService, { type PasswordCheck } from '#services/customer_account_service'
import {
  accountMessages,
  emailChangeValidator,
  passwordChangeValidator,
  profileValidator,
} from '#validators/customer'
import { LOCALES, type Locale } from '#support/locale_paths'

/**
 * The account home (profile) and the two changes that need the current
 * password: email and password.
 */
@inject()
export default class ProfileController {
  constructor(protected accounts: CustomerAccountService) {}

  async show({ view, auth, i18n }: HttpContext) {
    const customer = auth.use('customer').getUserOrFail()
    return view.render('pages/storefront/account/show', {
      customer,
      orders: await customerOrders(customer.id),
      locales: LOCALES.map((code) => ({
        value: code,
        label: i18n.t(`storefront.languages.${code}`),
      })),
    })
  }

  async update({ request, response, session, auth, i18n }: HttpContext) {
    const customer = auth.use('customer').getUserOrFail()
    const profile = await request.validateUsing(profileValidator, {
      messagesProvider: accountMessages(i18n),
    })
    await this.accounts.updateProfile(customer, profile)
    session.flash('notice', i18n.t('account.home.saved'))
    return response.redirect().toRoute(`${i18n.locale as Locale}.account.show`)
  }

  async editEmail({ view, auth }: HttpContext) {
    return view.render('pages/storefront/account/email', {
      customer: auth.use('customer').getUserOrFail(),
    })
  }

  async updateEmail({ request, response, session, auth, i18n }: HttpContext) {
    const locale = i18n.locale as Locale
    const customer = auth.use('customer').getUserOrFail()
    const input = await request.validateUsing(emailChangeValidator, {
      messagesProvider: accountMessages(i18n),
      meta: { customerId: customer.id },
    })
    const result = await this.accounts.changeEmail(customer, input, request.ip())
    if (result.status !== 'changed') {
      session.flashOnly(['email'])
      session.flash('inputErrorsBag', { password: [refusal(result, i18n)] })
      return response.redirect().toRoute(`${locale}.account.email.edit`)
    }
    session.flash('notice', i18n.t('account.email_change.done'))
    return response.redirect().toRoute(`${locale}.account.show`)
  }

  async editPassword({ view }: HttpContext) {
    return view.render('pages/storefront/account/password')
  }

  /**
   * Every field of this form is a password: none is sent back to it, not even
   * through the session's flash data, where the usual error handling would
   * keep `current_password`.
   */
  async updatePassword({ request, response, session, auth, i18n }: HttpContext) {
    const locale = i18n.locale as Locale
    const customer = auth.use('customer').getUserOrFail()
    const [error, input] = await passwordChangeValidator.tryValidate(request.all(), {
      messagesProvider: accountMessages(i18n),
    })
    if (error) {
      session.flashValidationErrors(error, false)
      return response.redirect().toRoute(`${locale}.account.password.edit`)
    }
    const result = await this.accounts.changePassword(
      customer,
      { currentPassword: input.current_password, password: input.password },
      request.ip()
    )
    if (result.status !== 'changed') {
      session.flash('inputErrorsBag', { current_password: [refusal(result, i18n)] })
      return response.redirect().toRoute(`${locale}.account.password.edit`)
    }
    session.flash('notice', i18n.t('account.password_change.done'))
    return response.redirect().toRoute(`${locale}.account.show`)
  }
}

function refusal(result: PasswordCheck, i18n: HttpContext['i18n']) {
  return result.status === 'throttled'
    ? i18n.t('account.login.throttled', { minutes: Math.ceil(result.retryAfterSeconds / 60) })
    : i18n.t('account.wrong_password')
}
