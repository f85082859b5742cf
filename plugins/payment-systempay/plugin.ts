import vine from '@vinejs/vine'
import { definePlugin, setting } from '@comptoir/contracts/plugin_manifest'
import {
  DEFAULT_PAYMENT_PAGE_URL,
  DEFAULT_PAYMENT_WINDOW_MINUTES,
  DEFAULT_REST_API_URL,
} from '#src/settings'
import { gatewayUrl } from '#src/setting_rules'
import { SystempayPayment } from '#src/systempay_payment_provider'

/** An optional https address of a Lyra gateway. */
function optionalGatewayUrl(options: Parameters<typeof setting.optionalText>[0]) {
  return {
    ...setting.optionalText(options),
    schema: vine.string().trim().maxLength(500).use(gatewayUrl()).optional(),
  }
}

/** A secret the merchant may leave out (the core keeps a stored one when the field is empty). */
function optionalSecret(options: Parameters<typeof setting.secret>[0]) {
  return { ...setting.secret(options), schema: vine.string().trim().maxLength(2000).optional() }
}

export default definePlugin({
  settings: {
    siteId: setting.text({
      label: { fr: 'Identifiant de la boutique', en: 'Shop ID' },
      hint: {
        fr: 'vads_site_id : 8 chiffres, dans le Back Office Marchand (Paramétrage > Boutique).',
        en: 'vads_site_id: 8 digits, in the Merchant Back Office (Settings > Shop).',
      },
      schema: vine
        .string()
        .trim()
        .regex(/^\d{8}$/),
    }),
    mode: setting.select({
      label: { fr: 'Mode', en: 'Mode' },
      hint: {
        fr: 'TEST : paiements fictifs avec la clé de test. PRODUCTION : vrais paiements avec la clé de production.',
        en: 'TEST: fake payments with the test key. PRODUCTION: real payments with the production key.',
      },
      options: [
        { value: 'TEST', label: { fr: 'Test', en: 'Test' } },
        { value: 'PRODUCTION', label: { fr: 'Production', en: 'Production' } },
      ],
    }),
    testKey: setting.secret({
      label: { fr: 'Clé de test', en: 'Test key' },
      hint: {
        fr: 'Back Office Marchand, Paramétrage > Boutique > Clés. Signature HMAC-SHA-256.',
        en: 'Merchant Back Office, Settings > Shop > Keys. HMAC-SHA-256 signature.',
      },
    }),
    productionKey: {
      ...optionalSecret({
        label: { fr: 'Clé de production', en: 'Production key' },
        hint: {
          fr: 'Obligatoire en mode PRODUCTION.',
          en: 'Required in PRODUCTION mode.',
        },
      }),
      schema: vine
        .string()
        .trim()
        .maxLength(2000)
        .optional()
        .requiredWhen('mode', '=', 'PRODUCTION'),
    },
    paymentPageUrl: optionalGatewayUrl({
      label: { fr: 'Adresse de la page de paiement', en: 'Payment page address' },
      hint: {
        fr: `${DEFAULT_PAYMENT_PAGE_URL} si vide ; PayZen et les autres revendeurs Lyra ont la leur.`,
        en: `${DEFAULT_PAYMENT_PAGE_URL} when empty; PayZen and other Lyra resellers have their own.`,
      },
    }),
    restApiUrl: optionalGatewayUrl({
      label: { fr: 'Adresse de l’API REST', en: 'REST API address' },
      hint: {
        fr: `${DEFAULT_REST_API_URL} si vide.`,
        en: `${DEFAULT_REST_API_URL} when empty.`,
      },
    }),
    restTestPassword: optionalSecret({
      label: { fr: 'Mot de passe API REST de test', en: 'REST API test password' },
      hint: {
        fr: 'Facultatif : sans lui, les remboursements se font dans le Back Office Lyra et s’enregistrent ici à la main.',
        en: 'Optional: without it, refunds are made in the Lyra back office and recorded here by hand.',
      },
    }),
    restProductionPassword: optionalSecret({
      label: { fr: 'Mot de passe API REST de production', en: 'REST API production password' },
      hint: {
        fr: 'Utilisé en mode PRODUCTION pour rembourser depuis la boutique.',
        en: 'Used in PRODUCTION mode to refund from the shop.',
      },
    }),
    paymentWindowMinutes: setting.optionalNumber({
      label: { fr: 'Délai de paiement (minutes)', en: 'Payment window (minutes)' },
      hint: {
        fr: `De 10 à 1440 minutes ; ${DEFAULT_PAYMENT_WINDOW_MINUTES} si vide. Passé ce délai, une commande non payée est annulée et son stock libéré.`,
        en: `10 to 1440 minutes; ${DEFAULT_PAYMENT_WINDOW_MINUTES} when empty. After it, an unpaid order is cancelled and its stock released.`,
      },
      min: 10,
      max: 1440,
    }),
  },
  provides: ({ settings }) => ({
    payment: [new SystempayPayment(settings)],
  }),
})
