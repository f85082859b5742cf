import router from '@adonisjs/core/services/router'
import { definePlugin } from '@comptoir/contracts/plugin_manifest'
import { settings } from '#src/settings'
import { StripePayment } from '#src/stripe_payment_provider'
import { STOREFRONT_PATH } from '#src/paths'

const SavedCardsController = () => import('#src/controllers/saved_cards_controller')

/**
 * Card payment with Stripe Checkout (see README.md): the provider, and the
 * saved cards section of the customer's account page with its removal.
 */
export default definePlugin({
  settings,

  provides: ({ settings: values }) => ({ payment: [new StripePayment(values)] }),

  routes(routes) {
    routes.storefront(() => {
      router
        .post('/cards/:id/remove', [SavedCardsController, 'remove'])
        .where('id', /^pm_[A-Za-z0-9_]+$/)
        .as('cards.remove')
    })
  },

  slots: {
    // The account page is the customer's own (never cached for others).
    'account.sections': {
      view: 'saved_cards',
      async data(input, context) {
        if (!context.settings.savedCards) return null
        const cards = await new StripePayment(context.settings).savedCards().list(input.customer.id)
        return { cards, action: `${STOREFRONT_PATH}/cards` }
      },
    },
  },
})
