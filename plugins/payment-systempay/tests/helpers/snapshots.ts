import type { OrderSnapshot } from '@comptoir/contracts/commerce'
import type { SystempaySettings } from '#src/settings'

/** Settings of a test shop: the guide's shop id and test key, a production key of its own. */
export const SETTINGS: SystempaySettings = {
  siteId: '12345678',
  mode: 'TEST',
  testKey: '1122334455667788',
  productionKey: 'prod-8877665544332211',
}

/** A placed order of 59.90 EUR as the core hands it to providers. */
export function orderSnapshot(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: 42,
    reference: 'CMD-2026-000042',
    total: { amount: 5990, currency: 'EUR' },
    cart: {
      currency: 'EUR',
      locale: 'fr',
      subtotal: { amount: 4990, currency: 'EUR' },
      lines: [],
      customerEmail: 'claire@example.fr',
    },
    shippingAddress: null,
    billingAddress: { countryCode: 'FR', postalCode: '75011', city: 'Paris', lines: ['12 rue'] },
    shippingMethodCode: 'table-rates',
    placedAt: new Date('2026-11-24T10:14:00Z'),
    ...overrides,
  }
}

export const URLS = {
  return: 'https://shop.example/checkout/payments/CMD-2026-000042/return',
  cancel: 'https://shop.example/checkout/payments/CMD-2026-000042/cancel',
  notify: 'https://shop.example/payments/systempay/notifications',
}
