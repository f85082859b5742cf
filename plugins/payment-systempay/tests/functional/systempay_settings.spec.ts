import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { PLUGIN, kit } from '#tests/helpers/shop'

test.group('Systempay / settings', () => {
  test('is enabled only with a shop id and the key of its mode; secrets are sealed', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await kit.usePluginSandbox(cleanup)
    const install = await kit.runAce('plugin:install', [app.makePath('plugins', PLUGIN)])
    assert.equal(install.exitCode, 0, install.output)
    const refused = await kit.runAce('plugin:enable', [PLUGIN])
    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, 'needs valid settings')

    const invalid = await kernel.lifecycle.saveSettings(
      PLUGIN,
      {
        siteId: '1234',
        mode: 'PRODUCTION',
        testKey: 'test-key',
        paymentPageUrl: 'http://paiement.example.com/vads-payment/',
        paymentWindowMinutes: '5',
      },
      'fr',
      kit.cliActor()
    )
    assert.isFalse(invalid.valid)
    if (invalid.valid) return
    assert.sameMembers(Object.keys(invalid.errors), [
      'siteId',
      'productionKey',
      'paymentPageUrl',
      'paymentWindowMinutes',
    ])
    assert.deepEqual(invalid.errors.paymentPageUrl, [
      'Le champ Adresse de la page de paiement doit être une adresse https.',
    ])

    const saved = await kernel.lifecycle.saveSettings(
      PLUGIN,
      {
        siteId: '12345678',
        mode: 'PRODUCTION',
        testKey: 'test-key',
        productionKey: 'prod-key',
        paymentPageUrl: 'https://secure.payzen.eu/vads-payment/',
        paymentWindowMinutes: '30',
      },
      'fr',
      kit.cliActor()
    )
    assert.isTrue(saved.valid)
    const row = await db.from('plugins').where('name', PLUGIN).first()
    const stored = typeof row.settings === 'string' ? JSON.parse(row.settings) : row.settings
    assert.notInclude(JSON.stringify(stored), 'prod-key', 'keys are encrypted at rest')
    assert.equal(stored.siteId, '12345678')

    const enabled = await kit.runAce('plugin:enable', [PLUGIN])
    assert.equal(enabled.exitCode, 0, enabled.output)
    const [{ provider }] = await kernel.registry.providers('payment')
    assert.equal(provider.code, 'systempay')
    assert.equal(provider.label('fr'), 'Carte bancaire')
    assert.equal(provider.paymentWindowHours(), 0.5)
    assert.deepEqual(provider.formTargets(), ['https://secure.payzen.eu'])
  })
})
