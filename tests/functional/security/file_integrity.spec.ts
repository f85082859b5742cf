import { createHash } from 'node:crypto'
import { cp, mkdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import testUtils from '@adonisjs/core/services/test_utils'
import db from '@adonisjs/lucid/services/db'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import IntegrityBaseline from '#models/integrity_baseline'
import { fixturePlugin, runAce, usePluginSandbox } from '#tests/helpers/plugins'
import { runSecurityCommand } from '#tests/helpers/security_feed'

const NOTES = 'fixture-notes'

/**
 * A sandboxed shop: its app folder (the "core" the integrity check tracks)
 * holds one core source file, and fixture-notes 1.0.0 is installed in its
 * plugins folder. The repository's own files are never touched.
 */
async function sandboxShop(cleanup: (handler: () => Promise<void>) => void) {
  const sandbox = await usePluginSandbox(cleanup)
  cleanup(async () => {
    await db.from('integrity_checks').delete()
    await db.from('integrity_baselines').delete()
  })
  await mkdir(join(sandbox.appRoot, 'app', 'services'), { recursive: true })
  await writeFile(join(sandbox.appRoot, 'app', 'services', 'cart.ts'), 'export const cart = 1\n')
  const install = await runAce('plugin:install', [fixturePlugin('fixture-notes-1.0.0')])
  if (install.exitCode) throw new Error(`plugin:install failed: ${install.output}`)
  return { ...sandbox, plugin: join(sandbox.root, NOTES) }
}

function sha256(bytes: Buffer) {
  return createHash('sha256').update(bytes).digest('hex')
}

test.group('security:baseline and security:verify', (group) => {
  group.each.setup(() => testUtils.db().truncate())

  test('plugin:install records the plugin files checksums; uninstall forgets them', async ({
    assert,
    cleanup,
  }) => {
    const { plugin } = await sandboxShop(cleanup)

    const baseline = await IntegrityBaseline.findOrFail(NOTES)
    assert.equal(baseline.version, '1.0.0')
    assert.match(baseline.recordedBy, /^cli:/)
    assert.deepEqual(Object.keys(baseline.files).sort(), [
      'database/migrations/0001_create_fixture_notes_entries.ts',
      'package.json',
      'plugin.ts',
      'resources/views/price_note.edge',
    ])
    assert.equal(baseline.files['plugin.ts'], sha256(await readFile(join(plugin, 'plugin.ts'))))
    assert.equal(baseline.fileCount, 4)

    const uninstall = await runAce('plugin:uninstall', [NOTES, '--force'])
    assert.equal(uninstall.exitCode, 0, uninstall.output)
    assert.isNull(await IntegrityBaseline.find(NOTES))
  })

  test('on a clean tree verify exits 0 and records the result', async ({ assert, cleanup }) => {
    await sandboxShop(cleanup)

    const baseline = await runSecurityCommand('security:baseline', [])
    assert.equal(baseline.exitCode, 0, baseline.output)
    assert.include(baseline.output, 'comptoir 0.1.0: 2 files')
    assert.include(baseline.output, `${NOTES} 1.0.0: 4 files`)

    const verify = await runSecurityCommand('security:verify', [])
    assert.equal(verify.exitCode, 0, verify.output)
    assert.match(verify.output, /6 files checked in \d+ ms: all as recorded/)

    const json = await runSecurityCommand('security:verify', ['--json'])
    assert.equal(json.exitCode, 0)
    const result = JSON.parse(json.output)
    assert.equal(result.status, 'ok')
    assert.equal(result.filesChecked, 6)
    assert.deepEqual(result.changes, [])
    const checks = await db.from('integrity_checks').select('status')
    assert.deepEqual(
      checks.map((check) => check.status),
      ['ok', 'ok']
    )
  })

  test('a modified, an added and a removed file are listed and exit 1', async ({
    assert,
    cleanup,
  }) => {
    const { appRoot, plugin } = await sandboxShop(cleanup)
    await runSecurityCommand('security:baseline', [])

    // A card skimmer appended to the plugin, a script dropped into the core, a file gone.
    await writeFile(
      join(plugin, 'resources', 'views', 'price_note.edge'),
      '<script src="//x"></script>',
      {
        flag: 'a',
      }
    )
    await writeFile(join(appRoot, 'app', 'services', 'skimmer.js'), 'steal()\n')
    await rm(join(plugin, 'database', 'migrations', '0001_create_fixture_notes_entries.ts'))
    // Never tracked: the plugin's tests and dependencies.
    await mkdir(join(plugin, 'tests'), { recursive: true })
    await writeFile(join(plugin, 'tests', 'x.spec.js'), '')
    await mkdir(join(plugin, 'node_modules', 'dep'), { recursive: true })
    await writeFile(join(plugin, 'node_modules', 'dep', 'index.js'), '')

    const verify = await runSecurityCommand('security:verify', [])
    assert.equal(verify.exitCode, 1, verify.output)
    assert.include(verify.output, `changed: ${NOTES} resources/views/price_note.edge`)
    assert.include(verify.output, 'added: comptoir app/services/skimmer.js')
    assert.include(
      verify.output,
      `removed: ${NOTES} database/migrations/0001_create_fixture_notes_entries.ts`
    )
    assert.include(verify.output, '3 differ from the baseline')
    assert.notInclude(verify.output, 'x.spec.js')
    assert.notInclude(verify.output, 'node_modules')

    const verifyJson = await runSecurityCommand('security:verify', ['--json'])
    assert.equal(verifyJson.exitCode, 1)
    const json = JSON.parse(verifyJson.output)
    assert.equal(json.status, 'changed')
    assert.deepInclude(json.changes, {
      component: NOTES,
      path: 'resources/views/price_note.edge',
      change: 'changed',
    })
  })

  test('plugin folders that are not installed are tracked: the web process imports them at boot', async ({
    assert,
    cleanup,
  }) => {
    const { root } = await sandboxShop(cleanup)
    await cp(fixturePlugin('fixture-hotfixes'), join(root, 'fixture-hotfixes'), { recursive: true })
    const baseline = await runSecurityCommand('security:baseline', [])
    assert.match(baseline.output, /fixture-hotfixes 1\.0\.0: \d+ files/)

    // A skimmer in a present but uninstalled plugin, and a whole folder dropped in.
    await writeFile(join(root, 'fixture-hotfixes', 'plugin.ts'), 'steal()\n', { flag: 'a' })
    await mkdir(join(root, 'evil'))
    await writeFile(join(root, 'evil', 'plugin.ts'), 'steal()\n')

    const verify = await runSecurityCommand('security:verify', [])
    assert.equal(verify.exitCode, 1, verify.output)
    assert.include(verify.output, 'changed: fixture-hotfixes plugin.ts')
    assert.include(verify.output, 'no baseline for evil')
  })

  test('an installed plugin whose folder is a symbolic link has its files tracked', async ({
    assert,
    cleanup,
  }) => {
    const { appRoot, plugin } = await sandboxShop(cleanup)
    const elsewhere = join(appRoot, 'elsewhere')
    await rename(plugin, elsewhere)
    await symlink(elsewhere, plugin)
    await runSecurityCommand('security:baseline', [])
    const recorded = await IntegrityBaseline.findOrFail(NOTES)
    assert.equal(recorded.fileCount, 4)

    await writeFile(join(elsewhere, 'plugin.ts'), 'steal()\n', { flag: 'a' })
    const verify = await runSecurityCommand('security:verify', [])
    assert.equal(verify.exitCode, 1, verify.output)
    assert.include(verify.output, `changed: ${NOTES} plugin.ts`)
  })

  test('plugin:upgrade records the new version files', async ({ assert, cleanup }) => {
    const { plugin: notes } = await sandboxShop(cleanup)
    await runSecurityCommand('security:baseline', [])

    // The agency copies the new version over the files, then upgrades.
    await cp(fixturePlugin('fixture-notes-1.1.0'), notes, { recursive: true })
    const upgrade = await runAce('plugin:upgrade', ['fixture-notes'])
    assert.equal(upgrade.exitCode, 0, upgrade.output)

    const baseline = await IntegrityBaseline.findOrFail('fixture-notes')
    assert.equal(baseline.version, '1.1.0')
    const patch = 'patches/2026_11_01_tag_existing_notes.ts'
    assert.equal(baseline.files[patch], sha256(await readFile(join(notes, patch))))
    const verify = await runSecurityCommand('security:verify', [])
    assert.equal(verify.exitCode, 0, verify.output)
  })

  test('without a baseline verify exits 1 and says what to run', async ({ assert, cleanup }) => {
    await sandboxShop(cleanup)
    await db.from('integrity_baselines').delete()

    const verify = await runSecurityCommand('security:verify', [])
    assert.equal(verify.exitCode, 1)
    assert.include(verify.output, 'no baseline recorded: run security:baseline')
  })

  test('the Security page shows the last result', async ({ client, assert, cleanup }) => {
    const { plugin } = await sandboxShop(cleanup)
    const owner = await AdminUserFactory.create()

    const never = await client.get('/admin/security').loginAs(owner)
    assert.include(never.text(), 'Aucune vérification enregistrée')

    await runSecurityCommand('security:baseline', [])
    await runSecurityCommand('security:verify', [])
    const clean = await client.get('/admin/security').loginAs(owner)
    assert.include(clean.text(), '6 fichiers vérifiés, tous identiques à la référence')

    await writeFile(join(plugin, 'skimmer.js'), 'steal()\n')
    await runSecurityCommand('security:verify', [])
    const page = await client.get('/admin/security').loginAs(owner)
    page.assertStatus(200)
    const html = page.text()
    assert.include(html, 'Intégrité des fichiers')
    assert.include(html, '1 différence avec la référence')
    assert.match(
      html,
      /<td>fixture-notes<\/td>\s*<td><code>skimmer\.js<\/code><\/td>\s*<td>ajouté<\/td>/
    )
  })
})
