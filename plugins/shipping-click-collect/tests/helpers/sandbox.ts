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

// The core's plugin test helpers, bound by the test bootstrap.
const kit = await app.container.make('comptoir.plugin_test_kit')

/**
 * This plugin installed from its folder into the core's test sandbox (which
 * uninstalls it afterwards, dropping its tables), configured and enabled.
 */
export async function installedPlugin(cleanup: Cleanup, settings: Record<string, unknown> = {}) {
  const { kernel } = await kit.installedPlugin(cleanup, PLUGIN, settings)

  /** The click & collect method as the kernel offers it. */
  async function method(): Promise<ShippingMethod> {
    const providers = await kernel.registry.providers('shipping')
    const found = providers.find(({ plugin }) => plugin === PLUGIN)
    if (!found) throw new Error(`${PLUGIN} provides no shipping method`)
    return found.provider
  }
  return { kernel, runAce: kit.runAce, cliActor: kit.cliActor, method }
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

export const adminUser = kit.adminUser
