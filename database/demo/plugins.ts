/**
 * The plugins the demo shop runs with, and their settings: bank details of
 * a fictitious account (a valid IBAN format, no real bank account behind it).
 */
export const DEMO_PLUGINS: { name: string; settings: Record<string, unknown> }[] = [
  {
    name: 'shipping-table-rates',
    settings: { defaultCountry: 'FR', freeShippingFrom: '60' },
  },
  {
    // Free pickup in the demo boutiques; each store's details come with the plugin's seedDemo.
    name: 'shipping-click-collect',
    settings: { labelFr: 'Retrait gratuit en boutique', labelEn: 'Free pickup in our shops' },
  },
  {
    name: 'payment-bank-transfer',
    settings: {
      accountHolder: 'Sabots Martin SARL',
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPP882',
    },
  },
  {
    name: 'payment-pay-in-store',
    settings: {
      acceptedMeansFr: ['Carte bancaire', 'Espèces', 'Chèque'],
      acceptedMeansEn: ['Card', 'Cash', 'Cheque'],
    },
  },
]
