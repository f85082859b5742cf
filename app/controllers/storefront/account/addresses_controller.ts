import { inject } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import CustomerAddressService, { type DefaultPurpose } from '#services/customer_address_service'
import { addressBookEntryValidator, addressMessages } from '#validators/address'
import { countryOptions } from '#domain/countries'
import type { Locale } from '#support/locale_paths'

/**
 * The customer's address book. Addresses are looked up within the signed-in
 * customer's own, so another customer's id answers 404.
 */
@inject()
export default class AddressesController {
  constructor(protected addresses: CustomerAddressService) {}

  async index({ view, auth, i18n }: HttpContext) {
    const customer = auth.use('customer').getUserOrFail()
    return view.render('pages/storefront/account/addresses/index', {
      addresses: await this.addresses.list(customer),
      countryNames: Object.fromEntries(
        countryOptions(i18n.locale).map((country) => [country.value, country.label])
      ),
    })
  }

  async create({ view, i18n }: HttpContext) {
    return view.render('pages/storefront/account/addresses/form', {
      address: null,
      countries: countryOptions(i18n.locale),
    })
  }

  async store({ request, response, session, auth, i18n }: HttpContext) {
    const customer = auth.use('customer').getUserOrFail()
    const entry = await request.validateUsing(addressBookEntryValidator, {
      messagesProvider: addressMessages(i18n),
    })
    await this.addresses.create(customer, entry)
    session.flash('notice', i18n.t('account.addresses.created'))
    return response.redirect().toRoute(`${i18n.locale as Locale}.account.addresses.index`)
  }

  async edit({ view, params, auth, i18n }: HttpContext) {
    const customer = auth.use('customer').getUserOrFail()
    return view.render('pages/storefront/account/addresses/form', {
      address: await this.addresses.find(customer, params.id),
      countries: countryOptions(i18n.locale),
    })
  }

  async update({ request, response, session, params, auth, i18n }: HttpContext) {
    const customer = auth.use('customer').getUserOrFail()
    await this.addresses.find(customer, params.id)
    const entry = await request.validateUsing(addressBookEntryValidator, {
      messagesProvider: addressMessages(i18n),
    })
    await this.addresses.update(customer, params.id, entry)
    session.flash('notice', i18n.t('account.addresses.updated'))
    return response.redirect().toRoute(`${i18n.locale as Locale}.account.addresses.index`)
  }

  async destroy({ response, session, params, auth, i18n }: HttpContext) {
    await this.addresses.delete(auth.use('customer').getUserOrFail(), params.id)
    session.flash('notice', i18n.t('account.addresses.deleted'))
    return response.redirect().toRoute(`${i18n.locale as Locale}.account.addresses.index`)
  }

  async setDefault({ response, session, params, auth, i18n }: HttpContext) {
    const purpose = params.purpose as DefaultPurpose
    await this.addresses.setDefault(auth.use('customer').getUserOrFail(), params.id, purpose)
    session.flash('notice', i18n.t('account.addresses.default_set'))
    return response.redirect().toRoute(`${i18n.locale as Locale}.account.addresses.index`)
  }
}
