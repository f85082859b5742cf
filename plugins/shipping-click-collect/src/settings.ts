import { type Labels, type SettingsOf, setting } from '@comptoir/contracts/plugin_manifest'

/** Stores listed when the merchant has not said how many. */
export const DEFAULT_MAX_STORES = 5

export const settings = {
  priceCents: setting.optionalNumber({
    label: { fr: 'Prix du retrait (en centimes)', en: 'Pickup price (in cents)' },
    hint: {
      fr: 'Par exemple 250 pour 2,50 €. Vide ou 0 : gratuit.',
      en: 'For example 250 for €2.50. Empty or 0: free.',
    },
    min: 0,
    max: 100_000,
  }),
  maxStores: setting.optionalNumber({
    label: { fr: 'Nombre de magasins proposés', en: 'Stores listed' },
    hint: {
      fr: `Les plus proches du client, de 1 à 50 ; ${DEFAULT_MAX_STORES} si vide.`,
      en: `The nearest to the shopper, 1 to 50; ${DEFAULT_MAX_STORES} when empty.`,
    },
    min: 1,
    max: 50,
  }),
  labelFr: setting.optionalText({
    label: { fr: 'Nom du mode de livraison (français)', en: 'Method name (French)' },
    hint: { fr: 'Par défaut : « Retrait en magasin ».', en: 'Default: “Retrait en magasin”.' },
    maxLength: 80,
  }),
  labelEn: setting.optionalText({
    label: { fr: 'Nom du mode de livraison (anglais)', en: 'Method name (English)' },
    hint: { fr: 'Par défaut : « Click & collect ».', en: 'Default: “Click & collect”.' },
    maxLength: 80,
  }),
}

export type ClickCollectSettings = SettingsOf<typeof settings>

export function methodLabels(values: Partial<ClickCollectSettings>): Labels {
  return {
    fr: values.labelFr || 'Retrait en magasin',
    en: values.labelEn || 'Click & collect',
  }
}

export function maxStores(values: Partial<ClickCollectSettings>) {
  return values.maxStores ?? DEFAULT_MAX_STORES
}
