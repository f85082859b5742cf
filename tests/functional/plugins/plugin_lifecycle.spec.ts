import { existsSync } from 'node:fs'
import { cp } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import AuditLog from '#models/audit_log'
import Plugin from '#models/plugin'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'
import { countRows } from '#tests/helpers/database'
import {
  fixturePlugin,
  fixtureTables,
  layeredFixture,
  packFixture,
  runAce,
  usePluginSandbox,
} from '#tests/helpers/plugins'

async function stateOf(name: string) {
  return Plugin.findOrFail(name)
}

async function outputOf(command: string, args: string[]) {
  const { output } = await runAce(command, args)
  return output
}

const VALID_SETTINGS = { greeting: 'Bonjour', apiKey: 'sk_live_123', behaviour: 'works' }

test.group('Plugin lifecycle', () => {
  test('install from a .tgz runs its migrations and install hook, and leaves it disabled', async ({
    assert,
    cleanup,
  }) => {
    const { root } = await usePluginSandbox(cleanup)
    const tarball = await packFixture(fixturePlugin('fixture-notes-1.0.0'), root)

    const { exitCode, output } = await runAce('plugin:install', [tarball])

    assert.equal(exitCode, 0, output)
    assert.isTrue(existsSync(join(root, 'fixture-notes', 'plugin.ts')))
    assert.deepEqual(await fixtureTables(), ['fixture_notes_entries'])
    assert.deepEqual(await db.from('fixture_notes_entries').select('text'), [{ text: 'installed' }])
    const state = await Plugin.findOrFail('fixture-notes')
    assert.equal(state.installedVersion, '1.0.0')
    assert.isFalse(state.enabled)
    assert.equal(
      await countRows('maintenance_journal', {
        kind: 'migration',
        owner: 'fixture-notes',
        item: '0001_create_fixture_notes_entries',
        outcome: 'applied',
      }),
      1
    )
    assert.exists(await AuditLog.findBy({ action: 'plugin.install', entityId: 'fixture-notes' }))
    assert.include(output, 'plugin:enable')

    const again = await runAce('plugin:install', [tarball])
    assert.equal(again.exitCode, 0)
    assert.include(again.output, 'already installed')
  })

  test('--dry-run lists what would run and changes nothing', async ({ assert, cleanup }) => {
    const { root } = await usePluginSandbox(cleanup)

    const { exitCode, output } = await runAce('plugin:install', [
      fixturePlugin('fixture-notes-1.0.0'),
      '--dry-run',
    ])

    assert.equal(exitCode, 0, output)
    assert.include(output, '0001_create_fixture_notes_entries')
    assert.include(output, 'install')
    assert.include(output, 'nothing was changed')
    assert.isFalse(existsSync(join(root, 'fixture-notes')))
    assert.deepEqual(await fixtureTables(), [])
    assert.equal(await countRows('plugins'), 0)
    assert.equal(await countRows('maintenance_journal'), 0)
  })

  test('a plugin whose core range does not match is refused and nothing changes', async ({
    assert,
    cleanup,
  }) => {
    const { root } = await usePluginSandbox(cleanup)

    const { exitCode, output } = await runAce('plugin:install', [fixturePlugin('fixture-future')])

    assert.equal(exitCode, 1)
    assert.include(output, 'needs core ^9.0.0, this shop runs 0.1.0')
    assert.isFalse(existsSync(join(root, 'fixture-future')))
    assert.equal(await countRows('plugins'), 0)
    assert.equal(await countRows('maintenance_journal'), 0)
  })

  test('a failing migration leaves no table, no folder and no state', async ({
    assert,
    cleanup,
  }) => {
    const { root } = await usePluginSandbox(cleanup)

    const { exitCode, output } = await runAce('plugin:install', [
      fixturePlugin('fixture-broken-migration'),
    ])

    assert.equal(exitCode, 1)
    assert.include(output, 'running its migrations failed, nothing was changed')
    assert.deepEqual(await fixtureTables(), [])
    assert.isFalse(existsSync(join(root, 'fixture-broken-migration')))
    assert.equal(await countRows('plugins'), 0)
    const journal = await db.from('maintenance_journal').orderBy('id').select('item', 'outcome')
    assert.deepEqual(journal, [
      { item: '0001_create_fixture_broken_migration_a', outcome: 'applied' },
      { item: '0002_create_fixture_broken_migration_b', outcome: 'failed' },
      { item: '0001_create_fixture_broken_migration_a', outcome: 'reverted' },
    ])
  })

  test('a failing install hook undoes the migrations and the copy', async ({ assert, cleanup }) => {
    const { root } = await usePluginSandbox(cleanup)

    const { exitCode, output } = await runAce('plugin:install', [
      fixturePlugin('fixture-failing-hook'),
    ])

    assert.equal(exitCode, 1)
    assert.include(output, 'running its install hook failed, nothing was changed')
    assert.include(output, 'the carrier account could not be registered')
    assert.deepEqual(await fixtureTables(), [])
    assert.isFalse(existsSync(join(root, 'fixture-failing-hook')))
    assert.equal(await countRows('plugins'), 0)
  })

  test('enable is refused until the settings are valid, then is idempotent', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    await runAce('plugin:install', [fixturePlugin('fixture-notes-1.0.0')])

    const refused = await runAce('plugin:enable', ['fixture-notes'])
    assert.equal(refused.exitCode, 1)
    assert.include(refused.output, 'needs valid settings')
    assert.include(refused.output, 'greeting')

    const saved = await kernel.lifecycle.saveSettings(
      'fixture-notes',
      VALID_SETTINGS,
      'fr',
      cliActor()
    )
    assert.isTrue(saved.valid)
    const enabled = await runAce('plugin:enable', ['fixture-notes'])
    assert.equal(enabled.exitCode, 0, enabled.output)
    const afterEnable = await stateOf('fixture-notes')
    assert.isTrue(afterEnable.enabled)
    assert.include(await outputOf('plugin:enable', ['fixture-notes']), 'already enabled')

    const disabled = await runAce('plugin:disable', ['fixture-notes'])
    assert.equal(disabled.exitCode, 0)
    const afterDisable = await stateOf('fixture-notes')
    assert.isFalse(afterDisable.enabled)
  })

  test('upgrade runs the new migration and the new patch once', async ({ assert, cleanup }) => {
    const { root } = await usePluginSandbox(cleanup)
    await runAce('plugin:install', [await packFixture(fixturePlugin('fixture-notes-1.0.0'), root)])
    const tarball = await packFixture(
      await layeredFixture(root, 'fixture-notes-1.0.0', 'fixture-notes-1.1.0'),
      root
    )

    const dryRun = await runAce('plugin:upgrade', ['fixture-notes', tarball, '--dry-run'])
    assert.equal(dryRun.exitCode, 0, dryRun.output)
    assert.include(dryRun.output, '0002_create_fixture_notes_tags')
    assert.include(dryRun.output, '2026_11_01_tag_existing_notes')
    assert.deepEqual(await fixtureTables(), ['fixture_notes_entries'])

    const { exitCode, output } = await runAce('plugin:upgrade', ['fixture-notes', tarball])

    assert.equal(exitCode, 0, output)
    const upgraded = await stateOf('fixture-notes')
    assert.equal(upgraded.installedVersion, '1.1.0')
    assert.deepEqual(await fixtureTables(), ['fixture_notes_entries', 'fixture_notes_tags'])
    assert.deepEqual(await db.from('fixture_notes_tags').select('name'), [{ name: 'legacy' }])
    assert.include(output, 'patch applied: 2026_11_01_tag_existing_notes')

    const reapply = await runAce('patch:apply', ['--all'])
    assert.include(reapply.output, 'No pending patch')
    assert.equal(await countRows('fixture_notes_tags'), 1)
    assert.equal(await countRows('maintenance_journal', { kind: 'patch', outcome: 'applied' }), 1)

    // Uninstalled with its data, then installed again: the patch runs again.
    await runAce('plugin:uninstall', ['fixture-notes', '--force'])
    const again = await runAce('plugin:install', [tarball])
    assert.equal(again.exitCode, 0, again.output)
    assert.deepEqual(await db.from('fixture_notes_tags').select('name'), [{ name: 'legacy' }])
  })

  test('uninstall --keep-data keeps the tables; reinstalling then runs no migration', async ({
    assert,
    cleanup,
  }) => {
    const { root } = await usePluginSandbox(cleanup)
    await runAce('plugin:install', [fixturePlugin('fixture-notes-1.0.0')])

    const { exitCode, output } = await runAce('plugin:uninstall', ['fixture-notes', '--keep-data'])

    assert.equal(exitCode, 0, output)
    assert.isNull(await Plugin.find('fixture-notes'))
    assert.deepEqual(await fixtureTables(), ['fixture_notes_entries'])
    assert.isTrue(existsSync(join(root, 'fixture-notes')), 'files stay for a later install')

    const reinstall = await runAce('plugin:install', [join(root, 'fixture-notes')])
    assert.equal(reinstall.exitCode, 0, reinstall.output)
    assert.include(reinstall.output, 'migrations ran: none')
  })

  test('uninstall drops its tables after listing them', async ({ assert, cleanup }) => {
    await usePluginSandbox(cleanup)
    await runAce('plugin:install', [fixturePlugin('fixture-notes-1.0.0')])

    const { exitCode, output } = await runAce('plugin:uninstall', ['fixture-notes', '--force'])

    assert.equal(exitCode, 0, output)
    assert.include(output, 'Tables that will be dropped: fixture_notes_entries')
    assert.deepEqual(await fixtureTables(), [])
    assert.isNull(await Plugin.find('fixture-notes'))
    assert.include(await outputOf('plugin:uninstall', ['fixture-notes']), 'not installed')
  })

  test('an incompatible plugin already in the folder is listed with the reason', async ({
    assert,
    cleanup,
  }) => {
    const { root } = await usePluginSandbox(cleanup)
    await cp(fixturePlugin('fixture-future'), join(root, 'fixture-future'), { recursive: true })

    const { exitCode, output } = await runAce('plugin:list', [])

    assert.equal(exitCode, 0)
    assert.include(output, 'fixture-future')
    assert.include(output, 'needs core ^9.0.0')
  })
})

test.group('plugin:make', () => {
  test('scaffolds a plugin that installs as it is', async ({ assert, cleanup }) => {
    const { root } = await usePluginSandbox(cleanup)

    const made = await runAce('plugin:make', ['shipping-coursier'])
    assert.equal(made.exitCode, 0, made.output)
    for (const file of [
      'package.json',
      'plugin.ts',
      'README.md',
      'tests/unit/flat_rate_shipping.spec.ts',
    ]) {
      assert.isTrue(existsSync(join(root, 'shipping-coursier', file)), file)
    }

    const installed = await runAce('plugin:install', [join(root, 'shipping-coursier')])
    assert.equal(installed.exitCode, 0, installed.output)
    const state = await stateOf('shipping-coursier')
    assert.equal(state.installedVersion, '0.1.0')

    const again = await runAce('plugin:make', ['shipping-coursier'])
    assert.equal(again.exitCode, 1)
    assert.include(again.output, 'already exists')
    const invalid = await runAce('plugin:make', ['Shipping Coursier'])
    assert.equal(invalid.exitCode, 1)
  })
})

test.group('Plugin operations at once', () => {
  test('a second install while one runs is refused and the first one completes', async ({
    assert,
    cleanup,
  }) => {
    const { kernel } = await usePluginSandbox(cleanup)
    const source = fixturePlugin('fixture-notes-1.0.0')

    const results = await Promise.allSettled([
      kernel.lifecycle.install(source, { actor: cliActor() }),
      kernel.lifecycle.install(source, { actor: cliActor() }),
    ])

    const refused = results.filter((result) => result.status === 'rejected')
    assert.lengthOf(refused, 1)
    assert.equal((refused[0] as PromiseRejectedResult).reason.code, 'E_PLUGIN_BUSY')
    assert.deepEqual(await fixtureTables(), ['fixture_notes_entries'])
    const state = await stateOf('fixture-notes')
    assert.equal(state.installedVersion, '1.0.0')
    assert.equal(await countRows('plugin_operation_locks'), 0)
  })
})
