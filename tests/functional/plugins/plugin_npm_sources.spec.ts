import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import Plugin from '#models/plugin'
import { countRows } from '#tests/helpers/database'
import { npmPackageFixture, startNpmRegistry } from '#tests/helpers/npm_registry'
import {
  fixturePlugin,
  fixtureTables,
  layeredFixture,
  runAce,
  usePluginSandbox,
} from '#tests/helpers/plugins'

/** A file's text, or null when it does not exist. */
function textOf(path: string) {
  return readFile(path, 'utf8').catch(() => null)
}

async function versionIn(folder: string) {
  const manifest = await textOf(join(folder, 'package.json'))
  return manifest && JSON.parse(manifest).version
}

async function installedVersion(name: string) {
  const state = await Plugin.findOrFail(name)
  return state.installedVersion
}

/** The repository's npm files, which no test install may change. */
function repositoryNpmFiles() {
  return Promise.all(
    ['package.json', 'package-lock.json'].map((file) => textOf(app.makePath(file)))
  )
}

/** What the plugins folder holds besides the sandbox's core patches and an empty staging area. */
async function leftoversIn(root: string) {
  const entries = await readdir(root)
  const staged = entries.includes('.staging') ? await readdir(join(root, '.staging')) : []
  return [...entries.filter((name) => !['.core-patches', '.staging'].includes(name)), ...staged]
}

test.group('Plugins from the npm registry', (group) => {
  let registry: Awaited<ReturnType<typeof startNpmRegistry>>

  group.setup(async () => {
    const layers = app.makePath('tmp', 'test-npm-layers', randomUUID())
    registry = await startNpmRegistry([
      fixturePlugin('fixture-notes-1.0.0'),
      await layeredFixture(layers, 'fixture-notes-1.0.0', 'fixture-notes-1.1.0'),
      fixturePlugin('fixture-greeter-1.0.0'),
      await layeredFixture(layers, 'fixture-greeter-1.0.0', 'fixture-greeter-2.0.0'),
      fixturePlugin('fixture-greeter-lost'),
      npmPackageFixture('shout-1.0.0'),
      npmPackageFixture('shout-2.0.0'),
      npmPackageFixture('whisper-1.0.0'),
    ])
    await rm(layers, { recursive: true, force: true })
    return () => registry.close()
  })

  test('plugin:install <name> downloads its latest version with npm and installs it', async ({
    assert,
    cleanup,
  }) => {
    const { root, appRoot } = await usePluginSandbox(cleanup)

    const { exitCode, output } = await runAce('plugin:install', ['fixture-notes'])

    assert.equal(exitCode, 0, output)
    assert.include(registry.requests, '/fixture-notes')
    const state = await Plugin.findOrFail('fixture-notes')
    assert.equal(state.installedVersion, '1.1.0')
    assert.isTrue(existsSync(join(root, 'fixture-notes', 'plugin.ts')))
    assert.deepEqual(await fixtureTables(), ['fixture_notes_entries', 'fixture_notes_tags'])
    assert.include(output, 'npm dependencies installed: none')
    // No dependency: npm install does not run, the workspace is left as it was.
    assert.isNull(await textOf(join(appRoot, 'package-lock.json')))
    assert.deepEqual(await readdir(join(root, '.staging')), [])
  })

  test('plugin:install <name>@<range> takes the highest matching version; plugin:upgrade takes a newer one', async ({
    assert,
    cleanup,
  }) => {
    await usePluginSandbox(cleanup)

    const installed = await runAce('plugin:install', ['fixture-notes@~1.0.0'])
    assert.equal(installed.exitCode, 0, installed.output)
    assert.equal(await installedVersion('fixture-notes'), '1.0.0')
    assert.deepEqual(await fixtureTables(), ['fixture_notes_entries'])

    const dryRun = await runAce('plugin:upgrade', [
      'fixture-notes',
      'fixture-notes@^1.1.0',
      '--dry-run',
    ])
    assert.equal(dryRun.exitCode, 0, dryRun.output)
    assert.include(dryRun.output, '0002_create_fixture_notes_tags')
    assert.equal(await installedVersion('fixture-notes'), '1.0.0')

    const upgraded = await runAce('plugin:upgrade', ['fixture-notes', 'fixture-notes@^1.1.0'])
    assert.equal(upgraded.exitCode, 0, upgraded.output)
    assert.equal(await installedVersion('fixture-notes'), '1.1.0')
    assert.deepEqual(await fixtureTables(), ['fixture_notes_entries', 'fixture_notes_tags'])
  })

  test('a plugin with npm dependencies gets them through the workspace and its code uses them', async ({
    assert,
    cleanup,
  }) => {
    const { root, appRoot } = await usePluginSandbox(cleanup)
    const repositoryBefore = await repositoryNpmFiles()
    const workspaceBefore = await textOf(join(appRoot, 'package.json'))

    const dryRun = await runAce('plugin:install', ['@fixture/fixture-greeter@^1.0.0', '--dry-run'])
    assert.equal(dryRun.exitCode, 0, dryRun.output)
    assert.include(dryRun.output, 'npm dependencies it would install: @fixture/shout@^1.0.0')
    assert.include(dryRun.output, 'nothing was changed')
    assert.deepEqual(await leftoversIn(root), [])
    assert.isNull(await textOf(join(appRoot, 'package-lock.json')))

    const { exitCode, output } = await runAce('plugin:install', ['@fixture/fixture-greeter@^1.0.0'])

    assert.equal(exitCode, 0, output)
    assert.include(output, 'npm dependencies installed: @fixture/shout@^1.0.0')
    assert.include(output, 'hooks ran: install')
    // A scoped package is the plugin of its unscoped name.
    assert.equal(await installedVersion('fixture-greeter'), '1.0.0')
    // Its install hook wrote this with the dependency's code.
    assert.deepEqual(await db.from('fixture_greeter_greetings').select('text'), [
      { text: 'BONJOUR!' },
    ])
    const lockfile = await textOf(join(appRoot, 'package-lock.json'))
    const lock = JSON.parse(lockfile!)
    assert.equal(lock.packages['plugins/fixture-greeter'].version, '1.0.0')
    assert.equal(lock.packages['node_modules/@fixture/shout'].version, '1.0.0')
    assert.equal(await versionIn(join(appRoot, 'node_modules/@fixture/shout')), '1.0.0')
    assert.equal(await textOf(join(appRoot, 'package.json')), workspaceBefore)
    assert.deepEqual(await repositoryNpmFiles(), repositoryBefore)
  })

  test('an unknown package or source is refused with a clear message and nothing changes', async ({
    assert,
    cleanup,
  }) => {
    const { root, appRoot } = await usePluginSandbox(cleanup)

    const unknown = await runAce('plugin:install', ['fixture-nowhere'])
    assert.equal(unknown.exitCode, 1)
    assert.include(
      unknown.output,
      'Cannot download "fixture-nowhere" with npm, nothing was changed'
    )
    assert.include(unknown.output, "'fixture-nowhere@*' could not be found")
    assert.include(unknown.output, '(E404)')

    const noVersion = await runAce('plugin:install', ['fixture-notes@^9.0.0'])
    assert.equal(noVersion.exitCode, 1)
    assert.include(noVersion.output, 'No matching version found for fixture-notes@^9.0.0')

    const missingFile = await runAce('plugin:install', ['./vendor/fixture-notes-1.0.0.tgz'])
    assert.include(missingFile.output, 'no such folder or file')
    const gitUrl = await runAce('plugin:install', ['git+https://example.com/acme/plugin.git'])
    assert.include(gitUrl.output, 'give a plugin folder, a .tgz file or an npm package')
    assert.isFalse(
      registry.requests.some((path) => path.includes('vendor') || path.includes('acme'))
    )

    assert.deepEqual(await leftoversIn(root), [])
    assert.isNull(await textOf(join(appRoot, 'package-lock.json')))
    assert.equal(await countRows('plugins'), 0)
    assert.equal(await countRows('maintenance_journal'), 0)
  })

  test('a dependency the registry does not have undoes the install', async ({
    assert,
    cleanup,
  }) => {
    const { root, appRoot } = await usePluginSandbox(cleanup)
    const workspaceBefore = await textOf(join(appRoot, 'package.json'))

    const { exitCode, output } = await runAce('plugin:install', ['fixture-greeter-lost'])

    assert.equal(exitCode, 1)
    assert.include(output, 'installing its npm dependencies failed, nothing was changed')
    assert.include(output, "'@fixture/nowhere@^1.0.0' could not be found")
    assert.deepEqual(await leftoversIn(root), [])
    assert.isNull(await textOf(join(appRoot, 'package-lock.json')))
    assert.equal(await textOf(join(appRoot, 'package.json')), workspaceBefore)
    assert.isFalse(existsSync(join(appRoot, 'node_modules', 'fixture-greeter-lost')))
    assert.equal(await countRows('plugins'), 0)
    assert.deepEqual(await fixtureTables(), [])
  })

  test('a failure after its dependencies are installed puts the lockfile and node_modules back', async ({
    assert,
    cleanup,
  }) => {
    const { root, appRoot } = await usePluginSandbox(cleanup)
    const first = await runAce('plugin:install', ['@fixture/fixture-greeter@1.0.0'])
    assert.equal(first.exitCode, 0, first.output)
    const lockBefore = await textOf(join(appRoot, 'package-lock.json'))

    // 2.0.0 needs @fixture/shout 2 and @fixture/whisper, then its migration fails.
    const { exitCode, output } = await runAce('plugin:upgrade', [
      'fixture-greeter',
      '@fixture/fixture-greeter@2.0.0',
    ])

    assert.equal(exitCode, 1)
    assert.include(output, 'running its new migrations failed, nothing was changed')
    assert.equal(await textOf(join(appRoot, 'package-lock.json')), lockBefore)
    assert.equal(await versionIn(join(appRoot, 'node_modules/@fixture/shout')), '1.0.0')
    assert.isFalse(existsSync(join(appRoot, 'node_modules/@fixture/whisper')))
    assert.equal(await versionIn(join(root, 'fixture-greeter')), '1.0.0')
    assert.equal(await installedVersion('fixture-greeter'), '1.0.0')
    assert.deepEqual(await db.from('fixture_greeter_greetings').select('text'), [
      { text: 'BONJOUR!' },
    ])
  })
})
