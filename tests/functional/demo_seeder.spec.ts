import { spawnSync } from 'node:child_process'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import env from '#start/env'
import DemoSeeder, { DEMO_ADMIN } from '#database/seeders/demo_seeder'
import { countRows, resetToDemoShop } from '#tests/helpers/database'
import { DEMO_PLUGINS } from '#database/demo/plugins'
import PluginKernel from '#plugin_kernel/plugin_kernel'
import { cliActor } from '#plugin_kernel/plugin_lifecycle'

const SEEDED_TABLES = [
  'plugins',
  'maintenance_journal',
  'admin_users',
  'settings',
  'audit_logs',
  'products',
  'variants',
  'categories',
  'stock_levels',
  'stock_movements',
  'price_history',
  'product_search_terms',
  'legal_document_versions',
]

/** The demo plugins' tables are real DDL: they go when the test ends. */
async function uninstallDemoPlugins() {
  const { lifecycle } = await app.container.make(PluginKernel)
  for (const { name } of DEMO_PLUGINS.toReversed()) {
    await lifecycle.uninstall(name, { actor: cliActor(), keepData: false })
  }
}

async function tableCounts() {
  return Object.fromEntries(
    await Promise.all(SEEDED_TABLES.map(async (table) => [table, await countRows(table)] as const))
  )
}

test.group('Demo seed', () => {
  test('builds a believable shop, and running it twice adds nothing', async ({
    assert,
    cleanup,
  }) => {
    const truncate = await resetToDemoShop({ catalog: true })
    cleanup(async () => {
      await uninstallDemoPlugins()
      await truncate()
    })
    await new DemoSeeder(db.connection()).run()
    const before = await tableCounts()
    assert.isAtLeast(before.products, 200)
    assert.isAtLeast(before.categories, 10)
    assert.equal(await countRows('stock_locations'), 4)
    for (const { name } of DEMO_PLUGINS) {
      assert.equal(await countRows('plugins', { name, enabled: true }), 1, name)
    }
    assert.isAbove(await countRows('shipping_table_rates_rates'), 5)

    await new DemoSeeder(db.connection()).run()

    assert.deepEqual(await tableCounts(), before)
    assert.equal(await countRows('admin_users', { email: DEMO_ADMIN.email }), 1)
  }).timeout(120_000)

  test('it refuses to run in production', async ({ assert, cleanup }) => {
    cleanup(await resetToDemoShop())
    await db.from('admin_users').delete()
    const seed = spawnSync(
      process.execPath,
      ['ace', 'db:seed', '--files', 'database/seeders/demo_seeder.ts'],
      {
        cwd: app.makePath(),
        // Same database as this test, seen by a process that believes it is production.
        env: {
          ...process.env,
          NODE_ENV: 'production',
          SQLITE_PATH: env.get('SQLITE_PATH')!,
          DB_DATABASE: env.get('DB_DATABASE')!,
        },
        encoding: 'utf8',
        timeout: 30_000,
      }
    )

    assert.include(seed.stdout, 'Disabled in "production" environment')
    assert.equal(await countRows('admin_users'), 0)
  }).timeout(40_000)
})
