import db from '@adonisjs/lucid/services/db'
import { CatalogStock, type PlaceStock, type StockPlace } from '@comptoir/contracts/catalog_stock'

/**
 * The core's answer to plugins asking what each location holds.
 */
export default class CatalogStockReader extends CatalogStock {
  async places(): Promise<StockPlace[]> {
    const rows = await db.from('stock_locations').orderBy('position').orderBy('id')
    return rows.map((row) => ({
      id: Number(row.id),
      code: row.code,
      name: row.name,
      type: row.type,
      clickAndCollect: Boolean(row.click_and_collect),
    }))
  }

  async levels(variantIds: readonly number[]): Promise<PlaceStock[]> {
    if (!variantIds.length) return []
    const rows = await db.from('stock_levels').whereIn('variant_id', [...variantIds])
    return rows.map((row) => ({
      placeId: Number(row.stock_location_id),
      variantId: Number(row.variant_id),
      quantity: Number(row.quantity),
      safetyThreshold: Number(row.safety_threshold),
    }))
  }
}
