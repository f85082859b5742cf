import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import emitter from '@adonisjs/core/services/emitter'
import testUtils from '@adonisjs/core/services/test_utils'
import type { CartSnapshot, OrderSnapshot } from '@comptoir/contracts/commerce'
import Plugin from '#models/plugin'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'
import type PluginKernel from '#plugin_kernel/plugin_kernel'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { fixturePlugin, runAce, usePluginSandbox } from '#tests/helpers/plugins'

const cart: CartSnapshot = {
  currency: 'EUR',
  locale: 'fr',
  subtotal: { amount: 4500, currency: 'EUR' },
  lines: [],
}
const address = {
  countryCode: 'FR',
  postalCode: '75011',
  city: 'Paris',
  lines: ['1 rue Oberkampf'],
}

async function enabledFixture(kernel: PluginKernel, behaviour: string) {
  await runAce('plugin:install', [fixturePlugin('fixture-notes-1.0.0')])
  await kernel.lifecycle.saveSettings(
    'fixture-notes',
    { greeting: 'Merci', apiKey: 'sk_test_42', behaviour },
    'fr',
    cliActor()
  )
  await runAce('plugin:enable', ['fixture-notes'])
}

function quotes(kernel: PluginKernel) {
  return kernel.registry.collect('shipping', 'quote', (method) => method.quote(cart, address))
}

test.group('Plugins at run time', () => {
  test('an enabled plugin provides its shipping method with its settings', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    await enabledFixture(kernel, 'works')

    const answers = await quotes(kernel)

    assert.lengthOf(answers, 1)
    assert.equal(answers[0].plugin, 'fixture-notes')
    assert.deepEqual(answers[0].result, {
      price: { amount: 490, currency: 'EUR' },
      delayDays: [2, 3],
    })

    await runAce('plugin:disable', ['fixture-notes'])
    assert.lengthOf(await quotes(kernel), 0)
  })

  test('a provider that throws is skipped and its error recorded for the merchant', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    await enabledFixture(kernel, 'throws')

    assert.lengthOf(await quotes(kernel), 0)
    const state = await Plugin.findOrFail('fixture-notes')
    assert.include(state.lastError, 'carrier API unreachable')
    assert.isNotNull(state.lastErrorAt)
  })

  test('a provider that takes too long is skipped', async ({ assert, cleanup }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    await enabledFixture(kernel, 'hangs')

    assert.lengthOf(await quotes(kernel), 0)
    const state = await Plugin.findOrFail('fixture-notes')
    assert.include(state.lastError, 'took longer than 300 ms')
  })

  test('listeners receive core events with their settings', async ({ assert, cleanup }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    await enabledFixture(kernel, 'works')
    const order = { reference: 'CMD-2026-000042' } as OrderSnapshot

    await emitter.emit('order:placed', { order })

    const notes = await db.from('fixture_notes_entries').orderBy('id').select('text')
    assert.deepEqual(
      notes.map((note) => note.text),
      ['installed', 'Merci CMD-2026-000042']
    )
  })

  test('secrets are stored encrypted and given to the plugin in clear', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    await enabledFixture(kernel, 'works')

    const raw = await db.from('plugins').where('name', 'fixture-notes').first()
    assert.notInclude(raw.settings, 'sk_test_42')
    const [plugin] = await kernel.registry.active()
    assert.equal(plugin.context.settings.apiKey, 'sk_test_42')

    const keptSecret = await kernel.lifecycle.saveSettings(
      'fixture-notes',
      { greeting: 'Salut', apiKey: '', behaviour: 'works' },
      'fr',
      cliActor()
    )
    assert.isTrue(keptSecret.valid)
    const [reloaded] = await kernel.registry.active()
    assert.equal(reloaded.context.settings.apiKey, 'sk_test_42')
    assert.equal(reloaded.context.settings.greeting, 'Salut')
  })

  test('invalid settings get translated errors and keep the stored ones', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    await enabledFixture(kernel, 'works')

    const result = await kernel.lifecycle.saveSettings(
      'fixture-notes',
      { greeting: 'x', apiKey: '', behaviour: 'explodes' },
      'fr',
      cliActor()
    )

    assert.isFalse(result.valid)
    if (result.valid) return
    assert.match(result.errors.greeting[0], /Message/)
    assert.property(result.errors, 'behaviour')
    const [plugin] = await kernel.registry.active()
    assert.equal(plugin.context.settings.greeting, 'Merci')
  })
})

test.group('Plugin view slots', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('an enabled plugin renders its partial under the product price', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    const catalog = await createCatalogFixture()
    await catalog.createProduct({ fr: 'Sabot Étienne', en: 'Étienne clog' }, [
      { sku: 'ETI-38', priceAmount: 8900, options: [catalog.option('size', '38')] },
    ])

    const before = await client.get('/p/sabot-etienne')
    assert.notInclude(before.text(), 'fixture-note')

    await enabledFixture(kernel, 'works')
    const after = await client.get('/p/sabot-etienne')

    after.assertStatus(200)
    assert.include(after.text(), '<p class="fixture-note">Merci · ETI-38 · 89,00')
  })

  test('a slot whose plugin fails leaves the page whole', async ({ client, assert, cleanup }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    const catalog = await createCatalogFixture()
    await catalog.createProduct({ fr: 'Sabot Étienne', en: 'Étienne clog' }, [
      { sku: 'ETI-38', priceAmount: 8900, options: [catalog.option('size', '38')] },
    ])
    await enabledFixture(kernel, 'throws')

    const response = await client.get('/p/sabot-etienne')

    response.assertStatus(200)
    assert.include(response.text(), 'ETI-38')
    assert.notInclude(response.text(), 'fixture-note')
    const state = await Plugin.findOrFail('fixture-notes')
    assert.include(state.lastError, 'estimate unavailable')
  })
})
