import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import AuditLog from '#models/audit_log'
import MaintenanceJournalEntry from '#models/maintenance_journal_entry'
import Plugin from '#models/plugin'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { fixturePlugin, runAce, usePluginSandbox } from '#tests/helpers/plugins'

const VALID = {
  'settings[greeting]': 'Bonjour',
  'settings[apiKey]': 'sk_live_secret',
  'settings[behaviour]': 'works',
}

test.group('Admin Plugins page', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('lists each plugin with its version, compatibility and state', async ({
    client,
    assert,
    cleanup,
  }) => {
    await usePluginSandbox(cleanup)
    await runAce('plugin:install', [fixturePlugin('fixture-notes-1.0.0')])
    const owner = await AdminUserFactory.create()

    const response = await client.get('/admin/plugins').loginAs(owner)

    response.assertStatus(200)
    const html = response.text()
    assert.include(html, 'Notes de test')
    assert.include(html, '1.0.0')
    assert.include(html, 'Compatible (cœur ^0.1.0)')
    assert.include(html, 'Désactivée')
  })

  test('the owner fills the settings form built from the schema, then enables the plugin', async ({
    client,
    assert,
    cleanup,
  }) => {
    await usePluginSandbox(cleanup)
    await runAce('plugin:install', [fixturePlugin('fixture-notes-1.0.0')])
    const owner = await AdminUserFactory.create()

    const page = await client.get('/admin/plugins/fixture-notes').loginAs(owner)
    assert.include(page.text(), '<label for="settings-greeting">Message</label>')
    assert.match(
      page.text(),
      /<input[^>]*type="password"[^>]*name="settings\[apiKey\]"|<input[^>]*name="settings\[apiKey\]"[^>]*type="password"/
    )

    const refused = await client
      .post('/admin/plugins/fixture-notes/enable')
      .withCsrfToken()
      .loginAs(owner)
    assert.include(refused.text(), 'Renseignez d&#x27;abord des réglages valides')

    const invalid = await client
      .put('/admin/plugins/fixture-notes/settings')
      .form({ ...VALID, 'settings[greeting]': 'x' })
      .withCsrfToken()
      .loginAs(owner)
    assert.include(invalid.text(), 'Message')
    assert.include(invalid.text(), 'field__error')
    assert.notInclude(invalid.text(), 'sk_live_secret')

    const saved = await client
      .put('/admin/plugins/fixture-notes/settings')
      .form(VALID)
      .withCsrfToken()
      .loginAs(owner)
    assert.include(saved.text(), 'Réglages enregistrés.')
    assert.notInclude(saved.text(), 'sk_live_secret')
    assert.include(saved.text(), 'Une valeur est enregistrée (chiffrée)')

    const enabled = await client
      .post('/admin/plugins/fixture-notes/enable')
      .withCsrfToken()
      .loginAs(owner)
    assert.include(enabled.text(), 'Extension activée.')
    const state = await Plugin.findOrFail('fixture-notes')
    assert.isTrue(state.enabled)

    const entries = await AuditLog.query().where('entityId', 'fixture-notes').orderBy('id')
    assert.deepEqual(
      entries.map((entry) => entry.action),
      ['plugin.install', 'plugin.settings', 'plugin.enable']
    )
    assert.equal(entries[2].adminUserId, owner.id)
    assert.notInclude(entries[1].changes ?? '', 'sk_live_secret')
  })

  test('a support member can neither see nor change plugins', async ({
    client,
    assert,
    cleanup,
  }) => {
    await usePluginSandbox(cleanup)
    await runAce('plugin:install', [fixturePlugin('fixture-notes-1.0.0')])
    const support = await AdminUserFactory.apply('support').create()

    const page = await client.get('/admin/plugins/fixture-notes').loginAs(support)
    page.assertStatus(403)
    const settings = await client
      .put('/admin/plugins/fixture-notes/settings')
      .form(VALID)
      .withCsrfToken()
      .loginAs(support)
    settings.assertStatus(403)
    const enable = await client
      .post('/admin/plugins/fixture-notes/enable')
      .withCsrfToken()
      .loginAs(support)
    enable.assertStatus(403)

    const state = await Plugin.findOrFail('fixture-notes')
    assert.isFalse(state.enabled)
    assert.isNull(state.settings)
  })

  test('the owner applies a pending patch, recorded under their name', async ({
    client,
    assert,
    cleanup,
  }) => {
    const { corePatches } = await usePluginSandbox(cleanup)
    await writeFile(
      join(corePatches, '2026_11_24_noop.ts'),
      `import { definePatch } from '@comptoir/contracts/maintenance_hook'

export default definePatch({
  description: 'Checks nothing',
  severity: 'low',
  async apply() {},
})
`
    )
    const owner = await AdminUserFactory.create()
    const before = await client.get('/admin/maintenance').loginAs(owner)
    assert.include(before.text(), 'Checks nothing')

    const response = await client
      .post('/admin/plugins/patches')
      .form({ patch: 'core/2026_11_24_noop' })
      .withCsrfToken()
      .loginAs(owner)

    assert.include(response.text(), 'Correctif core/2026_11_24_noop appliqué.')
    // The Maintenance page keeps the evidence: what, when, by whom.
    assert.include(response.text(), 'Journal des correctifs')
    assert.match(
      response.text(),
      new RegExp(`2026_11_24_noop.*Appliqué.*admin:${owner.email}`, 's')
    )
    const entry = await MaintenanceJournalEntry.findByOrFail('item', '2026_11_24_noop')
    assert.equal(entry.outcome, 'applied')
    assert.equal(entry.actor, `admin:${owner.email}`)
    const audit = await AuditLog.findByOrFail('action', 'patch.apply')
    assert.equal(audit.adminUserId, owner.id)
    assert.equal(audit.entityId, 'core/2026_11_24_noop')
  })
})
