import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import type { CartSnapshot, OrderSnapshot } from '@comptoir/contracts/commerce'
import type { PaymentAvailabilityContext } from '@comptoir/contracts/payment_provider'
import { CLICK_AND_COLLECT_METHOD_CODE } from '#src/click_collect'
import { PayInStorePayment, type PayInStoreSettings } from '#src/pay_in_store_payment_provider'
import { notEmptyList } from '#src/setting_rules'

const SETTINGS: PayInStoreSettings = {
  acceptedMeansFr: ['Carte bancaire', 'Espèces', 'Chèque'],
  acceptedMeansEn: [],
}

const cart: CartSnapshot = {
  currency: 'EUR',
  locale: 'fr',
  subtotal: { amount: 2350, currency: 'EUR' },
  lines: [],
}

function order(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: 7,
    reference: 'CMD-2026-000007',
    total: { amount: 2350, currency: 'EUR' },
    cart,
    shippingAddress: null,
    billingAddress: { countryCode: 'FR', postalCode: '69001', city: 'Lyon', lines: ['2 quai'] },
    shippingMethodCode: 'click-collect',
    // 10:15 in Paris, winter time.
    placedAt: new Date('2026-02-02T09:15:00Z'),
    ...overrides,
  }
}

function availability(shippingMethodCode: string | null): PaymentAvailabilityContext {
  return {
    cart,
    total: { amount: 2350, currency: 'EUR' },
    billingCountryCode: 'FR',
    shippingMethodCode,
  }
}

/** Intl's no-break spaces vary with the ICU version; the words are what is checked. */
function plainSpaces(text: string) {
  return text.replace(/[\u00a0\u202f]/g, ' ')
}

async function instructions(provider: PayInStorePayment, locale: 'fr' | 'en') {
  const start = await provider.start(order(), locale)
  if (start.kind !== 'instructions') throw new Error(`expected instructions, got ${start.kind}`)
  return Object.fromEntries(start.lines.map((line) => [line.label, plainSpaces(line.value)]))
}

test.group('Pay in store / provider', () => {
  test('is named in French and English under a stable code', ({ assert }) => {
    const provider = new PayInStorePayment(SETTINGS)
    assert.equal(provider.code, 'pay-in-store')
    assert.equal(provider.label('fr'), 'Paiement au retrait en magasin')
    assert.equal(provider.label('en'), 'Pay in store on collection')
  })

  test('shows its own pictogram, named by its label so it reads as decoration', async ({
    assert,
  }) => {
    const provider = new PayInStorePayment(SETTINGS)
    assert.deepEqual(provider.logos('fr'), [
      { name: 'Paiement au retrait en magasin', file: 'resources/logos/shop.svg' },
    ])
    assert.deepEqual(provider.logos('en'), [
      { name: 'Pay in store on collection', file: 'resources/logos/shop.svg' },
    ])
    // The core shows it 24 px high: a small SVG, 3:2 like a card, with no script.
    const svg = await readFile(new URL('../../resources/logos/shop.svg', import.meta.url), 'utf8')
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 48 32"/)
    assert.isBelow(svg.length, 2048)
    assert.notMatch(svg, /<script|<foreignObject|\son\w+=/i)
  })

  test('is offered with click & collect only', async ({ assert }) => {
    const provider = new PayInStorePayment(SETTINGS)
    assert.equal(CLICK_AND_COLLECT_METHOD_CODE, 'click-collect')
    assert.isTrue(await provider.isAvailable(availability('click-collect')))
    for (const code of ['colissimo', 'table-rates', 'relay-point', 'Click-Collect', null]) {
      assert.isFalse(await provider.isAvailable(availability(code)), String(code))
    }
  })

  test('gives the order 10 days to be collected unless the merchant sets a window', ({
    assert,
  }) => {
    assert.equal(new PayInStorePayment(SETTINGS).paymentWindowHours(), 240)
    assert.equal(
      new PayInStorePayment({ ...SETTINGS, collectionWindowDays: 2 }).paymentWindowHours(),
      48
    )
  })

  test('tells French shoppers to pay on collection, with the means accepted', async ({
    assert,
  }) => {
    const lines = await instructions(new PayInStorePayment(SETTINGS), 'fr')

    assert.deepEqual(lines, {
      'Règlement': 'Vous réglerez votre commande au retrait en magasin, référence CMD-2026-000007.',
      'Montant à régler': '23,50 €',
      'Moyens de paiement acceptés': 'Carte bancaire, Espèces ou Chèque',
      'À retirer avant le': '12 février 2026 à 10:15',
      'Ensuite':
        "Donnez la référence de la commande au retrait. Si elle n'est ni retirée ni payée à cette date, elle est annulée.",
    })
  })

  test('tells English shoppers the same, with the English list when there is one', async ({
    assert,
  }) => {
    const provider = new PayInStorePayment({
      ...SETTINGS,
      acceptedMeansEn: ['Card', 'Cash'],
      collectionWindowDays: 3,
    })
    const lines = await instructions(provider, 'en')

    assert.deepEqual(lines, {
      'Payment':
        'You will pay for your order when you collect it in store, reference CMD-2026-000007.',
      'Amount to pay': '€23.50',
      'Accepted means of payment': 'Card or Cash',
      'Collect before': 'February 5, 2026 at 10:15 AM',
      'Next':
        'Give the order reference when you collect it. If it is neither collected nor paid by that date, it is cancelled.',
    })
  })

  test('shows the French list to English shoppers when no English one is set', async ({
    assert,
  }) => {
    const lines = await instructions(new PayInStorePayment(SETTINGS), 'en')
    assert.equal(lines['Accepted means of payment'], 'Carte bancaire, Espèces, or Chèque')
  })

  test('refunds nothing itself: the core records a manual refund', async ({ assert }) => {
    const provider = new PayInStorePayment(SETTINGS)
    assert.deepEqual(
      await provider.refund(
        { order: order(), reference: null, transactionId: null },
        { amount: 2350, currency: 'EUR' },
        'r-1'
      ),
      {
        kind: 'unsupported',
      }
    )
  })
})

test.group('Pay in store / settings and translations', () => {
  test('a means list needs one entry at least, reported under its translation key', async ({
    assert,
  }) => {
    const validator = vine.create(
      vine.object({ means: vine.array(vine.string().trim()).use(notEmptyList()) })
    )
    assert.deepEqual(await validator.validate({ means: ['Espèces'] }), { means: ['Espèces'] })
    const [error] = await validator.tryValidate({ means: [] })
    assert.deepEqual(
      (error?.messages as { field: string; rule: string }[]).map(({ field, rule }) => ({
        field,
        rule,
      })),
      [{ field: 'means', rule: 'payment-pay-in-store.errors.list_empty' }]
    )
  })
})
