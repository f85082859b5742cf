import { readFile } from 'node:fs/promises'
import { test } from '@japa/runner'
import vine from '@vinejs/vine'
import type { CartSnapshot, OrderSnapshot } from '@comptoir/contracts/commerce'
import type { PaymentAvailabilityContext } from '@comptoir/contracts/payment_provider'
import { BankTransferPayment, type BankTransferSettings } from '#src/bank_transfer_payment_provider'
import { bic, iban } from '#src/setting_rules'

const SETTINGS: BankTransferSettings = {
  accountHolder: 'Épicerie Martin SARL',
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP882',
}

const cart: CartSnapshot = {
  currency: 'EUR',
  locale: 'fr',
  subtotal: { amount: 4100, currency: 'EUR' },
  lines: [],
}

function order(overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: 123,
    reference: 'CMD-2026-000123',
    total: { amount: 4590, currency: 'EUR' },
    cart,
    shippingAddress: null,
    billingAddress: {
      countryCode: 'FR',
      postalCode: '75011',
      city: 'Paris',
      lines: ['1 rue Oberkampf'],
    },
    shippingMethodCode: 'colissimo',
    // Noon in Paris (summer time), five days before the clocks go back.
    placedAt: new Date('2026-10-20T10:00:00Z'),
    ...overrides,
  }
}

function availability(currency: string): PaymentAvailabilityContext {
  return {
    cart: { ...cart, currency },
    total: { amount: 4590, currency },
    billingCountryCode: 'FR',
    shippingMethodCode: 'colissimo',
  }
}

async function instructions(provider: BankTransferPayment, locale: 'fr' | 'en', placed = order()) {
  const start = await provider.start(placed, locale)
  if (start.kind !== 'instructions') throw new Error(`expected instructions, got ${start.kind}`)
  return Object.fromEntries(start.lines.map((line) => [line.label, plainSpaces(line.value)]))
}

/** Intl's no-break spaces vary with the ICU version; the words are what is checked. */
function plainSpaces(text: string) {
  return text.replace(/[\u00a0\u202f]/g, ' ')
}

test.group('Bank transfer / provider', () => {
  test('is named in French and English under a stable code', ({ assert }) => {
    const provider = new BankTransferPayment(SETTINGS)
    assert.equal(provider.code, 'bank-transfer')
    assert.equal(provider.label('fr'), 'Virement bancaire')
    assert.equal(provider.label('en'), 'Bank transfer')
  })

  test('shows its own pictogram, named by its label so it reads as decoration', async ({
    assert,
  }) => {
    const provider = new BankTransferPayment(SETTINGS)
    assert.deepEqual(provider.logos('fr'), [
      { name: 'Virement bancaire', file: 'resources/logos/bank.svg' },
    ])
    assert.deepEqual(provider.logos('en'), [
      { name: 'Bank transfer', file: 'resources/logos/bank.svg' },
    ])
    // The core shows it 24 px high: a small SVG, 3:2 like a card, with no script.
    const svg = await readFile(new URL('../../resources/logos/bank.svg', import.meta.url), 'utf8')
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 48 32"/)
    assert.isBelow(svg.length, 2048)
    assert.notMatch(svg, /<script|<foreignObject|\son\w+=/i)
  })

  test('declares a payment window of 7 days unless the merchant sets one', ({ assert }) => {
    assert.equal(new BankTransferPayment(SETTINGS).paymentWindowHours(), 168)
    assert.equal(
      new BankTransferPayment({ ...SETTINGS, paymentWindowDays: 3 }).paymentWindowHours(),
      72
    )
    assert.equal(
      new BankTransferPayment({ ...SETTINGS, paymentWindowDays: 30 }).paymentWindowHours(),
      720
    )
  })

  test('is offered for euro totals only', async ({ assert }) => {
    const provider = new BankTransferPayment(SETTINGS)
    assert.isTrue(await provider.isAvailable(availability('EUR')))
    assert.isFalse(await provider.isAvailable(availability('CHF')))
    assert.isFalse(await provider.isAvailable(availability('GBP')))
  })

  test('gives French instructions: holder, grouped IBAN, BIC, amount, reference, deadline', async ({
    assert,
  }) => {
    const lines = await instructions(new BankTransferPayment(SETTINGS), 'fr')

    assert.deepEqual(lines, {
      'Titulaire du compte': 'Épicerie Martin SARL',
      'IBAN': 'FR76 3000 6000 0112 3456 7890 189',
      'BIC': 'AGRIFRPP882',
      'Montant à virer': '45,90 €',
      'Référence à indiquer dans le libellé du virement': 'CMD-2026-000123',
      // 168 hours later, the clocks have gone back: 11:00 in Paris.
      'À payer avant le': '27 octobre 2026 à 11:00',
      'Ensuite':
        'Votre commande est traitée dès réception du virement. Sans paiement à cette date, elle est annulée.',
    })
  })

  test('gives English instructions', async ({ assert }) => {
    const lines = await instructions(new BankTransferPayment(SETTINGS), 'en')

    assert.deepEqual(lines, {
      'Account holder': 'Épicerie Martin SARL',
      'IBAN': 'FR76 3000 6000 0112 3456 7890 189',
      'BIC': 'AGRIFRPP882',
      'Amount to transfer': '€45.90',
      'Reference to give with the transfer': 'CMD-2026-000123',
      'Pay before': 'October 27, 2026 at 11:00 AM',
      'Next':
        'Your order is processed as soon as the transfer is received. Without payment by that date, it is cancelled.',
    })
  })

  test('the deadline follows the merchant window and is shown in Paris time', async ({
    assert,
  }) => {
    const provider = new BankTransferPayment({ ...SETTINGS, paymentWindowDays: 3 })
    // 23:30 UTC on 30 December is already 00:30 on the 31st in Paris.
    const placed = order({ placedAt: new Date('2026-12-30T23:30:00Z') })

    assert.equal(provider.deadline(placed).toISOString(), '2027-01-02T23:30:00.000Z')
    const lines = await instructions(provider, 'fr', placed)
    assert.equal(lines['À payer avant le'], '3 janvier 2027 à 00:30')
  })

  test('adds the merchant note in the shopper language, French when no English one', async ({
    assert,
  }) => {
    const both = new BankTransferPayment({
      ...SETTINGS,
      instructionsFr: 'Virement instantané bienvenu.',
      instructionsEn: 'Instant transfers welcome.',
    })
    const french = await instructions(both, 'fr')
    const english = await instructions(both, 'en')
    assert.equal(french['Précisions'], 'Virement instantané bienvenu.')
    assert.equal(english['Note'], 'Instant transfers welcome.')

    const frenchOnly = new BankTransferPayment({ ...SETTINGS, instructionsFr: 'Merci !' })
    const fallback = await instructions(frenchOnly, 'en')
    assert.equal(fallback['Note'], 'Merci !')
  })

  test('leaves refunds to the merchant: the core records them as manual', async ({ assert }) => {
    const provider = new BankTransferPayment(SETTINGS)
    assert.deepEqual(
      await provider.refund(
        { order: order(), reference: null, transactionId: null },
        { amount: 4590, currency: 'EUR' },
        'refund-1'
      ),
      {
        kind: 'unsupported',
      }
    )
  })
})

test.group('Bank transfer / setting rules', () => {
  const validator = vine.create(
    vine.object({ iban: vine.string().trim().use(iban()), bic: vine.string().trim().use(bic()) })
  )

  test('store the IBAN and BIC normalised', async ({ assert }) => {
    const values = await validator.validate({
      iban: ' fr76 3000 6000 0112 3456 7890 189 ',
      bic: 'agri frpp 882',
    })
    assert.deepEqual(values, { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP882' })
  })

  test('report each problem under a rule named by its translation key', async ({ assert }) => {
    const [errors] = await validator.tryValidate({
      iban: 'FR76 3000 6000 0112 3456 7890 188',
      bic: 'AGRIFRP',
    })
    assert.deepEqual(
      (errors?.messages as { field: string; rule: string }[]).map(({ field, rule }) => ({
        field,
        rule,
      })),
      [
        { field: 'iban', rule: 'payment-bank-transfer.errors.iban_checksum' },
        { field: 'bic', rule: 'payment-bank-transfer.errors.bic' },
      ]
    )
  })
})

test.group('Bank transfer / translations', () => {})
