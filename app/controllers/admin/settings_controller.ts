import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import SettingsService from '#services/settings_service'
import { shopSettingsValidator } from '#validators/settings'
import { sellerIdentityValidator, toSellerIdentity } from '#validators/seller_identity'
import { legalMessages } from '#validators/legal_messages'
import { LEGAL_FORMS, SELLER_COUNTRIES, type SellerIdentity } from '#domain/seller_identity'
import { countryOptions } from '#domain/countries'
import { Money } from '#domain/money'
import { adminActor } from '#support/admin_actor'

@inject()
export default class SettingsController {
  constructor(protected settings: SettingsService) {}

  async edit({ view, i18n }: HttpContext) {
    const settings = await this.settings.all()
    return view.render('pages/admin/settings', {
      settings,
      identity: identityForm(settings['seller.identity'], i18n.locale),
      legalForms: Object.keys(LEGAL_FORMS).map((form) => ({
        value: form,
        label: i18n.t(`legal.legal_forms.${form}`),
      })),
      countries: countryOptions(i18n.locale, SELLER_COUNTRIES),
    })
  }

  async update(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const { shopName } = await request.validateUsing(shopSettingsValidator)
    await this.settings.update({ 'shop.name': shopName }, adminActor(ctx).admin, request.ip())
    session.flash('success', i18n.t('admin.settings.saved'))
    return response.redirect().toRoute('admin.settings.edit')
  }

  async updateIdentity(ctx: HttpContext) {
    const { request, response, session, i18n } = ctx
    const [error, input] = await sellerIdentityValidator.tryValidate(request.all(), {
      messagesProvider: legalMessages(i18n),
    })
    if (error) {
      session.flashValidationErrors(error)
      session.flash('error', i18n.t('legal.identity.invalid'))
      return response.redirect().toRoute('admin.settings.edit')
    }
    await this.settings.update(
      { 'seller.identity': toSellerIdentity(input) },
      adminActor(ctx).admin,
      request.ip()
    )
    session.flash('success', i18n.t('legal.identity.saved'))
    return response.redirect().toRoute('admin.settings.edit')
  }
}

/**
 * The stored identity as the form shows it, the share capital as typed in
 * the admin's language: "10 000,00", or "10000.00" in English, since
 * Money.parse reads spaces as thousands separators but not commas.
 */
function identityForm(identity: SellerIdentity | null, locale: string) {
  if (!identity) return { country: 'FR' }
  const capital = identity.shareCapital
  return {
    companyName: identity.companyName,
    legalForm: identity.legalForm,
    addressLine1: identity.address.lines[0],
    addressLine2: identity.address.lines[1],
    postalCode: identity.address.postalCode,
    city: identity.address.city,
    country: identity.address.country,
    siren: identity.siren,
    siret: identity.siret,
    rcsCity: identity.rcsCity,
    vatNumber: identity.vatNumber,
    shareCapital: capital
      ? new Intl.NumberFormat(locale, {
          minimumFractionDigits: Money.exponent(capital.currency),
          useGrouping: locale === 'fr',
        }).format(
          Money.of(capital.amount, capital.currency).toDecimalString() as Intl.StringNumericLiteral
        )
      : null,
    email: identity.email,
    phone: identity.phone,
    publicationDirector: identity.publicationDirector,
    hostName: identity.host.name,
    hostAddress: identity.host.address,
    hostPhone: identity.host.phone,
    mediatorName: identity.mediator.name,
    mediatorWebsite: identity.mediator.website,
  }
}
