import { inject } from '@adonisjs/core'
import type { Locale } from '@comptoir/contracts/commerce'
import type Customer from '#models/customer'
import SsoProviders from '#services/sso/sso_providers'
import ShopperSsoService from '#services/sso/shopper_sso_service'
import { canUnlink } from '#domain/sso'

/** The account page's "sign-in methods": linked providers, and those to link. */
@inject()
export default class SsoAccountOverview {
  constructor(
    protected providers: SsoProviders,
    protected shoppers: ShopperSsoService
  ) {}

  async of(customer: Customer, locale: Locale) {
    const [identities, buttons] = await Promise.all([
      this.shoppers.identities(customer.id),
      this.providers.buttons('shoppers', locale, '/account'),
    ])
    const labels = new Map(buttons.map((button) => [button.code, button.label]))
    const unlinkable = canUnlink({
      passwordSet: customer.passwordSet,
      linkCount: identities.length,
    })
    return {
      linked: identities.map((identity) => ({
        id: identity.id,
        // A provider since removed keeps its code as name.
        label: labels.get(identity.providerCode) ?? identity.providerCode,
        email: identity.email,
        canUnlink: unlinkable,
      })),
      linkable: buttons.filter(
        (button) => !identities.some((identity) => identity.providerCode === button.code)
      ),
      passwordSet: customer.passwordSet,
    }
  }
}
