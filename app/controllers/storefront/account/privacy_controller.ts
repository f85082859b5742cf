import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CustomerSignIn from '#services/customer_sign_in'
import AccountErasure, { type ErasureOutcome } from '#services/privacy/account_erasure'
import ContractArchives from '#services/privacy/contract_archives'
import MarketingConsents from '#services/privacy/marketing_consents'
import { personalDataOf } from '#services/privacy/personal_data'
import type { PasswordCheck } from '#services/customer_account_service'
import type { Locale } from '#support/locale_paths'
import { sendPrivateJson } from '#support/pdf_download'
import { contractUrl } from '#support/privacy_links'
import { accountDeletionValidator, marketingOptInValidator } from '#validators/privacy'

/**
 * "Mes données" (LEGAL.md, P-09): the marketing consent,
 * the export of everything held, the archived contracts and the deletion of
 * the account.
 */
@inject()
export default class PrivacyController {
  constructor(
    protected consents: MarketingConsents,
    protected erasure: AccountErasure
  ) {}

  @inject()
  async show({ view, auth, i18n }: HttpContext, archives: ContractArchives) {
    const customer = auth.use('customer').getUserOrFail()
    const locale = i18n.locale as Locale
    const contracts = await archives.forCustomer(customer.id)
    const consent = await this.consents.ofAccount(customer.id)
    return view.render('pages/storefront/account/privacy', {
      customer,
      optedIn: consent?.optedIn ?? false,
      contracts: contracts.map((contract) => ({
        number: contract.orderNumber,
        concludedAt: contract.concludedAt,
        keptUntil: contract.retainUntil,
        url: contractUrl({ number: contract.orderNumber }, locale),
      })),
    })
  }

  async updateMarketing({ request, response, session, auth, i18n }: HttpContext) {
    const customer = auth.use('customer').getUserOrFail()
    const { marketing_opt_in: optIn } = await request.validateUsing(marketingOptInValidator)
    await this.consents.setPreference(customer, optIn ?? false)
    session.flash(
      'notice',
      i18n.t(optIn ? 'privacy.marketing.subscribed' : 'privacy.marketing.unsubscribed')
    )
    return response.redirect().toRoute(`${i18n.locale as Locale}.account.privacy.show`)
  }

  /** access and portability, as a JSON file. */
  async export({ response, auth }: HttpContext) {
    const customer = auth.use('customer').getUserOrFail()
    return sendPrivateJson(response, 'mes-donnees.json', await personalDataOf(customer))
  }

  async confirmDelete({ view, auth }: HttpContext) {
    const customer = auth.use('customer').getUserOrFail()
    return view.render('pages/storefront/account/delete', {
      preview: await this.erasure.preview(customer),
    })
  }

  /**
   * the account erased, the password asked again. The password
   * is never sent back to the form.
   */
  @inject()
  async destroy(ctx: HttpContext, customerSignIn: CustomerSignIn) {
    const { request, response, session, auth, i18n } = ctx
    const locale = i18n.locale as Locale
    const customer = auth.use('customer').getUserOrFail()
    const [error, input] = await accountDeletionValidator.tryValidate(request.all())
    const outcome = error
      ? ({ status: 'invalid_credentials' } as const)
      : await this.erasure.eraseWithPassword(customer, input.password, request.ip())
    if (outcome.status !== 'erased') {
      session.flash('inputErrorsBag', { password: [refusal(outcome, i18n)] })
      return response.redirect().toRoute(`${locale}.account.delete`)
    }
    await customerSignIn.signOut(ctx)
    session.flash('notice', i18n.t('privacy.delete.done'))
    return response.redirect().toRoute(`${locale}.home`)
  }
}

function refusal(
  outcome: Exclude<PasswordCheck | ErasureOutcome, { status: 'erased' }>,
  i18n: HttpContext['i18n']
) {
  switch (outcome.status) {
    case 'throttled':
      return i18n.t('account.login.throttled', {
        minutes: Math.ceil(outcome.retryAfterSeconds / 60),
      })
    case 'orders_in_progress':
      return i18n.t('privacy.delete.orders_in_progress', { numbers: outcome.numbers.join(', ') })
    case 'not_found':
    default:
      return i18n.t('account.wrong_password')
  }
}
