import vine from '@vinejs/vine'
import { type Labels, type SettingsOf, setting } from '@comptoir/contracts/plugin_manifest'
import { AMOUNT_PATTERN, parseAmount } from '#src/amounts'
import type { TableRateOptions } from '#src/table_rates'

/** Destinations offered for the product-page estimate. */
const COUNTRIES: [code: string, fr: string, en: string][] = [
  ['FR', 'France', 'France'],
  ['MC', 'Monaco', 'Monaco'],
  ['BE', 'Belgique', 'Belgium'],
  ['LU', 'Luxembourg', 'Luxembourg'],
  ['CH', 'Suisse', 'Switzerland'],
  ['DE', 'Allemagne', 'Germany'],
  ['ES', 'Espagne', 'Spain'],
  ['IT', 'Italie', 'Italy'],
  ['NL', 'Pays-Bas', 'Netherlands'],
  ['PT', 'Portugal', 'Portugal'],
  ['AT', 'Autriche', 'Austria'],
]

export const settings = {
  labelFr: setting.optionalText({
    label: { fr: 'Nom du mode de livraison (français)', en: 'Method name (French)' },
    hint: { fr: 'Par défaut : « Livraison à domicile ».', en: 'Default: “Livraison à domicile”.' },
    maxLength: 80,
  }),
  labelEn: setting.optionalText({
    label: { fr: 'Nom du mode de livraison (anglais)', en: 'Method name (English)' },
    hint: { fr: 'Par défaut : « Home delivery ».', en: 'Default: “Home delivery”.' },
    maxLength: 80,
  }),
  freeShippingFrom: setting.text({
    label: { fr: 'Livraison offerte dès', en: 'Free shipping from' },
    hint: {
      fr: 'Montant TTC du panier, par exemple 60 ou 59,90. Vide : jamais offerte.',
      en: 'Cart amount, tax included, for example 60 or 59.90. Empty: never free.',
    },
    schema: vine.string().trim().regex(AMOUNT_PATTERN).optional(),
  }),
  defaultCountry: setting.select({
    label: {
      fr: 'Pays de l’estimation sur la fiche produit',
      en: 'Country of the product page estimate',
    },
    options: COUNTRIES.map(([value, fr, en]) => ({ value, label: { fr, en } })),
  }),
  defaultPostcode: setting.optionalText({
    label: {
      fr: 'Code postal de l’estimation (facultatif)',
      en: 'Postcode of the estimate (optional)',
    },
    hint: {
      fr: 'Pour les grilles par code postal, par exemple 75001.',
      en: 'For postcode-based rates, for example 75001.',
    },
    maxLength: 10,
  }),
}

export type TableRateSettings = SettingsOf<typeof settings>

export function methodLabels(values: TableRateSettings): Labels {
  return {
    fr: values.labelFr || 'Livraison à domicile',
    en: values.labelEn || 'Home delivery',
  }
}

export function rateOptions(values: TableRateSettings): TableRateOptions {
  const threshold = values.freeShippingFrom ? parseAmount(values.freeShippingFrom) : null
  return { freeShippingThreshold: threshold }
}

/** The name of a country of the list, as the settings show it. */
export function countryName(code: string, locale: 'fr' | 'en') {
  const country = COUNTRIES.find(([value]) => value === code)
  return country ? country[locale === 'fr' ? 1 : 2] : code
}
