import { randomUUID } from 'node:crypto'
import { cp, mkdir, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { create } from 'tar'
import app from '@adonisjs/core/services/app'
import ace from '@adonisjs/core/services/ace'
import db from '@adonisjs/lucid/services/db'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import Plugin from '#models/plugin'
import { AdminUserFactory } from '#database/factories/admin_user_factory'
import { createCatalogFixture } from '#tests/helpers/catalog'
import { countQueries } from '#tests/helpers/query_counter'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'
import { CustomerFactory } from '#database/factories/customer_factory'
import { cartReadyToOrder, checkoutShop, productOnSale, stockOf } from '#tests/helpers/checkout'
import { fillDeliveryAddress } from '#tests/helpers/checkout_browser'
import { fakeMail, runQueuedJobsNow } from '#tests/helpers/mail'
import { paymentRecord } from '#tests/helpers/payments'

const FIXTURES = app.makePath('tests/fixtures/plugins')

/** A fixture plugin's folder. */
export function fixturePlugin(name: string) {
  return join(FIXTURES, name)
}

/**
 * A plugin kernel working on a copy of the app reduced to what plugins need:
 * a package.json whose npm workspace is an empty plugins folder, inside the
 * app so plugin code resolves the app's packages. It is bound in the
 * container for the test; the repository's plugins/, package.json, lockfile
 * and node_modules are never touched. Cleanup drops what fixture plugins
 * created.
 */
export async function usePluginSandbox(cleanup: (handler: () => Promise<void>) => void) {
  const appRoot = app.makePath('tmp', 'test-plugins', randomUUID())
  const root = join(appRoot, 'plugins')
  const corePatches = join(root, '.core-patches')
  await mkdir(corePatches, { recursive: true })
  const workspace = { name: 'comptoir-sandbox', private: true, workspaces: ['plugins/*'] }
  await writeFile(join(appRoot, 'package.json'), `${JSON.stringify(workspace, null, 2)}\n`)
  const kernel = new PluginKernel({
    appRoot,
    pluginsPath: root,
    corePatchesPath: corePatches,
    timeoutMs: 300,
  })
  app.container.swap(PluginKernel, () => kernel)
  ace.ui.switchMode('raw')

  cleanup(async () => {
    ace.ui.switchMode('normal')
    // Uninstalling drops what each plugin's migrations created.
    for (const { name } of await Plugin.all()) {
      await kernel.lifecycle.uninstall(name, { actor: cliActor(), keepData: false }).catch(() => {})
    }
    app.container.restore(PluginKernel)
    for (const table of await fixtureTables()) await db.connection().schema.dropTableIfExists(table)
    await db.from('plugins').delete()
    await db.from('maintenance_journal').delete()
    await db.from('audit_logs').where('entity_type', 'plugin').delete()
    await rm(appRoot, { recursive: true, force: true })
  })
  return { appRoot, root, corePatches, kernel }
}

/** Tables created by fixture plugins. */
export async function fixtureTables(): Promise<string[]> {
  const tables: string[] = await db.connection().getAllTables()
  return tables.filter((table) => table.startsWith('fixture_')).sort()
}

/**
 * A fixture plugin made of layers: each fixture folder copied over the
 * previous one, as a new version changes some files of the last and keeps the
 * rest ("fixture-notes-1.0.0" then "fixture-notes-1.1.0").
 */
export async function layeredFixture(into: string, ...layers: string[]) {
  const folder = join(into, '.layers', layers.at(-1)!)
  for (const layer of layers) await cp(fixturePlugin(layer), folder, { recursive: true })
  return folder
}

/** Packs a fixture plugin folder the way `npm pack` does (everything under package/). */
export async function packFixture(folder: string, into: string) {
  const file = join(into, `${basename(folder)}.tgz`)
  await create({ gzip: true, file, cwd: folder, prefix: 'package' }, ['.'])
  return file
}

/** Runs an ace command in this process, returning it for its exit code and logs. */
export async function runAce(name: string, args: string[]) {
  const command = await ace.exec(name, args)
  return {
    command,
    exitCode: command.exitCode,
    output: command.logger
      .getLogs()
      .map((log) => log.message)
      .join('\n'),
  }
}

/**
 * Installs a plugin of the repository's plugins/ into a sandbox, saves its
 * settings and enables it; a refusal fails the test with the command output.
 */
async function installedPlugin(
  cleanup: (handler: () => Promise<void>) => void,
  name: string,
  settings: Record<string, unknown> = {}
) {
  const { kernel } = await usePluginSandbox(cleanup)
  const install = await runAce('plugin:install', [app.makePath('plugins', name)])
  if (install.exitCode) throw new Error(`plugin:install failed: ${install.output}`)
  const saved = await kernel.lifecycle.saveSettings(name, settings, 'fr', cliActor())
  if (!saved.valid) throw new Error(`settings refused: ${JSON.stringify(saved.errors)}`)
  const enable = await runAce('plugin:enable', [name])
  if (enable.exitCode) throw new Error(`plugin:enable failed: ${enable.output}`)
  return { kernel }
}

/**
 * A back-office user, removed after the test: an owner (who may manage
 * plugins) unless another role is asked for.
 */
async function adminUser(
  cleanup: (handler: () => Promise<void>) => void,
  role?: 'manager' | 'support'
) {
  const user = await (role ? AdminUserFactory.apply(role) : AdminUserFactory).create()
  cleanup(() => user.delete())
  return user
}

/**
 * What a plugin's own test suites get from the core. Plugin packages cannot
 * import core files (their `#` imports resolve inside the plugin), so the
 * test bootstrap binds this kit in the container:
 * `const kit = await app.container.make('comptoir.plugin_test_kit')`.
 */
export const pluginTestKit = {
  usePluginSandbox,
  installedPlugin,
  adminUser,
  runAce,
  cliActor,
  createCatalogFixture,
  AdminUserFactory,
  countQueries,
  // For payment plugins: a shop that takes orders, a cart at the review step, e-mails caught.
  checkoutShop,
  productOnSale,
  cartReadyToOrder,
  fillDeliveryAddress,
  stockOf,
  fakeMail,
  runQueuedJobsNow,
  paymentRecord,
  CustomerFactory,
}

declare module '@adonisjs/core/types' {
  interface ContainerBindings {
    'comptoir.plugin_test_kit': typeof pluginTestKit
  }
}
