import vine from '@vinejs/vine'
import { definePlugin, setting } from '@comptoir/contracts/plugin_manifest'
import {
  BankTransferPayment,
  DEFAULT_PAYMENT_WINDOW_DAYS,
} from '#src/bank_transfer_payment_provider'
import { bic, iban } from '#src/setting_rules'

export default definePlugin({
  settings: {
    accountHolder: setting.text({
      label: { fr: 'Titulaire du compte', en: 'Account holder' },
      hint: {
        fr: "Le nom exact du compte, tel que la banque du client l'affichera.",
        en: "The exact account name, as the customer's bank will show it.",
      },
      // SEPA limits the beneficiary name to 70 characters.
      schema: vine.string().trim().minLength(2).maxLength(70),
    }),
    iban: setting.text({
      label: { fr: 'IBAN', en: 'IBAN' },
      hint: {
        fr: "IBAN d'un pays de la zone SEPA ; espaces et minuscules acceptés.",
        en: 'IBAN of a SEPA country; spaces and lower case are fine.',
      },
      schema: vine.string().trim().maxLength(50).use(iban()),
    }),
    bic: setting.text({
      label: { fr: 'BIC', en: 'BIC' },
      hint: { fr: '8 ou 11 caractères.', en: '8 or 11 characters.' },
      schema: vine.string().trim().maxLength(20).use(bic()),
    }),
    // Optional: the provider applies the default, so the plugin can be enabled without it.
    paymentWindowDays: setting.optionalNumber({
      label: { fr: 'Délai de paiement (jours)', en: 'Payment window (days)' },
      hint: {
        fr: `De 1 à 30 jours ; ${DEFAULT_PAYMENT_WINDOW_DAYS} jours si vide. Passé ce délai, une commande non payée est annulée et son stock libéré.`,
        en: `1 to 30 days; ${DEFAULT_PAYMENT_WINDOW_DAYS} days when empty. After it, an unpaid order is cancelled and its stock released.`,
      },
      min: 1,
      max: 30,
    }),
    instructionsFr: setting.optionalText({
      label: { fr: 'Précisions pour le client (français)', en: 'Note to customers (French)' },
      hint: {
        fr: 'Affichées avec les coordonnées bancaires, facultatives.',
        en: 'Shown with the bank details, optional.',
      },
    }),
    instructionsEn: setting.optionalText({
      label: { fr: 'Précisions pour le client (anglais)', en: 'Note to customers (English)' },
      hint: {
        fr: 'Si vide, les clients anglophones voient le texte français.',
        en: 'When empty, English-speaking customers see the French text.',
      },
    }),
  },
  provides: ({ settings }) => ({
    payment: [new BankTransferPayment(settings)],
  }),
})
