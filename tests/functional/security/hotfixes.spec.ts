import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import db from '@adonisjs/lucid/services/db'
import testUtils from '@adonisjs/core/services/test_utils'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'
import { fixturePlugin, layeredFixture, runAce, usePluginSandbox } from '#tests/helpers/plugins'
import { advisory, runSecurityCommand, storeVerifiedFeed } from '#tests/helpers/security_feed'

const HOTFIX = 'fixture-hotfixes/2026_11_25_block_note_markup'
const EXPLOIT = '<script>alert(document.cookie)</script>'

/** fixture-guarded 1.0.0 has the flaw; fixture-hotfixes ships its hot-fix. */
const HOTFIX_FEED = {
  generated: '2026-11-25T06:00:00Z',
  advisories: [
    advisory({
      id: 'GHSA-fx03-note-xss1',
      package: 'fixture-guarded',
      affected: '>=1.0.0 <1.0.1',
      fixed: ['1.0.1'],
      severity: 'high',
      cvss: 8.2,
      hotfix: HOTFIX,
    }),
  ],
}

/**
 * A shop with the hot-fix plugin installed first (its patch has nothing to
 * fix yet), then fixture-guarded 1.0.0, both enabled, and a verified feed.
 */
async function hotfixShop(cleanup: (handler: () => Promise<void>) => void) {
  const sandbox = await usePluginSandbox(cleanup)
  for (const [folder, name] of [
    ['fixture-hotfixes', 'fixture-hotfixes'],
    ['fixture-guarded-1.0.0', 'fixture-guarded'],
  ]) {
    const install = await runAce('plugin:install', [fixturePlugin(folder)])
    if (install.exitCode) throw new Error(`plugin:install failed: ${install.output}`)
    const enable = await runAce('plugin:enable', [name])
    if (enable.exitCode) throw new Error(`plugin:enable failed: ${enable.output}`)
  }
  await storeVerifiedFeed(cleanup, HOTFIX_FEED)
  return sandbox
}

/** The exploit: a notification carrying markup that version 1.0.0 stores as is. */
function sendNote(client: ApiClient, note: string) {
  return client.post('/payments/fixture-guarded/notifications').header('x-fixture-note', note)
}

async function noteAnswer(client: ApiClient, note: string) {
  const response = await sendNote(client, note)
  return response.status()
}

async function patchStatus() {
  const { output } = await runAce('patch:status', [])
  return output
}

async function outcomesOf(item: string) {
  const entries = await journalOf(item)
  return entries.map((entry) => entry.outcome)
}

async function storedNotes() {
  const rows = await db.from('fixture_guarded_notes').orderBy('id')
  return rows.map((row) => row.body as string)
}

async function journalOf(item: string) {
  const rows = await db
    .from('maintenance_journal')
    .where({ kind: 'patch', owner: 'fixture-hotfixes', item })
    .orderBy('id')
  return rows.map((row) => ({ outcome: row.outcome, checksum: row.checksum, actor: row.actor }))
}

async function auditExit() {
  const { exitCode, output } = await runSecurityCommand('security:audit', [])
  return { exitCode, output }
}

async function auditExitCode() {
  const { exitCode } = await auditExit()
  return exitCode
}

async function aceExitCode(name: string, args: string[]) {
  const { exitCode } = await runAce(name, args)
  return exitCode
}

test.group('Security hot-fixes', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('patch:apply turns the guard on, patch:revert turns it off; the audit follows', async ({
    assert,
    client,
    cleanup,
  }) => {
    await hotfixShop(cleanup)
    const item = HOTFIX.split('/')[1]
    const [skipped] = await journalOf(item)
    // Installed before the plugin it fixes: nothing to fix then, recorded as skipped.
    assert.equal(skipped.outcome, 'skipped')

    // The flaw is real: the exploit is stored.
    const open = await sendNote(client, EXPLOIT)
    open.assertStatus(200)
    assert.deepEqual(await storedNotes(), [EXPLOIT])
    assert.equal(await auditExitCode(), 1)
    assert.match(
      await patchStatus(),
      /2026_11_25_block_note_markup.*pending.*GHSA-fx03-note-xss1 on fixture-guarded 1\.0\.0 \(>=1\.0\.0 <1\.0\.1\)/s
    )

    const applied = await runAce('patch:apply', [HOTFIX])
    assert.equal(applied.exitCode, 0, applied.output)
    assert.include(applied.output, `applied ${HOTFIX}`)
    const [, entry] = await journalOf(item)
    assert.equal(entry.outcome, 'applied')
    assert.match(entry.checksum, /^[0-9a-f]{64}$/)
    assert.match(entry.actor, /^cli:/)
    // Its data change: the stored markup is moved aside.
    assert.deepEqual(await storedNotes(), [])

    const blocked = await sendNote(client, '<img src=x onerror=alert(1)>')
    blocked.assertStatus(403)
    assert.equal(blocked.text(), 'Blocked by a security hot-fix (GHSA-fx03-note-xss1)')
    assert.equal(blocked.header('cache-control'), 'no-store')
    assert.deepEqual(await storedNotes(), [])
    // Only the exploit pattern is blocked.
    assert.equal(await noteAnswer(client, 'colis remis'), 200)
    assert.deepEqual(await storedNotes(), ['colis remis'])

    const patched = await auditExit()
    assert.equal(patched.exitCode, 0, patched.output)
    assert.match(patched.output, /GHSA-fx03-note-xss1.*hot-fixed/s)

    const reverted = await runAce('patch:revert', [HOTFIX])
    assert.equal(reverted.exitCode, 0, reverted.output)
    assert.include(reverted.output, `reverted ${HOTFIX} (its data change undone)`)
    assert.deepEqual(await outcomesOf(item), ['skipped', 'applied', 'reverted'])
    assert.deepEqual(await storedNotes(), ['colis remis', EXPLOIT])
    assert.equal(await noteAnswer(client, EXPLOIT), 200)
    assert.deepEqual(await storedNotes(), ['colis remis', EXPLOIT, EXPLOIT])
    assert.equal(await auditExitCode(), 1)

    // A reverted hot-fix stays off through --all; naming it applies it again.
    await runAce('patch:apply', ['--all'])
    assert.match(await patchStatus(), /block_note_markup.*reverted/s)
    assert.equal(await noteAnswer(client, EXPLOIT), 200)
    assert.equal(await aceExitCode('patch:apply', [HOTFIX]), 0)
    assert.equal(await noteAnswer(client, EXPLOIT), 403)
    const again = await runAce('patch:revert', ['2026_11_25_block_note_markup'])
    assert.include(again.output, 'reverted')
    const twice = await runAce('patch:revert', [HOTFIX])
    assert.include(twice.output, 'is not applied (reverted): nothing to revert')
  })

  test('upgrading the plugin to the fixed version supersedes the hot-fix and stops its guard', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { appRoot, kernel } = await hotfixShop(cleanup)
    const owner = await AdminUserFactory.create()
    assert.equal(await aceExitCode('patch:apply', [HOTFIX]), 0)
    assert.equal(await noteAnswer(client, EXPLOIT), 403)
    const page = await client.get('/admin/security').loginAs(owner)
    assert.match(
      page.text(),
      /fixture-hotfixes\/2026_11_25_block_note_markup.*GHSA-fx03-note-xss1.*fixture-guarded &gt;=1\.0\.0 &lt;1\.0\.1 \(installée : 1\.0\.0\).*Appliqué/s
    )

    const fixed = await layeredFixture(appRoot, 'fixture-guarded-1.0.0', 'fixture-guarded-1.0.1')
    const upgrade = await runAce('plugin:upgrade', ['fixture-guarded', fixed])
    assert.equal(upgrade.exitCode, 0, upgrade.output)
    assert.include(
      upgrade.output,
      `${HOTFIX} superseded: fixture-guarded 1.0.1 already contains the fix (it fixes >=1.0.0 <1.0.1); it will not run`
    )
    assert.deepEqual(await outcomesOf(HOTFIX.split('/')[1]), ['skipped', 'applied', 'superseded'])
    assert.deepEqual(await kernel.guards.active(), [])
    assert.notEqual(await noteAnswer(client, EXPLOIT), 403)
    assert.match(await patchStatus(), /block_note_markup.*superseded/s)
    const superseded = await client.get('/admin/security').loginAs(owner)
    assert.match(
      superseded.text(),
      /block_note_markup.*\(installée : 1\.0\.1\).*Remplacé par la mise à jour/s
    )

    const audit = await runSecurityCommand('security:audit', ['--json'])
    assert.equal(audit.exitCode, 0, audit.output)
    const report = JSON.parse(audit.output)
    const plugin = report.components.find(
      (component: { name: string }) => component.name === 'fixture-guarded'
    )
    assert.equal(plugin.advisories[0].state, 'fixed by upgrade')

    // Superseded never runs again, even when named.
    const named = await runAce('patch:apply', [HOTFIX])
    assert.include(named.output, 'superseded')
    assert.lengthOf(await outcomesOf(HOTFIX.split('/')[1]), 3)
  })

  test('the guard stays on when the database cannot be read for a moment', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { kernel } = await hotfixShop(cleanup)
    const applied = await runAce('patch:apply', [HOTFIX])
    assert.equal(applied.exitCode, 0, applied.output)
    assert.equal(await noteAnswer(client, EXPLOIT), 403)

    // The plugin list is re-read and the journal query fails (pool exhausted).
    const { registry, journal } = kernel
    const plugins = await registry.active()
    registry.active = async () => [...plugins]
    journal.version = async () => {
      throw new Error('Knex: Timeout acquiring a connection')
    }
    cleanup(async () => {
      Reflect.deleteProperty(registry, 'active')
      Reflect.deleteProperty(journal, 'version')
    })
    assert.equal(await noteAnswer(client, EXPLOIT), 403)
  })

  test('a hot-fix applied by another process reaches this one within seconds', async ({
    assert,
    client,
    cleanup,
  }) => {
    const { appRoot, root, corePatches } = await hotfixShop(cleanup)
    assert.equal(await noteAnswer(client, EXPLOIT), 200)
    // Another process: its own kernel on the same plugins and database.
    const other = new PluginKernel({
      appRoot,
      pluginsPath: root,
      corePatchesPath: corePatches,
      timeoutMs: 300,
    })
    const outcome = await other.patches.applyOne(HOTFIX, cliActor())
    assert.deepEqual(outcome, {
      owner: 'fixture-hotfixes',
      id: '2026_11_25_block_note_markup',
      outcome: 'applied',
    })

    // This process still trusts its list for a moment, then sees the journal moved.
    await new Promise((resolve) => setTimeout(resolve, 2100))
    assert.equal(await noteAnswer(client, EXPLOIT), 403)
  })
})
