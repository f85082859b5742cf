import type { HttpContext } from '@adonisjs/core/http'
import app from '@adonisjs/core/services/app'
import { errors as lucidErrors } from '@adonisjs/lucid'
import { PluginRuntime } from '@comptoir/contracts/plugin_runtime'
import type { StripeSettings } from '#src/settings'
import { StripePayment } from '#src/stripe_payment_provider'

/**
 * "Supprimer" on a saved card of the account page: detached at Stripe if it
 * is the signed-in customer's own card, then back to the account page.
 */
export default class SavedCardsController {
  async remove(ctx: HttpContext) {
    const { params, response, session, i18n } = ctx
    const runtime = await app.container.make(PluginRuntime)
    const customer = await runtime.signedInCustomer(ctx)
    const context = await runtime.contextOf('payment-stripe')
    if (!customer || !context) throw new lucidErrors.E_ROW_NOT_FOUND()
    const payment = new StripePayment(context.settings as StripeSettings)
    const removed = await payment.savedCards().remove(customer.id, params.id)
    session.flash(
      removed ? 'notice' : 'error',
      i18n.t(removed ? 'payment-stripe.cards.removed' : 'payment-stripe.cards.not_found')
    )
    return response.redirect().toRoute(i18n.locale === 'en' ? 'en.account.show' : 'fr.account.show')
  }
}
