import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import type { CartSnapshot } from '@comptoir/contracts/commerce'
import type { PaymentAvailabilityContext } from '@comptoir/contracts/payment_provider'

// The core's plugin test helpers, bound by the test bootstrap.
const { usePluginSandbox, runAce, cliActor } = await app.container.make('comptoir.plugin_test_kit')
const NAME = 'payment-pay-in-store'

const cart: CartSnapshot = {
  currency: 'EUR',
  locale: 'fr',
  subtotal: { amount: 2350, currency: 'EUR' },
  lines: [],
}

function context(shippingMethodCode: string | null): PaymentAvailabilityContext {
  return {
    cart,
    total: { amount: 2350, currency: 'EUR' },
    billingCountryCode: 'FR',
    shippingMethodCode,
  }
}

test.group('Plugin payment-pay-in-store', () => {
  test('is enabled once the accepted means are listed, then offered with click & collect only', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    const install = await runAce('plugin:install', [app.makePath('plugins', NAME)])
    assert.equal(install.exitCode, 0, install.output)

    const refused = await runAce('plugin:enable', [NAME])
    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, 'needs valid settings')
    assert.include(refused.output, 'acceptedMeansFr')

    const invalid = await kernel.lifecycle.saveSettings(
      NAME,
      { acceptedMeansFr: '\n  \n', acceptedMeansEn: '', collectionWindowDays: '0' },
      'fr',
      cliActor()
    )
    assert.isFalse(invalid.valid)
    if (invalid.valid) return
    assert.sameMembers(Object.keys(invalid.errors), ['acceptedMeansFr', 'collectionWindowDays'])
    assert.deepEqual(invalid.errors.collectionWindowDays, [
      'Le champ Délai de retrait (jours) doit être compris entre 1 et 60.',
    ])
    const stillRefused = await runAce('plugin:enable', [NAME])
    assert.equal(stillRefused.exitCode, 1)

    const saved = await kernel.lifecycle.saveSettings(
      NAME,
      {
        acceptedMeansFr: 'Carte bancaire\r\nEspèces\n',
        acceptedMeansEn: '',
        collectionWindowDays: '',
      },
      'fr',
      cliActor()
    )
    assert.isTrue(saved.valid)
    const enabled = await runAce('plugin:enable', [NAME])
    assert.equal(enabled.exitCode, 0, enabled.output)

    const providers = await kernel.registry.providers('payment')
    assert.deepEqual(
      providers.map(({ plugin, provider }) => [plugin, provider.code, provider.label('en')]),
      [[NAME, 'pay-in-store', 'Pay in store on collection']]
    )
    assert.equal(providers[0].provider.paymentWindowHours(), 10 * 24)

    const availability = async (shippingMethodCode: string | null) => {
      const answers = await kernel.registry.collect('payment', 'isAvailable', (payment) =>
        payment.isAvailable(context(shippingMethodCode))
      )
      return answers.map((answer) => [answer.provider.code, answer.result])
    }
    assert.deepEqual(await availability('click-collect'), [['pay-in-store', true]])
    assert.deepEqual(await availability('colissimo'), [['pay-in-store', false]])
    assert.deepEqual(await availability(null), [['pay-in-store', false]])
  })

  test('explains an empty list of means in the language of the admin', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    await runAce('plugin:install', [app.makePath('plugins', NAME)])
    const input = { acceptedMeansFr: '', acceptedMeansEn: '' }

    const french = await kernel.lifecycle.saveSettings(NAME, input, 'fr', cliActor())
    const english = await kernel.lifecycle.saveSettings(NAME, input, 'en', cliActor())

    assert.deepEqual(french.valid ? null : french.errors, {
      acceptedMeansFr: ['Le champ Moyens de paiement acceptés doit compter au moins une ligne.'],
    })
    assert.deepEqual(english.valid ? null : english.errors, {
      acceptedMeansFr: ['The Accepted means of payment field needs at least one line.'],
    })
  })
})
