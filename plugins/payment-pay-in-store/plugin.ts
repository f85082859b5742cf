import vine from '@vinejs/vine'
import { definePlugin, setting } from '@comptoir/contracts/plugin_manifest'
import {
  DEFAULT_COLLECTION_WINDOW_DAYS,
  PayInStorePayment,
} from '#src/pay_in_store_payment_provider'
import { notEmptyList } from '#src/setting_rules'

const means = vine.string().trim().minLength(1).maxLength(60)

export default definePlugin({
  settings: {
    acceptedMeansFr: {
      ...setting.list({
        label: { fr: 'Moyens de paiement acceptés', en: 'Accepted means of payment' },
        hint: {
          fr: 'Un par ligne, tels que les clients les liront : Carte bancaire, Espèces, Chèque…',
          en: 'One per line, in French, as customers will read them: Carte bancaire, Espèces, Chèque…',
        },
      }),
      // Shoppers must know before ordering what they can pay with.
      schema: vine.array(means).maxLength(10).use(notEmptyList()),
    },
    acceptedMeansEn: setting.list({
      label: {
        fr: 'Moyens de paiement acceptés (anglais)',
        en: 'Accepted means of payment (English)',
      },
      hint: {
        fr: 'Un par ligne : Card, Cash, Cheque… Si vide, les clients anglophones voient la liste française.',
        en: 'One per line: Card, Cash, Cheque… When empty, English-speaking customers see the French list.',
      },
      item: means,
    }),
    // Optional: the provider applies the default, so the plugin can be enabled without it.
    collectionWindowDays: setting.optionalNumber({
      label: { fr: 'Délai de retrait (jours)', en: 'Collection window (days)' },
      hint: {
        fr: `De 1 à 60 jours après la commande ; ${DEFAULT_COLLECTION_WINDOW_DAYS} jours si vide. Une commande ni retirée ni payée dans ce délai est annulée et son stock libéré.`,
        en: `1 to 60 days after ordering; ${DEFAULT_COLLECTION_WINDOW_DAYS} days when empty. An order neither collected nor paid by then is cancelled and its stock released.`,
      },
      min: 1,
      max: 60,
    }),
  },
  provides: ({ settings }) => ({
    payment: [new PayInStorePayment(settings)],
  }),
})
