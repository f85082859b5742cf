import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import Plugin from '#models/plugin'
import { assertAccessible } from '#tests/helpers/accessibility'
import { fixturePlugin, runAce, usePluginSandbox } from '#tests/helpers/plugins'

/**
 * The owner configures and switches a plugin from the Plugins page; a support
 * member is refused. The plugin comes from a fixture in a sandbox folder.
 */
test.group('Merchant journey: plugins', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('the owner fills the settings, enables then disables a plugin', async ({
    visit,
    browserContext,
    assert,
    cleanup,
  }) => {
    await usePluginSandbox(cleanup)
    await runAce('plugin:install', [fixturePlugin('fixture-notes-1.0.0')])
    await browserContext.loginAs(await AdminUserFactory.create())

    const page = await visit('/admin/plugins')
    await assertAccessible(page)
    await page.getByRole('link', { name: 'Notes de test' }).click()
    await page.assertPath('/admin/plugins/fixture-notes')
    await assertAccessible(page)

    await page.getByRole('button', { name: "Activer l'extension" }).click()
    await page.assertTextContains('[role="alert"]', "Renseignez d'abord des réglages valides")

    await page.getByLabel('Message').fill('x')
    await page.getByLabel('Clé API').fill('sk_live_browser')
    await page.getByLabel('Comportement').selectOption('works')
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click()
    await page.assertExists(page.locator('#settings-greeting-error'))
    await assertAccessible(page)

    await page.getByLabel('Message').fill('Bonjour')
    await page.getByLabel('Clé API').fill('sk_live_browser')
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click()
    await page.assertTextContains('[role="status"]', 'Réglages enregistrés.')
    await page.assertInputValue('#settings-apiKey', '')

    await page.getByRole('button', { name: "Activer l'extension" }).click()
    await page.assertTextContains('[role="status"]', 'Extension activée.')
    const enabled = await Plugin.findOrFail('fixture-notes')
    assert.isTrue(enabled.enabled)

    await page.getByRole('button', { name: "Désactiver l'extension" }).click()
    await page.assertTextContains('[role="status"]', 'Extension désactivée.')
    const disabled = await Plugin.findOrFail('fixture-notes')
    assert.isFalse(disabled.enabled)
  })

  test('a support member gets the refusal page and no Plugins menu', async ({
    visit,
    browserContext,
    cleanup,
  }) => {
    await usePluginSandbox(cleanup)
    await runAce('plugin:install', [fixturePlugin('fixture-notes-1.0.0')])
    await browserContext.loginAs(await AdminUserFactory.apply('support').create())

    const dashboard = await visit('/admin')
    await dashboard.assertNotExists(dashboard.getByRole('link', { name: 'Extensions' }))

    const page = await visit('/admin/plugins/fixture-notes')
    await page.assertTextContains('h1', 'Accès refusé')
    await page.assertNotExists(page.getByRole('button', { name: "Activer l'extension" }))
  })
})
