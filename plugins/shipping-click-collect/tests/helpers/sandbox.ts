import { DateTime } from 'luxon'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import type { ShippingMethod } from '@comptoir/contracts/shipping_method'

/**
 * What this plugin's functional tests share: the plugin installed from its
 * folder into the core's test sandbox, catalog rows written straight into the
 * core's tables (test data only: the plugin itself never writes them), and a
 * back-office user.
 */

export const PLUGIN = 'shipping-click-collect'
export const TABLE = 'shipping_click_collect_stores'
export const ALERTS_TABLE = 'shipping_click_collect_stock_alerts'

type Cleanup = (handler: () => Promise<void>) => void

/**
 * Installs this plugin from its folder into a sandbox plugins folder, saves
 * its settings and enables it. Cleanup drops its tables and the audit entries
 * of those steps, whatever the sandbox's own cleanup already does.
 */
export async function installedPlugin(cleanup: Cleanup, settings: Record<string, unknown> = {}) {
  // The core's plugin test helpers, bound by the test bootstrap.
  const { usePluginSandbox, runAce, cliActor } = await app.container.make(
    'comptoir.plugin_test_kit'
  )
  cleanup(async () => {
    await db.connection().schema.dropTableIfExists(TABLE)
    await db.connection().schema.dropTableIfExists(ALERTS_TABLE)
    await db.from('audit_logs').where({ entity_type: 'plugin', entity_id: PLUGIN }).delete()
  })
  const { kernel } = await usePluginSandbox(cleanup)

  const install = await runAce('plugin:install', [app.makePath('plugins', PLUGIN)])
  if (install.exitCode) throw new Error(`plugin:install failed: ${install.output}`)
  const saved = await kernel.lifecycle.saveSettings(PLUGIN, settings, 'fr', cliActor())
  if (!saved.valid) throw new Error(`settings refused: ${JSON.stringify(saved.errors)}`)
  const enable = await runAce('plugin:enable', [PLUGIN])
  if (enable.exitCode) throw new Error(`plugin:enable failed: ${enable.output}`)

  /** The click & collect method as the kernel offers it. */
  async function method(): Promise<ShippingMethod> {
    const providers = await kernel.registry.providers('shipping')
    const found = providers.find(({ plugin }) => plugin === PLUGIN)
    if (!found) throw new Error(`${PLUGIN} provides no shipping method`)
    return found.provider
  }
  return { kernel, runAce, cliActor, method }
}

const timestamp = () => DateTime.utc().toSQL({ includeOffset: false })

async function insertId(table: string, row: Record<string, unknown>): Promise<number> {
  const [id] = await db.table(table).insert(row)
  return Number(id)
}

export interface LocationRow {
  code: string
  name: string
  type?: 'warehouse' | 'store'
  clickAndCollect?: boolean
}

/** Stock locations in this order (their position), by code. */
export async function insertLocations(rows: LocationRow[]) {
  const ids: Record<string, number> = {}
  for (const [position, row] of rows.entries()) {
    ids[row.code] = await insertId('stock_locations', {
      code: row.code,
      name: row.name,
      type: row.type ?? 'store',
      fulfils_online: row.type === 'warehouse',
      click_and_collect: row.clickAndCollect ?? row.type !== 'warehouse',
      position,
      created_at: timestamp(),
      updated_at: timestamp(),
    })
  }
  return ids
}

/** A visible product with one variant; returns the variant's id. */
export async function insertProduct(name: { fr: string; en: string; slug: string }, sku: string) {
  const productId = await insertId('products', {
    type: 'simple',
    vat_rate: 2000,
    weight_grams: 900,
    price_min: 4500,
    price_max: 4500,
    in_stock: true,
    created_at: timestamp(),
    updated_at: timestamp(),
  })
  await db.table('product_translations').multiInsert([
    { product_id: productId, locale: 'fr', name: name.fr, slug: name.slug },
    { product_id: productId, locale: 'en', name: name.en, slug: `${name.slug}-en` },
  ])
  return insertId('variants', {
    product_id: productId,
    sku,
    price_amount: 4500,
    created_at: timestamp(),
    updated_at: timestamp(),
  })
}

/** Stock levels: [variant id, location id, quantity, safety threshold]. */
export async function insertLevels(rows: [number, number, number, number?][]) {
  await db.table('stock_levels').multiInsert(
    rows.map(([variantId, locationId, quantity, safetyThreshold = 0]) => ({
      variant_id: variantId,
      stock_location_id: locationId,
      quantity,
      safety_threshold: safetyThreshold,
      updated_at: timestamp(),
    }))
  )
}

/**
 * A back-office user, removed after the test: an owner (who may manage
 * plugins) unless another role is asked for. Log in with `loginAs(user)`.
 */
export async function adminUser(cleanup: Cleanup, role?: 'manager' | 'support') {
  const { AdminUserFactory } = await app.container.make('comptoir.plugin_test_kit')
  const user = await (role ? AdminUserFactory.apply(role) : AdminUserFactory).create()
  cleanup(() => user.delete())
  return user
}
