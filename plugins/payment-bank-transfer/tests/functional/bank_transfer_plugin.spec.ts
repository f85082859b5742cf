import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { CartSnapshot, OrderSnapshot } from '@comptoir/contracts/commerce'
import type { PaymentAvailabilityContext } from '@comptoir/contracts/payment_provider'

// The core's plugin test helpers, bound by the test bootstrap.
const { usePluginSandbox, runAce, cliActor } = await app.container.make('comptoir.plugin_test_kit')
const NAME = 'payment-bank-transfer'

const cart: CartSnapshot = {
  currency: 'EUR',
  locale: 'fr',
  subtotal: { amount: 4590, currency: 'EUR' },
  lines: [],
}

function context(currency: string): PaymentAvailabilityContext {
  return {
    cart: { ...cart, currency },
    total: { amount: 4590, currency },
    billingCountryCode: 'FR',
    shippingMethodCode: 'colissimo',
  }
}

test.group('Plugin payment-bank-transfer', () => {
  test('is enabled only with valid bank details, then offered for euro orders', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    const install = await runAce('plugin:install', [app.makePath('plugins', NAME)])
    assert.equal(install.exitCode, 0, install.output)

    const refused = await runAce('plugin:enable', [NAME])
    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, 'needs valid settings')
    assert.include(refused.output, 'iban')

    const invalid = await kernel.lifecycle.saveSettings(
      NAME,
      {
        accountHolder: '',
        iban: 'FR76 3000 6000 0112 3456 7890 188',
        bic: 'AGRI',
        paymentWindowDays: '45',
      },
      'fr',
      cliActor()
    )
    assert.isFalse(invalid.valid)
    if (invalid.valid) return
    assert.sameMembers(Object.keys(invalid.errors), [
      'accountHolder',
      'iban',
      'bic',
      'paymentWindowDays',
    ])
    assert.deepEqual(invalid.errors.accountHolder, [
      'Le champ Titulaire du compte est obligatoire.',
    ])
    assert.deepEqual(invalid.errors.paymentWindowDays, [
      'Le champ Délai de paiement (jours) doit être compris entre 1 et 30.',
    ])
    const stillRefused = await runAce('plugin:enable', [NAME])
    assert.equal(stillRefused.exitCode, 1)

    const saved = await kernel.lifecycle.saveSettings(
      NAME,
      {
        accountHolder: ' Épicerie Martin ',
        iban: 'fr76 3000 6000 0112 3456 7890 189',
        bic: 'agrifrpp882',
        paymentWindowDays: '',
        instructionsFr: '',
        instructionsEn: '',
      },
      'fr',
      cliActor()
    )
    assert.isTrue(saved.valid)
    const row = await db.from('plugins').where('name', NAME).first()
    const stored = typeof row.settings === 'string' ? JSON.parse(row.settings) : row.settings
    assert.deepEqual(stored, {
      accountHolder: 'Épicerie Martin',
      iban: 'FR7630006000011234567890189',
      bic: 'AGRIFRPP882',
    })

    const enabled = await runAce('plugin:enable', [NAME])
    assert.equal(enabled.exitCode, 0, enabled.output)

    const providers = await kernel.registry.providers('payment')
    assert.deepEqual(
      providers.map(({ plugin, provider }) => [plugin, provider.code, provider.label('fr')]),
      [[NAME, 'bank-transfer', 'Virement bancaire']]
    )
    const [{ provider }] = providers
    assert.equal(provider.paymentWindowHours(), 7 * 24)

    const availability = async (currency: string) => {
      const answers = await kernel.registry.collect('payment', 'isAvailable', (payment) =>
        payment.isAvailable(context(currency))
      )
      return answers.map((answer) => [answer.provider.code, answer.result])
    }
    assert.deepEqual(await availability('EUR'), [['bank-transfer', true]])
    assert.deepEqual(await availability('CHF'), [['bank-transfer', false]])

    const order: OrderSnapshot = {
      id: 1,
      reference: 'CMD-2026-000001',
      total: { amount: 4590, currency: 'EUR' },
      cart,
      shippingAddress: null,
      billingAddress: { countryCode: 'FR', postalCode: '75011', city: 'Paris', lines: ['1 rue'] },
      shippingMethodCode: 'colissimo',
      placedAt: new Date('2026-03-02T09:00:00Z'),
    }
    const start = await provider.start(
      order,
      'en',
      { return: 'http://shop.test/r', cancel: 'http://shop.test/c', notify: 'http://shop.test/n' },
      { idempotencyKey: 'payment-1', customer: null }
    )
    assert.equal(start.kind, 'instructions')
    if (start.kind !== 'instructions') return
    assert.deepInclude(start.lines, { label: 'IBAN', value: 'FR76 3000 6000 0112 3456 7890 189' })
    assert.deepInclude(start.lines, {
      label: 'Reference to give with the transfer',
      value: 'CMD-2026-000001',
    })
  })

  test('explains a bad IBAN or BIC in the language of the admin', async ({ assert, cleanup }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    await runAce('plugin:install', [app.makePath('plugins', NAME)])
    const input = {
      accountHolder: 'Épicerie Martin',
      iban: 'FR76 3000 6000 0112 3456 7890 188',
      bic: 'AGRIFRPP88',
    }

    const french = await kernel.lifecycle.saveSettings(NAME, input, 'fr', cliActor())
    const english = await kernel.lifecycle.saveSettings(NAME, input, 'en', cliActor())

    assert.deepEqual(french.valid ? null : french.errors, {
      iban: ["Le champ IBAN n'est pas un IBAN valide : sa clé de contrôle ne correspond pas."],
      bic: ['Le champ BIC doit être un BIC de 8 ou 11 lettres et chiffres.'],
    })
    assert.deepEqual(english.valid ? null : english.errors, {
      iban: ['The IBAN field is not a valid IBAN: its check digits do not match.'],
      bic: ['The BIC field must be a BIC of 8 or 11 letters and digits.'],
    })
  })
})
