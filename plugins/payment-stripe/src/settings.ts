import vine from '@vinejs/vine'
import { setting, type SettingsOf } from '@comptoir/contracts/plugin_manifest'

/** Minutes a shopper has to pay when the merchant has not set the window. */
export const DEFAULT_PAYMENT_WINDOW_MINUTES = 60

/** What Checkout offers when the merchant lists no payment method type. */
export const DEFAULT_PAYMENT_METHOD_TYPES = ['card']

export const settings = {
  secretKey: setting.secret({
    label: { fr: 'Clé secrète', en: 'Secret key' },
    hint: {
      fr: 'Tableau de bord Stripe → Développeurs → Clés API (sk_live_… ou sk_test_…).',
      en: 'Stripe Dashboard → Developers → API keys (sk_live_… or sk_test_…).',
    },
  }),
  webhookSecret: setting.secret({
    label: { fr: 'Secret de signature du webhook', en: 'Webhook signing secret' },
    hint: {
      fr: 'Affiché par Stripe pour le point de terminaison /payments/stripe/notifications (whsec_…).',
      en: 'Shown by Stripe for the /payments/stripe/notifications endpoint (whsec_…).',
    },
  }),
  capture: setting.select({
    label: { fr: 'Encaissement', en: 'Capture' },
    hint: {
      fr: "Manuel : le paiement est autorisé, vous l'encaissez depuis la commande (sous 7 jours).",
      en: 'Manual: the payment is authorized and you capture it from the order (within 7 days).',
    },
    options: [
      { value: 'automatic', label: { fr: 'Automatique', en: 'Automatic' } },
      { value: 'manual', label: { fr: 'Manuel', en: 'Manual' } },
    ],
  }),
  paymentMethodTypes: setting.list({
    label: { fr: 'Moyens de paiement Checkout', en: 'Checkout payment method types' },
    hint: {
      fr: 'Un par ligne, noms Stripe (card, sepa_debit…) ; « card » si vide.',
      en: 'One per line, Stripe names (card, sepa_debit…); "card" when empty.',
    },
    item: vine
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{1,40}$/),
  }),
  // Stripe keeps a Checkout Session open between 30 minutes and 24 hours.
  paymentWindowMinutes: setting.optionalNumber({
    label: { fr: 'Délai de paiement (minutes)', en: 'Payment window (minutes)' },
    hint: {
      fr: `De 30 à 1440 minutes ; ${DEFAULT_PAYMENT_WINDOW_MINUTES} si vide. Passé ce délai, la commande non payée est annulée et son stock libéré.`,
      en: `30 to 1440 minutes; ${DEFAULT_PAYMENT_WINDOW_MINUTES} when empty. After it, the unpaid order is cancelled and its stock released.`,
    },
    min: 30,
    max: 1440,
  }),
  savedCards: setting.boolean({
    label: {
      fr: 'Proposer les cartes enregistrées aux clients connectés',
      en: 'Offer saved cards to signed-in customers',
    },
    hint: {
      fr: 'Les cartes restent chez Stripe ; le client les retrouve et les supprime depuis son compte.',
      en: 'Cards stay at Stripe; customers see and remove them from their account.',
    },
  }),
}

export type StripeSettings = SettingsOf<typeof settings>
